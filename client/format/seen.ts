import type { LinkStatus } from '../../shared/units.js';
import { currentLang, type Lang } from '../i18n/lang.js';
import { lastSeen } from './time.js';

const SEEN: Record<Lang, { stale: (ago: string) => string; lost: (ago: string) => string }> = {
  en: { stale: (ago) => `last seen ${ago}`, lost: (ago) => `lost · last seen ${ago}` },
  fr: { stale: (ago) => `dernier contact ${ago}`, lost: (ago) => `perdue · dernier contact ${ago}` },
};

/**
 * The words beside a unit that is not live, read from across the room: how long it has been
 * silent, and that it is lost once it is, in the current language. Live and never-seen units carry none.
 * @example seenLabel('stale', now - 7 * 60_000, now) === 'last seen 7 min ago'
 */
export function seenLabel(status: LinkStatus, fixMs: number | null, nowMs: number, lang: Lang = currentLang()): string {
  if (fixMs === null) return '';
  if (status === 'stale') return SEEN[lang].stale(lastSeen(fixMs, nowMs, lang));
  if (status === 'lost') return SEEN[lang].lost(lastSeen(fixMs, nowMs, lang));
  return '';
}
