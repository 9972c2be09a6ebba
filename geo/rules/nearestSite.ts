import type { LonLat } from '../../shared/sites.js';
import { boxAroundKm } from './geodesy.js';
import { byDistanceThenId, siteDistanceKm } from './measure.js';
import type { NearestSites, PointSiteKind, SiteIndex, SiteMatch } from './types.js';

/**
 * The nearest site of one kind. Flatbush's k-nearest search ranks by flat degrees, which is not
 * distance on the ground, so it only supplies a first candidate; its true distance d then bounds
 * a box search that holds every site that could be nearer, and the exact minimum is taken there.
 */
function nearestOfKind(index: SiteIndex, at: LonLat, kind: PointSiteKind): SiteMatch | null {
  const tree = index.siteTree;
  if (tree === null) return null;
  const isKind = (i: number): boolean => index.sites[i]?.properties.kind === kind;
  const [first] = tree.neighbors(at[0], at[1], 1, Infinity, isKind);
  const firstSite = first === undefined ? undefined : index.sites[first];
  if (firstSite === undefined) return null;
  const reachKm = siteDistanceKm(at, firstSite) + (kind === 'poc-site' ? index.maxFootprintKm : 0);
  const [west, south, east, north] = boxAroundKm(at, reachKm);
  let best: SiteMatch | null = null;
  const order = byDistanceThenId<SiteMatch>((m) => m.site.properties.id);
  for (const i of tree.search(west, south, east, north, isKind)) {
    const site = index.sites[i];
    if (site === undefined) continue;
    const candidate = { site, distanceKm: siteDistanceKm(at, site) };
    if (best === null || order(candidate, best) < 0) best = candidate;
  }
  return best;
}

/**
 * The nearest POC site (distance to its footprint, 0 inside) and the nearest field office
 * (distance to the office point), for attaching to an incident. Ties go to the smaller id.
 * @example
 * const { pocSite, fieldOffice } = nearestSite(index, [31.7, 9.6]);
 * pocSite?.site.properties.id     // 'malakal-poc'
 * fieldOffice?.site.properties.id // 'malakal'
 */
export function nearestSite(index: SiteIndex, at: LonLat): NearestSites {
  return { pocSite: nearestOfKind(index, at, 'poc-site'), fieldOffice: nearestOfKind(index, at, 'field-office') };
}
