import { bbox } from '@turf/bbox';
import { distance } from '@turf/distance';
import Flatbush from 'flatbush';
import type { MissionPack } from '../../shared/sites.js';
import { greatCircleBulgeKm, padBoxKm, type Box } from './geodesy.js';
import { missionFeatures, type MissionFeaturesOptions } from './missionFeatures.js';
import type { SiteIndex } from './types.js';

export interface SiteIndexOptions extends MissionFeaturesOptions {
  /**
   * Buffer (km) the corridor boxes are padded by. `corridorsAt` with a buffer up to this looks
   * up a single point in the tree; a wider buffer searches a box and is a little slower. Default 10.
   */
  corridorBufferKm?: number;
}

export const DEFAULT_CORRIDOR_BUFFER_KM = 10;

/** Packs boxes into a Flatbush tree; Flatbush refuses zero items, so an empty layer is `null`. */
function packTree(boxes: readonly Box[]): Flatbush | null {
  if (boxes.length === 0) return null;
  const tree = new Flatbush(boxes.length);
  for (const [west, south, east, north] of boxes) tree.add(west, south, east, north);
  tree.finish();
  return tree;
}

/**
 * Builds the spatial index the rules run on: a packed R-tree (Flatbush) per layer — site anchors,
 * polygon zones (POC footprints and `extraZones`), and corridor lines padded by
 * `corridorBufferKm` plus how far a great-circle segment can bulge. Build once per pack; the
 * index is immutable.
 * @example
 * const index = buildSiteIndex(pack, { corridorBufferKm: 10 });
 * sitesWithin(index, [31.652, 9.551], 5)[0]?.site.properties.id // 'malakal-poc'
 */
export function buildSiteIndex(pack: MissionPack, options: SiteIndexOptions = {}): SiteIndex {
  const features = missionFeatures(pack, options);
  const corridorBufferKm = options.corridorBufferKm ?? DEFAULT_CORRIDOR_BUFFER_KM;
  if (!(corridorBufferKm >= 0)) throw new RangeError(`corridorBufferKm must be ≥ 0, got ${corridorBufferKm}`);

  const siteBoxes = features.sites.map(({ geometry: { coordinates: [lon, lat] } }): Box => [lon, lat, lon, lat]);
  const zoneBoxes = features.zones.map((zone): Box => {
    const [west, south, east, north] = bbox(zone.footprint);
    return [west, south, east, north];
  });
  const corridorBoxes = features.corridors.map((corridor): Box => {
    const coords = corridor.geometry.coordinates;
    const [west, south, east, north] = bbox(corridor);
    let bulgeKm = 0;
    for (let i = 1; i < coords.length; i++) {
      const a = coords[i - 1];
      const b = coords[i];
      if (a === undefined || b === undefined) continue;
      const segmentKm = distance(a, b, { units: 'kilometers' });
      bulgeKm = Math.max(bulgeKm, greatCircleBulgeKm(segmentKm, Math.max(Math.abs(south), Math.abs(north))));
    }
    return padBoxKm([west, south, east, north], corridorBufferKm + bulgeKm);
  });

  return {
    ...features,
    siteTree: packTree(siteBoxes),
    zoneTree: packTree(zoneBoxes),
    corridorTree: packTree(corridorBoxes),
    corridorBufferKm,
  };
}
