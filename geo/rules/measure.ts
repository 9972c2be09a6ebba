/**
 * The exact tests every rule ends with, shared by the indexed and the naive rules so that the
 * two can only differ in which candidates they look at.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance } from '@turf/distance';
import { nearestPointOnLine } from '@turf/nearest-point-on-line';
import type { CorridorFeature, LonLat } from '../../shared/sites.js';
import type { PointSite, Zone } from './types.js';

/**
 * Great-circle km from a point to a site: to the anchor, or for a POC site to the edge of its
 * footprint circle (0 inside). The circle is the ideal one of radius `radiusM`, not the 64-gon
 * that `zonesContaining` tests, so near the edge the two may differ by under 0.2 % of the radius.
 * @example
 * siteDistanceKm([31.65, 9.55], malakalPoc) // 0
 */
export function siteDistanceKm(at: LonLat, site: PointSite): number {
  const d = distance(at, site.geometry.coordinates, { units: 'kilometers' });
  return site.properties.kind === 'poc-site' ? Math.max(0, d - site.properties.radiusM / 1000) : d;
}

/**
 * Great-circle km from a point to the nearest point of a corridor line (turf follows great
 * circles between vertices).
 * @example
 * corridorDistanceKm([28.25, 7.75], gogrialKayango) // 0
 */
export function corridorDistanceKm(at: LonLat, corridor: CorridorFeature): number {
  return nearestPointOnLine(corridor, at, { units: 'kilometers' }).properties.pointDistance;
}

/**
 * Whether a point lies in a zone. A point exactly on the boundary counts as inside: a patrol
 * standing on a POC perimeter is at the site, and for protection it is better to alert once too
 * often than to miss an incident on the fence line.
 * @example
 * isInZone([31.65, 9.55], malakalFootprint) // true
 */
export function isInZone(at: LonLat, zone: Zone): boolean {
  return booleanPointInPolygon(at, zone.footprint, { ignoreBoundary: false });
}

/**
 * Orders matches nearest first, then by id, so results are reproducible.
 * @example
 * matches.sort(byDistanceThenId((m) => m.site.properties.id))
 */
export function byDistanceThenId<T extends { distanceKm: number }>(idOf: (m: T) => string): (a: T, b: T) => number {
  return (a, b) => a.distanceKm - b.distanceKm || (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);
}
