import { along } from '@turf/along';
import { circle } from '@turf/circle';
import { length } from '@turf/length';
import { describe, expect, it } from 'vitest';
import { SOUTH_SUDAN_PADDED_BBOX, type LonLat } from '../../shared/sites.js';
import { readMissionPack } from '../fixtures/readPack.js';
import { corridorsAt } from './corridorsAt.js';
import { boxAroundKm } from './geodesy.js';
import { corridorsAtNaive, nearestSiteNaive, sitesWithinNaive, zonesContainingNaive } from './naive.js';
import { nearestSite } from './nearestSite.js';
import { randomPointsInBox, seededRandom } from './randomPoints.js';
import { inSeason } from './season.js';
import { buildSiteIndex } from './siteIndex.js';
import { sitesWithin } from './sitesWithin.js';
import type { SiteIndex } from './types.js';
import { zonesContaining } from './zonesContaining.js';
import { zoneTransitions } from './zoneTransitions.js';

const pack = readMissionPack();
const { west, south, east, north } = SOUTH_SUDAN_PADDED_BBOX;

describe('inSeason', () => {
  const month = (m: number) => Date.UTC(2026, m - 1, 15);
  it('holds a season within one year, both ends inclusive', () => {
    const season = { from: 1, to: 4 };
    expect([12, 1, 2, 3, 4, 5].map((m) => inSeason(season, month(m)))).toEqual([false, true, true, true, true, false]);
  });
  it('wraps the year end: December and May in, June and November out', () => {
    const season = { from: 12, to: 5 };
    expect([11, 12, 1, 5, 6].map((m) => inSeason(season, month(m)))).toEqual([false, true, true, true, false]);
  });
  it('takes the month in UTC', () => {
    const season = { from: 12, to: 5 };
    expect(inSeason(season, Date.UTC(2026, 4, 31, 23, 59, 59, 999))).toBe(true);
    expect(inSeason(season, Date.UTC(2026, 5, 1, 0, 0, 0, 0))).toBe(false);
  });
  it('a one-month season', () => {
    expect(inSeason({ from: 5, to: 5 }, month(5))).toBe(true);
    expect(inSeason({ from: 5, to: 5 }, month(6))).toBe(false);
  });
  it('refuses a non-date', () => {
    expect(() => inSeason({ from: 1, to: 4 }, Number.NaN)).toThrow(RangeError);
  });
});

describe('zoneTransitions', () => {
  it('reports entering, leaving and staying', () => {
    expect(zoneTransitions([], ['malakal-poc'])).toEqual({ entered: ['malakal-poc'], left: [] });
    expect(zoneTransitions(['malakal-poc'], [])).toEqual({ entered: [], left: ['malakal-poc'] });
    expect(zoneTransitions(['a', 'b'], ['b', 'c', 'c'])).toEqual({ entered: ['c'], left: ['a'] });
  });
});

describe('boxAroundKm', () => {
  it('holds every point at the distance, in every direction', () => {
    const next = seededRandom(11);
    for (let i = 0; i < 2000; i++) {
      const at: LonLat = [west + next() * (east - west), south + next() * (north - south)];
      const km = next() * 50;
      const [w, s, e, n] = boxAroundKm(at, km);
      // vertices of a fine circle lie exactly km away
      for (const [lon, lat] of circle(at, km, { steps: 16, units: 'kilometers' }).geometry.coordinates[0] ?? []) {
        if (lon === undefined || lat === undefined) continue;
        expect(lon >= w && lon <= e && lat >= s && lat <= n).toBe(true);
      }
    }
  });
});

/** Seeded points: uniform over the padded country box, plus points clustered near every feature. */
function testPoints(seed: number, uniform: number, clustered: number): LonLat[] {
  const next = seededRandom(seed);
  const anchors: LonLat[] = [
    ...[...pack.headquarters.features, ...pack.fieldOffices.features, ...pack.pocSites.features, ...pack.policeStations.features].map(
      (site) => site.geometry.coordinates,
    ),
    ...pack.corridors.features.map((corridor): LonLat => {
      const at = along(corridor, next() * length(corridor), { units: 'kilometers' }).geometry.coordinates;
      return [at[0] ?? 0, at[1] ?? 0];
    }),
  ];
  const near = Array.from({ length: clustered }, (): LonLat => {
    const [lon, lat] = anchors[Math.floor(next() * anchors.length)] ?? [31.6, 4.85];
    const spread = next() < 0.5 ? 0.02 : 0.25;
    return [lon + (next() - 0.5) * 2 * spread, lat + (next() - 0.5) * 2 * spread];
  });
  return [...randomPointsInBox(seed + 1, uniform, [west, south, east, north]), ...near];
}

function crossCheck(index: SiteIndex, points: readonly LonLat[], seed: number): void {
  const next = seededRandom(seed);
  for (const at of points) {
    const km = [0.1, 1, 5, 25][Math.floor(next() * 4)] ?? 5;
    const bufferKm = [0, 2, 10, 30][Math.floor(next() * 4)] ?? 10;
    const date = Date.UTC(2026, Math.floor(next() * 12), 15);
    expect(sitesWithin(index, at, km), `sitesWithin ${at.join(',')} ${km}`).toEqual(sitesWithinNaive(index, at, km));
    expect(corridorsAt(index, at, bufferKm, date), `corridorsAt ${at.join(',')} ${bufferKm}`).toEqual(
      corridorsAtNaive(index, at, bufferKm, date),
    );
    expect(zonesContaining(index, at), `zonesContaining ${at.join(',')}`).toEqual(zonesContainingNaive(index, at));
    expect(nearestSite(index, at), `nearestSite ${at.join(',')}`).toEqual(nearestSiteNaive(index, at));
  }
}

describe('indexed rules agree with the naive plain loops (seeded random points)', () => {
  it('default index, 3,000 uniform + 3,000 clustered points', () => {
    const index = buildSiteIndex(pack);
    const points = testPoints(20260215, 3000, 3000);
    crossCheck(index, points, 1);
    // the clustered half must actually exercise the rules, or the check proves little
    const hits = points.filter((at) => zonesContaining(index, at).length > 0 || corridorsAt(index, at, 2, 0).length > 0);
    expect(hits.length).toBeGreaterThan(300);
  });

  it('an index with unpadded corridor boxes and an extra polygon zone', () => {
    const market = circle([28.0, 7.7], 3, { steps: 12, units: 'kilometers' });
    const index = buildSiteIndex(pack, {
      corridorBufferKm: 0,
      extraZones: [{ id: 'wau-market', name: 'Wau market (test zone)', footprint: market }],
    });
    crossCheck(index, testPoints(7, 1000, 2000), 2);
    expect(zonesContaining(index, [28.0, 7.7]).map((zone) => zone.id)).toEqual(['wau-poc-aa', 'wau-market']);
  });

  it('every footprint vertex counts as inside its site', () => {
    const index = buildSiteIndex(pack);
    for (const zone of index.zones) {
      if (zone.footprint.geometry.type !== 'Polygon') continue;
      for (const [lon, lat] of zone.footprint.geometry.coordinates[0] ?? []) {
        if (lon === undefined || lat === undefined) continue;
        const ids = zonesContaining(index, [lon, lat]).map((z) => z.id);
        expect(ids).toContain(zone.id);
        expect(ids).toEqual(zonesContainingNaive(index, [lon, lat]).map((z) => z.id));
      }
    }
  });
});
