import { circle } from '@turf/circle';
import type { MissionPack } from '../../shared/sites.js';
import type { ExtraZone, MissionFeatures, PointSite, Zone } from './types.js';

export interface MissionFeaturesOptions {
  /** polygon zones to add to the POC footprints (curfew areas, markets, later site outlines) */
  extraZones?: readonly ExtraZone[];
  /** vertices of each POC footprint circle; turf's default is 64 */
  footprintSteps?: number;
}

/** turf's own default, kept explicit because the boundary fixture depends on it. */
export const FOOTPRINT_STEPS = 64;

/**
 * The pack as plain arrays for the rules: every point site, POC footprints drawn as turf circles
 * of `radiusM` (first vertex due north), and the corridors. No index: see `buildSiteIndex`.
 * @example
 * const features = missionFeatures(pack);
 * features.zones.map((z) => z.id) // ['juba-un-house-poc', 'bentiu-poc', 'malakal-poc', 'bor-poc', 'wau-poc-aa']
 */
export function missionFeatures(pack: MissionPack, options: MissionFeaturesOptions = {}): MissionFeatures {
  const steps = options.footprintSteps ?? FOOTPRINT_STEPS;
  const sites: PointSite[] = [
    ...pack.headquarters.features,
    ...pack.fieldOffices.features,
    ...pack.pocSites.features,
    ...pack.policeStations.features,
  ];
  const footprints = pack.pocSites.features.map(
    (site): Zone => ({
      id: site.properties.id,
      name: site.properties.name,
      pocSite: site,
      footprint: circle(site.geometry.coordinates, site.properties.radiusM / 1000, {
        steps,
        units: 'kilometers',
        properties: { id: site.properties.id, kind: 'poc-footprint', radiusM: site.properties.radiusM },
      }),
    }),
  );
  const extra = (options.extraZones ?? []).map((zone): Zone => ({ ...zone }));
  const maxFootprintKm = Math.max(0, ...pack.pocSites.features.map((site) => site.properties.radiusM / 1000));
  return { sites, zones: [...footprints, ...extra], corridors: pack.corridors.features, maxFootprintKm };
}
