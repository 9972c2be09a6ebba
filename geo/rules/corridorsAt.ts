import type { LonLat } from '../../shared/sites.js';
import { boxAroundKm } from './geodesy.js';
import { byDistanceThenId, corridorDistanceKm } from './measure.js';
import { inSeason } from './season.js';
import type { CorridorMatch, SiteIndex } from './types.js';

/**
 * Corridors whose buffer of `bufferKm` contains the point (a point on the buffer's edge is
 * inside), nearest first, each with `inSeason` for `date` (epoch ms). The early-warning rule
 * fires only for matches with `inSeason: true`; out-of-season matches are returned so a panel can
 * say "on the Tonj corridor, out of season".
 * Tree pass: the point against boxes padded by the index's buffer (or a box around the point
 * when `bufferKm` is wider); exact pass: turf nearest point on line.
 * @example
 * // one km north of the Kayango station on 15 Feb 2026
 * corridorsAt(index, [28.25, 7.759], 10, Date.UTC(2026, 1, 15)).filter((m) => m.inSeason).length // 4
 */
export function corridorsAt(index: SiteIndex, at: LonLat, bufferKm: number, date: number): CorridorMatch[] {
  if (index.corridorTree === null || !(bufferKm >= 0)) return [];
  const [west, south, east, north] =
    bufferKm <= index.corridorBufferKm ? [at[0], at[1], at[0], at[1]] : boxAroundKm(at, bufferKm);
  const matches: CorridorMatch[] = [];
  for (const i of index.corridorTree.search(west, south, east, north)) {
    const corridor = index.corridors[i];
    if (corridor === undefined) continue;
    const distanceKm = corridorDistanceKm(at, corridor);
    if (distanceKm <= bufferKm) matches.push({ corridor, distanceKm, inSeason: inSeason(corridor.properties.season, date) });
  }
  return matches.sort(byDistanceThenId((m) => m.corridor.properties.id));
}
