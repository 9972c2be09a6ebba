import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { LonLat } from '../shared/sites.js';
import { readMissionPack } from '../geo/fixtures/readPack.js';
import { corridorsAt } from '../geo/rules/corridorsAt.js';
import type { Box } from '../geo/rules/geodesy.js';
import { corridorsAtNaive, sitesWithinNaive, zonesContainingNaive } from '../geo/rules/naive.js';
import { randomPointsInBox } from '../geo/rules/randomPoints.js';
import { buildSiteIndex } from '../geo/rules/siteIndex.js';
import { sitesWithin } from '../geo/rules/sitesWithin.js';
import type { MissionFeatures, SiteIndex } from '../geo/rules/types.js';
import { zonesContaining } from '../geo/rules/zonesContaining.js';

/** South Sudan's bounding box (Natural Earth), unpadded: where position reports land. */
const SOUTH_SUDAN_BOX: Box = [23.887, 3.509, 35.298, 12.248];
const POINTS = 50_000;
const SEED = 20260215;
const SITES_KM = 5;
const CORRIDOR_BUFFER_KM = 10;
const DATE = Date.parse('2026-02-15T12:00:00Z');

interface Hits {
  sites: number;
  corridors: number;
  firing: number;
  zones: number;
}

type RunRules = (at: LonLat, hits: Hits) => void;

function timeRules(points: readonly LonLat[], run: RunRules): { seconds: number; hits: Hits } {
  const hits: Hits = { sites: 0, corridors: 0, firing: 0, zones: 0 };
  const start = performance.now();
  for (const at of points) run(at, hits);
  return { seconds: (performance.now() - start) / 1000, hits };
}

const indexed =
  (index: SiteIndex): RunRules =>
  (at, hits) => {
    hits.sites += sitesWithin(index, at, SITES_KM).length;
    const corridors = corridorsAt(index, at, CORRIDOR_BUFFER_KM, DATE);
    hits.corridors += corridors.length;
    hits.firing += corridors.filter((m) => m.inSeason).length;
    hits.zones += zonesContaining(index, at).length;
  };

const naive =
  (features: MissionFeatures): RunRules =>
  (at, hits) => {
    hits.sites += sitesWithinNaive(features, at, SITES_KM).length;
    const corridors = corridorsAtNaive(features, at, CORRIDOR_BUFFER_KM, DATE);
    hits.corridors += corridors.length;
    hits.firing += corridors.filter((m) => m.inSeason).length;
    hits.zones += zonesContainingNaive(features, at).length;
  };

/**
 * Position reports per second through every early-warning rule (sitesWithin 5 km, corridorsAt
 * 10 km, zonesContaining) with the Flatbush index against the naive plain loop over every site,
 * zone and corridor with the same turf tests, for seeded random points over South Sudan's box.
 */
export async function rulesBench(): Promise<void> {
  const pack = readMissionPack();
  const index = buildSiteIndex(pack, { corridorBufferKm: CORRIDOR_BUFFER_KM });
  const points = randomPointsInBox(SEED, POINTS, SOUTH_SUDAN_BOX);
  const warmUp = points.slice(0, 2_000);
  timeRules(warmUp, indexed(index));
  timeRules(warmUp, naive(index));

  const fast = timeRules(points, indexed(index));
  const slow = timeRules(points, naive(index));
  const same = JSON.stringify(fast.hits) === JSON.stringify(slow.hits);

  console.log(
    `Early-warning rules: ${POINTS.toLocaleString('en')} seeded random position reports (seed ${SEED}) over South Sudan's box ` +
      `[${SOUTH_SUDAN_BOX.join(', ')}]; sitesWithin ${SITES_KM} km + corridorsAt ${CORRIDOR_BUFFER_KM} km on ` +
      `${new Date(DATE).toISOString().slice(0, 10)} + zonesContaining; pack: ${index.sites.length} sites, ` +
      `${index.zones.length} zones, ${index.corridors.length} corridors`,
  );
  const rate = (seconds: number) => Math.round(POINTS / seconds).toLocaleString('en');
  console.table([
    {
      rules: 'baseline: naive plain loop, turf on every feature',
      'reports/s': rate(slow.seconds),
      'total s': slow.seconds.toFixed(2),
      'vs baseline': '1.0×',
      ...slow.hits,
    },
    {
      rules: 'Flatbush index, then turf on candidates',
      'reports/s': rate(fast.seconds),
      'total s': fast.seconds.toFixed(2),
      'vs baseline': `${(slow.seconds / fast.seconds).toFixed(1)}× faster`,
      ...fast.hits,
    },
  ]);
  if (!same) throw new Error('indexed and naive rules found different numbers of matches');
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  await rulesBench();
}
