/**
 * Fixture tests: geo/fixtures/in/*.geojson → geo/fixtures/out/*.geojson. Each input feature names
 * a rule and its parameters; the output holds the same features with the rule's result added,
 * then the matched pack features (site anchors, footprints, corridor lines) so the file shows the
 * answer in any GIS tool. `REGEN=1 npx vitest run geo/rules` rewrites the expected files; review
 * the diff. Every fixture is also run through the naive rules, which must agree.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LonLat } from '../../shared/sites.js';
import { readMissionPack } from '../fixtures/readPack.js';
import { corridorsAt } from './corridorsAt.js';
import { corridorsAtNaive, nearestSiteNaive, sitesWithinNaive, zonesContainingNaive } from './naive.js';
import { nearestSite } from './nearestSite.js';
import { buildSiteIndex } from './siteIndex.js';
import { sitesWithin } from './sitesWithin.js';
import type { CorridorMatch, SiteMatch, Zone } from './types.js';
import { zonesContaining } from './zonesContaining.js';
import { zoneTransitions } from './zoneTransitions.js';

const IN_DIR = new URL('../fixtures/in/', import.meta.url);
const OUT_DIR = new URL('../fixtures/out/', import.meta.url);
const REGEN = process.env.REGEN === '1';

const Described = { name: z.string().min(1), description: z.string().min(1) };
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const point = <P extends z.ZodType>(properties: P) =>
  z.object({ type: z.literal('Feature'), properties, geometry: z.object({ type: z.literal('Point'), coordinates: LonLat }) });

const FixtureFeature = z.union([
  point(z.object({ ...Described, rule: z.literal('sitesWithin'), km: z.number().nonnegative() })),
  point(z.object({ ...Described, rule: z.literal('corridorsAt'), bufferKm: z.number().nonnegative(), date: IsoDay })),
  point(z.object({ ...Described, rule: z.literal('zonesContaining') })),
  point(z.object({ ...Described, rule: z.literal('nearestSite') })),
  z.object({
    type: z.literal('Feature'),
    properties: z.object({ ...Described, rule: z.literal('zoneTransitions') }),
    geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(LonLat).min(2) }),
  }),
]);
type FixtureFeature = z.infer<typeof FixtureFeature>;
const FixtureCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(FixtureFeature).min(1) });

const index = buildSiteIndex(readMissionPack());

/** Rounds km to the millimetre, so a last-digit change in turf does not churn the files. */
const km = (value: number): number => Math.round(value * 1e6) / 1e6;
const roundPosition = (position: Position): Position => position.map((v) => Math.round(v * 1e7) / 1e7);
/** Noon UTC, so the month is the same in Juba. */
const epochOf = (day: string): number => Date.parse(`${day}T12:00:00Z`);

const siteResult = (m: SiteMatch) => ({ id: m.site.properties.id, kind: m.site.properties.kind, distanceKm: km(m.distanceKm) });
const corridorResult = (m: CorridorMatch) => ({ id: m.corridor.properties.id, distanceKm: km(m.distanceKm), inSeason: m.inSeason });
const zoneIds = (zones: readonly Zone[]): string[] => zones.map((zone) => zone.id);

/** Matched pack features, keyed so that each appears once in the output with who matched it. */
class Matched {
  private readonly byKey = new Map<string, { geometry: Geometry; properties: Record<string, unknown>; matchedBy: string[] }>();

  add(key: string, geometry: Geometry, properties: Record<string, unknown>, by: string): void {
    const entry = this.byKey.get(key) ?? { geometry, properties, matchedBy: [] };
    if (!entry.matchedBy.includes(by)) entry.matchedBy.push(by);
    this.byKey.set(key, entry);
  }
  site(m: SiteMatch, by: string): void {
    const { id, kind, name } = m.site.properties;
    this.add(`site:${id}`, m.site.geometry, { matched: 'site', id, kind, name }, by);
  }
  zone(zone: Zone, by: string): void {
    this.add(`zone:${zone.id}`, roundGeometry(zone.footprint.geometry), { matched: 'zone', id: zone.id, name: zone.name }, by);
  }
  corridor(m: CorridorMatch, by: string): void {
    const { id, name, season } = m.corridor.properties;
    this.add(`corridor:${id}`, m.corridor.geometry, { matched: 'corridor', id, name, season }, by);
  }
  features(): Feature[] {
    return [...this.byKey.values()].map(({ geometry, properties, matchedBy }) => ({
      type: 'Feature',
      properties: { ...properties, matchedBy },
      geometry,
    }));
  }
}

function roundGeometry(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(roundPosition)) };
  if (geometry.type === 'MultiPolygon') {
    return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(roundPosition))) };
  }
  return geometry;
}

/** The position of a point fixture (the rule's schema guarantees a Point; this tells the compiler). */
function pointOf(feature: FixtureFeature): LonLat {
  if (feature.geometry.type !== 'Point') throw new Error(`${feature.properties.name}: expected a Point`);
  return feature.geometry.coordinates;
}

/** The position reports of a patrol track fixture, in order. */
function trackOf(feature: FixtureFeature): LonLat[] {
  if (feature.geometry.type !== 'LineString') throw new Error(`${feature.properties.name}: expected a LineString`);
  return feature.geometry.coordinates;
}

/** Runs one fixture feature through the indexed rule, checks the naive rule agrees, returns the result. */
function evaluate(feature: FixtureFeature, matched: Matched): unknown {
  const p = feature.properties;
  switch (p.rule) {
    case 'sitesWithin': {
      const at = pointOf(feature);
      const found = sitesWithin(index, at, p.km);
      expect(found, p.name).toEqual(sitesWithinNaive(index, at, p.km));
      found.forEach((m) => matched.site(m, p.name));
      return found.map(siteResult);
    }
    case 'corridorsAt': {
      const at = pointOf(feature);
      const found = corridorsAt(index, at, p.bufferKm, epochOf(p.date));
      expect(found, p.name).toEqual(corridorsAtNaive(index, at, p.bufferKm, epochOf(p.date)));
      found.forEach((m) => matched.corridor(m, p.name));
      return { corridors: found.map(corridorResult), fires: found.filter((m) => m.inSeason).map((m) => m.corridor.properties.id) };
    }
    case 'zonesContaining': {
      const at = pointOf(feature);
      const found = zonesContaining(index, at);
      expect(found, p.name).toEqual(zonesContainingNaive(index, at));
      found.forEach((zone) => matched.zone(zone, p.name));
      return zoneIds(found);
    }
    case 'nearestSite': {
      const at = pointOf(feature);
      const found = nearestSite(index, at);
      expect(found, p.name).toEqual(nearestSiteNaive(index, at));
      if (found.pocSite) matched.site(found.pocSite, p.name);
      if (found.fieldOffice) matched.site(found.fieldOffice, p.name);
      return {
        pocSite: found.pocSite && siteResult(found.pocSite),
        fieldOffice: found.fieldOffice && siteResult(found.fieldOffice),
      };
    }
    case 'zoneTransitions': {
      let before: string[] = [];
      return trackOf(feature).map((at, report) => {
        const zones = zonesContaining(index, at);
        expect(zones, `${p.name} report ${report}`).toEqual(zonesContainingNaive(index, at));
        zones.forEach((zone) => matched.zone(zone, p.name));
        const after = zoneIds(zones);
        const change = zoneTransitions(before, after);
        before = after;
        return { report, zones: after, ...change };
      });
    }
  }
}

const fixtureNames = readdirSync(IN_DIR).filter((name) => name.endsWith('.geojson')).sort();

describe('rule fixtures (geo/fixtures/in → out)', () => {
  it('finds the fixtures', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(7);
  });

  for (const name of fixtureNames) {
    it(name, () => {
      const input = FixtureCollection.parse(JSON.parse(readFileSync(new URL(name, IN_DIR), 'utf8')));
      const matched = new Matched();
      const annotated: Feature[] = input.features.map((feature) => ({
        ...feature,
        properties: { ...feature.properties, result: evaluate(feature, matched) },
      }));
      const output: FeatureCollection = { type: 'FeatureCollection', features: [...annotated, ...matched.features()] };
      const outUrl = new URL(name, OUT_DIR);
      if (REGEN) writeFileSync(outUrl, `${JSON.stringify(output, null, 2)}\n`);
      const expected: unknown = JSON.parse(readFileSync(outUrl, 'utf8'));
      expect(JSON.parse(JSON.stringify(output))).toEqual(expected);
    });
  }
});
