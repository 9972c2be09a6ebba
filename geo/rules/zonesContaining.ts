import type { LonLat } from '../../shared/sites.js';
import { isInZone } from './measure.js';
import type { SiteIndex, Zone } from './types.js';

/**
 * The zones (POC footprints, then any extra polygon zones) containing a point, in index order.
 * A point exactly on a footprint boundary counts as inside (see `isInZone`). Tree pass: the
 * footprint's bounding box; exact pass: turf point-in-polygon.
 * @example
 * zonesContaining(index, [31.65, 9.55]).map((z) => z.id) // ['malakal-poc']
 * zonesContaining(index, [31.0, 9.0])                    // []
 */
export function zonesContaining(index: SiteIndex, at: LonLat): Zone[] {
  if (index.zoneTree === null) return [];
  const [lon, lat] = at;
  return index.zoneTree
    .search(lon, lat, lon, lat)
    .sort((a, b) => a - b)
    .map((i) => index.zones[i])
    .filter((zone): zone is Zone => zone !== undefined && isInZone(at, zone));
}
