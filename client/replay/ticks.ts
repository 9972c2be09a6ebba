import { jubaDate, jubaHoursMinutes } from '../format/time.js';
import { currentLang, type Lang } from '../i18n/lang.js';

const HOUR = 3600_000;

/** One mark under the replay slider. */
export interface Tick {
  at: number;
  /** where along the slider, 0–1 */
  position: number;
  /** the words under it, or empty for a plain mark */
  label: string;
  /** midnight in Juba: the label is the date */
  day: boolean;
}

/** Label every this many hours: at most nine labels (a day: every three hours). */
function labelEvery(hours: number): number {
  for (const step of [1, 2, 3, 6, 12, 24]) if (hours / step <= 9) return step;
  return 48;
}

/**
 * Marks for each whole hour between `from` and `to`, in Juba time (UTC+2: its whole hours are
 * UTC's), labelled "14:00" every few hours and with the date at midnight.
 * @example hourTicks(Date.UTC(2027, 2, 10, 6, 30), Date.UTC(2027, 2, 10, 9, 30)).map((t) => t.label) // ['09:00', '10:00', '11:00']
 */
export function hourTicks(from: number, to: number, lang: Lang = currentLang()): Tick[] {
  if (!(to > from)) return [];
  const hours = (to - from) / HOUR;
  const every = labelEvery(hours);
  // A mark every hour up to two days, then only where there is a label.
  const markEvery = hours > 48 ? every : 1;
  const ticks: Tick[] = [];
  for (let at = Math.ceil(from / HOUR) * HOUR; at <= to; at += HOUR) {
    const wall = jubaHoursMinutes(at);
    const hour = Number(wall.slice(0, 2));
    if (hour % markEvery !== 0) continue;
    const day = hour === 0;
    const labelled = hour % every === 0;
    ticks.push({ at, position: (at - from) / (to - from), label: day ? jubaDate(at, lang).replace(/ \d{4}$/, '') : labelled ? wall : '', day });
  }
  return ticks;
}
