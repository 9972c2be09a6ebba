/** Early-warning rules on the mission pack: pure functions on turf, with a Flatbush index. */
export { inSeason, type Season } from './season.js';
export { missionFeatures, FOOTPRINT_STEPS, type MissionFeaturesOptions } from './missionFeatures.js';
export { buildSiteIndex, DEFAULT_CORRIDOR_BUFFER_KM, type SiteIndexOptions } from './siteIndex.js';
export { sitesWithin } from './sitesWithin.js';
export { corridorsAt } from './corridorsAt.js';
export { zonesContaining } from './zonesContaining.js';
export { zoneTransitions } from './zoneTransitions.js';
export { nearestSite } from './nearestSite.js';
export { sitesWithinNaive, corridorsAtNaive, zonesContainingNaive, nearestSiteNaive } from './naive.js';
export type * from './types.js';
