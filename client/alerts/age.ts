import { currentLang, type Lang } from '../i18n/lang.js';
import { alertMessages } from './messages.js';
import { lastSeen } from '../format/time.js';

/**
 * How long ago an alert was raised, re-read every few seconds: seconds in steps of five so the
 * text does not flicker, then minutes and hours as elsewhere on the map.
 * @example alertAge(now - 125_000, now) === '2 min ago'
 */
export function alertAge(raisedAt: number, now: number, lang: Lang = currentLang()): string {
  const t = alertMessages[lang];
  const s = Math.floor((now - raisedAt) / 1000);
  if (s < 5) return t.justNow;
  if (s < 60) return t.secondsAgo(s - (s % 5));
  return lastSeen(raisedAt, now, lang);
}
