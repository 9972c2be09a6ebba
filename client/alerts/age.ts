import { lastSeen } from '../format/time.js';

/**
 * How long ago an alert was raised, re-read every few seconds: seconds in steps of five so the
 * text does not flicker, then minutes and hours as elsewhere on the map.
 * @example alertAge(now - 125_000, now) === '2 min ago'
 */
export function alertAge(raisedAt: number, now: number): string {
  const s = Math.floor((now - raisedAt) / 1000);
  if (s < 5) return 'just now';
  if (s < 60) return `${s - (s % 5)} s ago`;
  return lastSeen(raisedAt, now);
}
