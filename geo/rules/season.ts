import type { CorridorFeature } from '../../shared/sites.js';

/** A migration season: months 1–12, both inclusive; `from > to` wraps the year end. */
export type Season = CorridorFeature['properties']['season'];

/**
 * Whether a date falls within a migration season. The month is taken in UTC: the season is
 * given to the month, and a position reported at 23:30 Juba time (UTC+2) on 31 May is already
 * judged as 31 May UTC 21:30, so the two hours only matter on the first/last day of a month.
 * A season from 12 to 5 holds December through May; from 5 to 5 holds May only.
 * @example
 * inSeason({ from: 12, to: 5 }, Date.UTC(2025, 11, 10)) // true  (December)
 * inSeason({ from: 12, to: 5 }, Date.UTC(2026, 4, 31))  // true  (May)
 * inSeason({ from: 12, to: 5 }, Date.UTC(2026, 5, 1))   // false (June)
 * inSeason({ from: 1, to: 4 }, Date.UTC(2026, 1, 15))   // true
 */
export function inSeason(season: Season, date: number): boolean {
  const month = new Date(date).getUTCMonth() + 1;
  if (Number.isNaN(month)) throw new RangeError(`inSeason: not a date: ${date}`);
  return season.from <= season.to
    ? month >= season.from && month <= season.to
    : month >= season.from || month <= season.to;
}
