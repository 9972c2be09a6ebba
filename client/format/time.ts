/**
 * Times as the JOC reads them: Juba local time (Africa/Juba) beside a Zulu date-time group.
 * Everything is stored as UTC epoch milliseconds; only these functions turn it into words.
 */

import { currentLang, LOCALE, type Lang } from '../i18n/lang.js';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;

export const JUBA_TIME_ZONE = 'Africa/Juba';

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The military date-time group in UTC: day, hours, minutes, "Z", month, two-digit year.
 * @example zuluDtg(Date.UTC(2026, 10, 21, 14, 30)) === '211430Z NOV 26'
 */
export function zuluDtg(epochMs: number): string {
  const d = new Date(epochMs);
  const month = MONTHS[d.getUTCMonth()] ?? '???';
  const year = pad2(d.getUTCFullYear() % 100);
  return `${pad2(d.getUTCDate())}${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}Z ${month} ${year}`;
}

// Intl formatters are costly to build; the clock ticks every second, so build each once.
const jubaClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: JUBA_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const jubaShortClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: JUBA_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const jubaDayIn = (lang: Lang) =>
  new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone: JUBA_TIME_ZONE,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
const jubaDay: Record<Lang, Intl.DateTimeFormat> = { en: jubaDayIn('en'), fr: jubaDayIn('fr') };
const jubaOffset = new Intl.DateTimeFormat('en-GB', { timeZone: JUBA_TIME_ZONE, timeZoneName: 'shortOffset' });
const jubaMonth = new Intl.DateTimeFormat('en-GB', { timeZone: JUBA_TIME_ZONE, month: 'numeric' });

/** Juba wall-clock time, "16:30:12". */
export function jubaTime(epochMs: number): string {
  return jubaClock.format(epochMs);
}

/** Juba wall-clock time to the minute, "16:30". */
export function jubaHoursMinutes(epochMs: number): string {
  return jubaShortClock.format(epochMs);
}

/** Juba calendar date in the current language, "Sat 21 Nov 2026" / "sam. 21 nov. 2026". */
export function jubaDate(epochMs: number, lang: Lang = currentLang()): string {
  return jubaDay[lang].format(epochMs).replace(',', '');
}

/** Juba's offset from UTC at that instant, "UTC+2" (Intl says "GMT+2"). */
export function jubaUtcOffset(epochMs: number): string {
  const part = jubaOffset.formatToParts(epochMs).find((p) => p.type === 'timeZoneName');
  return part ? part.value.replace(/^GMT/, 'UTC') : 'UTC+2';
}

/** The month (1–12) in Juba at that instant. */
export function jubaMonthNumber(epochMs: number): number {
  return Number(jubaMonth.format(epochMs));
}

const AGO: Record<Lang, { now: string; ago: (span: string) => string; s: string; min: string; h: string; d: string }> = {
  en: { now: 'just now', ago: (span) => `${span} ago`, s: 's', min: 'min', h: 'h', d: 'd' },
  fr: { now: "à l'instant", ago: (span) => `il y a ${span}`, s: 's', min: 'min', h: 'h', d: 'j' },
};

/**
 * How long ago a fix was taken, in words a watch officer reads at a glance, in the current
 * language. A fix from the future (clock skew between tracker and server) reads "just now".
 * @example lastSeen(now - 12_000, now) === '12 s ago' (French: 'il y a 12 s')
 */
export function lastSeen(fixMs: number, nowMs: number, lang: Lang = currentLang()): string {
  const w = AGO[lang];
  const s = Math.floor((nowMs - fixMs) / 1000);
  if (s < 1) return w.now;
  if (s < 60) return w.ago(`${s} ${w.s}`);
  const min = Math.floor(s / 60);
  if (min < 60) return w.ago(`${min} ${w.min}`);
  const h = Math.floor(min / 60);
  if (h < 24) return w.ago(min % 60 === 0 ? `${h} ${w.h}` : `${h} ${w.h} ${min % 60} ${w.min}`);
  const d = Math.floor(h / 24);
  return w.ago(h % 24 === 0 ? `${d} ${w.d}` : `${d} ${w.d} ${h % 24} ${w.h}`);
}
