import { EXPORT_LIMITS } from '../../shared/export.js';
import { currentLang, type Lang } from '../i18n/lang.js';
import { fromJubaInput } from '../patrols/jubaInput.js';
import type { ExportWindow } from './exportUrl.js';
import { exportMessages } from './messages.js';

/** The windows the Export menu offers: the last so many hours, or one typed in Juba time (words in messages.ts). */
export const WINDOW_CHOICES = [
  { id: '24h', hours: 24 },
  { id: '12h', hours: 12 },
  { id: '6h', hours: 6 },
  { id: '1h', hours: 1 },
  { id: 'custom', hours: null },
] as const;
export type WindowChoice = (typeof WINDOW_CHOICES)[number]['id'];

export type WindowResult = { ok: true; window: ExportWindow } | { ok: false; field: 'from' | 'to'; message: string };

/**
 * The window an export covers, from the menu's choice and the server's time; a typed window is
 * read as Juba time and must run forwards.
 * @example chosenWindow('6h', now, '', '') // { ok: true, window: { from: now - 6 h, to: now } }
 */
export function chosenWindow(choice: WindowChoice, now: number, fromText: string, toText: string, lang: Lang = currentLang()): WindowResult {
  const t = exportMessages[lang];
  const picked = WINDOW_CHOICES.find((c) => c.id === choice);
  if (picked && picked.hours !== null) return { ok: true, window: { from: now - picked.hours * 3_600_000, to: now } };
  const from = fromJubaInput(fromText);
  if (from === null) return { ok: false, field: 'from', message: t.startFormat };
  const to = fromJubaInput(toText);
  if (to === null) return { ok: false, field: 'to', message: t.endFormat };
  if (to <= from) return { ok: false, field: 'to', message: t.endAfterStart };
  return { ok: true, window: { from, to } };
}

/** Tracks cover at most 24 hours (the server refuses more). */
export const tracksFit = (window: ExportWindow): boolean => window.to - window.from <= EXPORT_LIMITS.trackWindowMs;
