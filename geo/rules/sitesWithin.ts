import type { LonLat } from '../../shared/sites.js';
import { boxAroundKm } from './geodesy.js';
import { byDistanceThenId, siteDistanceKm } from './measure.js';
import type { PointSiteKind, SiteIndex, SiteMatch } from './types.js';

/**
 * Sites (headquarters, field offices, POC sites, police stations) within `km` of a point,
 * nearest first (ties by id), with the distance in km — to the anchor, or to the edge of a POC
 * footprint (0 inside). Tree pass: a box `km` + the largest footprint radius around the point;
 * exact pass: turf great-circle distance. Pass `kinds` to keep only some kinds.
 * @example
 * // an incident 300 m east of the Malakal POC anchor
 * sitesWithin(index, [31.6527, 9.55], 5).map((m) => m.site.properties.id) // ['malakal-poc', 'malakal']
 */
export function sitesWithin(
  index: SiteIndex,
  at: LonLat,
  km: number,
  kinds?: readonly PointSiteKind[],
): SiteMatch[] {
  if (index.siteTree === null || !(km >= 0)) return [];
  const [west, south, east, north] = boxAroundKm(at, km + index.maxFootprintKm);
  const matches: SiteMatch[] = [];
  for (const i of index.siteTree.search(west, south, east, north)) {
    const site = index.sites[i];
    if (site === undefined || (kinds !== undefined && !kinds.includes(site.properties.kind))) continue;
    const distanceKm = siteDistanceKm(at, site);
    if (distanceKm <= km) matches.push({ site, distanceKm });
  }
  return matches.sort(byDistanceThenId((m) => m.site.properties.id));
}
