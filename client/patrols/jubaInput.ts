import { JUBA_TIME_ZONE } from '../format/time.js';

/**
 * Juba wall-clock times as the patrol form's fields hold them, 24-hour whatever the browser's
 * language ("2027-02-15 14:30", "14:30"), turned into UTC epoch ms and back. The offset is
 * Juba's at that instant (UTC+2 since February 2021), whatever the PC's own zone.
 */

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: JUBA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function jubaFields(epochMs: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of parts.formatToParts(epochMs)) {
    if (p.type in out) out[p.type as keyof typeof out] = Number(p.value);
  }
  return out;
}

/** Juba's offset from UTC at an instant, in ms. */
function jubaOffsetMs(epochMs: number): number {
  const f = jubaFields(epochMs);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The instant as the form shows it, in Juba time, to the minute.
 * @example toJubaInput(Date.UTC(2027, 1, 15, 12, 30)) === '2027-02-15 14:30'
 */
export function toJubaInput(epochMs: number): string {
  const f = jubaFields(epochMs);
  return `${f.year}-${pad(f.month)}-${pad(f.day)} ${pad(f.hour)}:${pad(f.minute)}`;
}

const DATETIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T|\s+)(\d{1,2}):(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})$/;

/**
 * The instant a date and time typed as "YYYY-MM-DD HH:MM" (or with a T) names in Juba time;
 * null when it is not one.
 * @example fromJubaInput('2027-02-15 14:30') === Date.UTC(2027, 1, 15, 12, 30)
 */
export function fromJubaInput(text: string): number | null {
  const m = DATETIME.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the wall time read as UTC is Juba's offset then, but for a change of offset in between.
  return wall - jubaOffsetMs(wall - jubaOffsetMs(wall));
}

/**
 * The first instant at or after `from` when Juba clocks read "HH:MM": a due time typed as a
 * time of day falls inside a window that may cross midnight. Null when it is not a time.
 * @example dueAfter('14:30', Date.UTC(2027, 1, 15, 6, 0)) === Date.UTC(2027, 1, 15, 12, 30)
 */
export function dueAfter(text: string, from: number): number | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) return null;
  const day = toJubaInput(from).slice(0, 10);
  const sameDay = fromJubaInput(`${day} ${pad(hour)}:${pad(minute)}`);
  if (sameDay === null) return null;
  return sameDay >= from ? sameDay : sameDay + 24 * 3600_000;
}
