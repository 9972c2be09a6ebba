import distance from '@turf/distance';
import { point } from '@turf/helpers';
import type { FieldOfficeFeature, LonLat } from '../shared/sites.js';

/**
 * The field office closest to a point, by great-circle distance.
 *
 * @example
 * nearestFieldOffice(pack.fieldOffices.features, [31.66, 9.56])?.office.properties.id // 'malakal'
 */
export function nearestFieldOffice(
  offices: readonly FieldOfficeFeature[],
  at: LonLat,
): { office: FieldOfficeFeature; distanceKm: number } | null {
  let best: { office: FieldOfficeFeature; distanceKm: number } | null = null;
  const here = point(at);
  for (const office of offices) {
    const d = distance(here, point(office.geometry.coordinates), { units: 'kilometers' });
    if (!best || d < best.distanceKm) best = { office, distanceKm: d };
  }
  return best;
}
