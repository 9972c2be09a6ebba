/**
 * The reference rules: the same answers as the indexed ones, by a plain loop over every feature
 * with the same exact turf tests and the same ordering. The tests cross-check the index against
 * these, and `bench/rules.ts` measures what the index buys. Any `SiteIndex` is also a
 * `MissionFeatures`, so these accept an index too (and ignore its trees).
 */
import type { LonLat } from '../../shared/sites.js';
import { byDistanceThenId, corridorDistanceKm, isInZone, siteDistanceKm } from './measure.js';
import { inSeason } from './season.js';
import type { CorridorMatch, MissionFeatures, NearestSites, PointSiteKind, SiteMatch, Zone } from './types.js';

/**
 * `sitesWithin` by a plain loop.
 * @example
 * sitesWithinNaive(missionFeatures(pack), [31.6527, 9.55], 5).length // 2
 */
export function sitesWithinNaive(
  features: MissionFeatures,
  at: LonLat,
  km: number,
  kinds?: readonly PointSiteKind[],
): SiteMatch[] {
  if (!(km >= 0)) return [];
  const matches: SiteMatch[] = [];
  for (const site of features.sites) {
    if (kinds !== undefined && !kinds.includes(site.properties.kind)) continue;
    const distanceKm = siteDistanceKm(at, site);
    if (distanceKm <= km) matches.push({ site, distanceKm });
  }
  return matches.sort(byDistanceThenId((m) => m.site.properties.id));
}

/**
 * `corridorsAt` by a plain loop.
 * @example
 * corridorsAtNaive(missionFeatures(pack), [28.25, 7.759], 10, Date.UTC(2026, 1, 15)).length // 4
 */
export function corridorsAtNaive(features: MissionFeatures, at: LonLat, bufferKm: number, date: number): CorridorMatch[] {
  if (!(bufferKm >= 0)) return [];
  const matches: CorridorMatch[] = [];
  for (const corridor of features.corridors) {
    const distanceKm = corridorDistanceKm(at, corridor);
    if (distanceKm <= bufferKm) matches.push({ corridor, distanceKm, inSeason: inSeason(corridor.properties.season, date) });
  }
  return matches.sort(byDistanceThenId((m) => m.corridor.properties.id));
}

/**
 * `zonesContaining` by a plain loop.
 * @example
 * zonesContainingNaive(missionFeatures(pack), [31.65, 9.55]).map((z) => z.id) // ['malakal-poc']
 */
export function zonesContainingNaive(features: MissionFeatures, at: LonLat): Zone[] {
  return features.zones.filter((zone) => isInZone(at, zone));
}

/**
 * `nearestSite` by a plain loop.
 * @example
 * nearestSiteNaive(missionFeatures(pack), [31.7, 9.6]).fieldOffice?.site.properties.id // 'malakal'
 */
export function nearestSiteNaive(features: MissionFeatures, at: LonLat): NearestSites {
  const nearest = (kind: PointSiteKind): SiteMatch | null => {
    const order = byDistanceThenId<SiteMatch>((m) => m.site.properties.id);
    let best: SiteMatch | null = null;
    for (const site of features.sites) {
      if (site.properties.kind !== kind) continue;
      const candidate = { site, distanceKm: siteDistanceKm(at, site) };
      if (best === null || order(candidate, best) < 0) best = candidate;
    }
    return best;
  };
  return { pocSite: nearest('poc-site'), fieldOffice: nearest('field-office') };
}
