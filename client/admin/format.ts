import { JUBA_TIME_ZONE } from '../format/time.js';
import { currentLang, LOCALE, type Lang } from '../i18n/lang.js';

const jubaStampFormat: Record<Lang, Intl.DateTimeFormat> = {
  en: stampFormat('en'),
  fr: stampFormat('fr'),
};

function stampFormat(lang: Lang): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone: JUBA_TIME_ZONE,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
}

/**
 * An instant in UTC, sortable and unambiguous for an inquiry.
 * @example utcStamp(Date.UTC(2026, 10, 21, 14, 30, 5)) === '2026-11-21 14:30:05Z'
 */
export function utcStamp(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z`;
}

/**
 * The same instant on the clock in Juba.
 * @example jubaStamp(Date.UTC(2026, 10, 21, 14, 30, 5)) === '21 Nov 2026 16:30:05'
 */
export function jubaStamp(epochMs: number, lang: Lang = currentLang()): string {
  // "21 Nov 2026, 16:30:05" in English, "21 nov. 2026 à 16:30:05" in French: the clock without its joining word.
  return jubaStampFormat[lang].format(epochMs).replace(',', '').replace(' à ', ' ');
}

/**
 * An audit entry's details on one line.
 * @example detailsText({ role: 'operator', sensitive: false }) === 'role: operator, sensitive: false'
 */
export function detailsText(details: Record<string, unknown> | null): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
