/**
 * Hostile mission pack files: what a GIS officer (or anyone who can write to geo/pack/) might
 * drop in. `parsePack` must refuse each with a `PackValidationError` naming the file, the feature
 * and the field, never throw anything else, never take long, and never touch a prototype.
 */
import fc from 'fast-check';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_LISTED_PROBLEMS, PACK_FILES, PACK_LAYER_NAMES, PackValidationError, parsePack } from '../../geo/pack.js';
import { loadMissionPack, PACK_DIR } from '../../server/pack.js';
import { readFileSync } from 'node:fs';
import type { PackLayerName } from '../../shared/sites.js';
import { expectPrototypeIntact, SEED, Tally } from './support.js';

type Raw = Record<PackLayerName, unknown>;
type Json = Record<string, unknown>;

// The properties run hundreds of inputs: generous on a loaded machine, a few seconds on an idle one.
vi.setConfig({ testTimeout: 120_000 });

const tally = new Tally('mission pack files (parsePack, loadMissionPack)', 'refused with the file, feature and field named, no prototype touched');

const shipped: Record<PackLayerName, string> = Object.fromEntries(
  PACK_LAYER_NAMES.map((layer) => [layer, readFileSync(join(PACK_DIR, PACK_FILES[layer]), 'utf8')]),
) as Record<PackLayerName, string>;

/** The shipped pack, freshly parsed, for one test to damage. */
function rawPack(): Raw {
  return Object.fromEntries(PACK_LAYER_NAMES.map((layer) => [layer, JSON.parse(shipped[layer])])) as Raw;
}

function features(raw: Raw, layer: PackLayerName): Json[] {
  return (raw[layer] as { features: Json[] }).features;
}

function feature(raw: Raw, layer: PackLayerName, index = 0): Json {
  const found = features(raw, layer)[index];
  if (!found) throw new Error(`test set-up: no feature ${index} in ${layer}`);
  return found;
}

function geometry(raw: Raw, layer: PackLayerName, index = 0): Json {
  return feature(raw, layer, index).geometry as Json;
}

function properties(raw: Raw, layer: PackLayerName, index = 0): Json {
  return feature(raw, layer, index).properties as Json;
}

/** `[[[…]]]` this deep, built from text as a file would be. */
const nested = (depth: number) => JSON.parse('['.repeat(depth) + '1' + ']'.repeat(depth)) as unknown;

/** The error parsePack throws; fails if it throws anything else or nothing. */
function refusal(raw: Raw): PackValidationError {
  try {
    parsePack(raw);
  } catch (err) {
    if (err instanceof PackValidationError) return err;
    throw new Error(`parsePack threw ${err instanceof Error ? `${err.name}: ${err.message.slice(0, 200)}` : String(err)} instead of a PackValidationError`);
  }
  throw new Error('parsePack took the hostile pack');
}

function expectRefused(raw: Raw, mentions: RegExp): PackValidationError {
  const error = refusal(raw);
  expect(error.problems.length).toBeGreaterThan(0);
  expect(error.message).toMatch(mentions);
  // A clear message: a bounded list, each line naming the file.
  expect(error.message.split('\n').length).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS + 2);
  for (const line of error.message.split('\n').slice(1, MAX_LISTED_PROBLEMS + 1)) expect(line).toMatch(/^ {2}- [a-z-]+\.geojson: /);
  expectPrototypeIntact();
  return error;
}

afterAll(() => tally.print());

interface Case {
  name: string;
  damage: (raw: Raw) => void;
  mentions: RegExp;
}

const corpus: Case[] = [
  { name: 'coordinates nested 100,000 deep', damage: (raw) => void (geometry(raw, 'poc-sites').coordinates = nested(100_000)), mentions: /poc-sites\.geojson: features\[0\]\.geometry\.coordinates.*: nested deeper than 32 levels/ },
  { name: 'a property nested 40 deep', damage: (raw) => void (properties(raw, 'headquarters').notes = nested(40)), mentions: /headquarters\.geojson: features\[0\]\.properties\.notes.*nested deeper than 32 levels/ },
  { name: 'a NaN longitude', damage: (raw) => void (geometry(raw, 'field-offices').coordinates = [Number.NaN, 9.5]), mentions: /field-offices\.geojson: feature 0 \(id "[a-z-]+"\), geometry\.coordinates\[0\]: .*NaN/ },
  { name: 'an infinite latitude', damage: (raw) => void (geometry(raw, 'police-stations').coordinates = [28.3, Number.POSITIVE_INFINITY]), mentions: /police-stations\.geojson: feature 0 .*geometry\.coordinates\[1\]: .*Infinity/ },
  { name: 'a corridor vertex of -Infinity', damage: (raw) => void ((geometry(raw, 'corridors').coordinates as unknown[][])[1] = [Number.NEGATIVE_INFINITY, 7]), mentions: /corridors\.geojson: feature 0 .*geometry\.coordinates\[1\]\[0\]/ },
  { name: 'Juba written [lat, lon]', damage: (raw) => void (geometry(raw, 'headquarters').coordinates = [4.82, 31.53]), mentions: /headquarters\.geojson: feature 0 \(id "un-house"\), geometry\.coordinates: \[4\.82, 31\.53\] is outside .* it looks like \[lat, lon\]/ },
  { name: 'a corridor written [lat, lon] throughout', damage: (raw) => void (geometry(raw, 'corridors').coordinates = [[8.53, 28.1], [7.75, 28.25]]), mentions: /corridors\.geojson: feature 0 .*geometry\.coordinates\[0\]: .*looks like \[lat, lon\]/ },
  { name: 'coordinates out of range', damage: (raw) => void (geometry(raw, 'poc-sites').coordinates = [200, -95]), mentions: /poc-sites\.geojson: feature 0 .*geometry\.coordinates\[0\]: Too big/ },
  { name: 'a point with three numbers', damage: (raw) => void (geometry(raw, 'poc-sites').coordinates = [31.6, 9.5, 400]), mentions: /geometry\.coordinates/ },
  { name: 'coordinates as strings', damage: (raw) => void (geometry(raw, 'poc-sites').coordinates = ['31.6', '9.5']), mentions: /geometry\.coordinates\[0\]: .*expected number/ },
  { name: 'a feature whose fields hide behind __proto__', damage: (raw) => void (features(raw, 'field-offices')[0] = JSON.parse(`{"__proto__":${JSON.stringify(feature(raw, 'field-offices'))}}`)), mentions: /field-offices\.geojson: features\[0\]: the key "__proto__" is not accepted/ },
  { name: 'properties with __proto__ beside valid ones', damage: (raw) => void (feature(raw, 'poc-sites').properties = JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(properties(raw, 'poc-sites')).slice(1)}`)), mentions: /poc-sites\.geojson: features\[0\]\.properties: the key "__proto__" is not accepted/ },
  { name: 'constructor.prototype in a collection', damage: (raw) => void Object.defineProperty(raw.corridors, 'constructor', { value: { prototype: { polluted: true } }, enumerable: true }), mentions: /corridors\.geojson: \(collection\): the key "constructor" is not accepted/ },
  { name: 'a lone surrogate in a name', damage: (raw) => void (properties(raw, 'headquarters').name = 'UN House \ud800'), mentions: /headquarters\.geojson: features\[0\]\.properties\.name: a broken character/ },
  { name: 'a corridor of 1,000,000 vertices', damage: (raw) => void (geometry(raw, 'corridors').coordinates = Array.from({ length: 1_000_000 }, (_, i) => [0.5 + i * 1e-7, 0.5])), mentions: /corridors\.geojson: feature 0 .*geometry\.coordinates: at most 10,000 vertices in a line; simplify it/ },
  { name: 'a corridor of 1,000,000 NaN vertices (this used to overflow the stack)', damage: (raw) => void (geometry(raw, 'corridors').coordinates = Array.from({ length: 1_000_000 }, () => [Number.NaN, 1])), mentions: /at most 10,000 vertices/ },
  { name: '100,000 police stations', damage: (raw) => void ((raw['police-stations'] as Json).features = Array.from({ length: 100_000 }, () => feature(raw, 'police-stations'))), mentions: /police-stations\.geojson: features: at most 5,000 features in a layer/ },
  {
    name: '5,000 stations all outside the country (a bounded message)',
    damage: (raw) => void ((raw['police-stations'] as Json).features = Array.from({ length: 5_000 }, (_, i) => ({ ...feature(raw, 'police-stations'), properties: { ...properties(raw, 'police-stations'), id: `s-${i}` }, geometry: { type: 'Point', coordinates: [0, 0] } }))),
    mentions: /Mission pack is invalid \(\d{4,} problems\)[\s\S]*… and \d+ more$/,
  },
  { name: 'a layer that is an array', damage: (raw) => void (raw.headquarters = []), mentions: /headquarters\.geojson: \(collection\)/ },
  { name: 'a layer that is null', damage: (raw) => void (raw['field-offices'] = null), mentions: /field-offices\.geojson: \(collection\)/ },
  { name: 'a feature that is a string', damage: (raw) => void ((raw['poc-sites'] as { features: unknown[] }).features[1] = 'Malakal'), mentions: /poc-sites\.geojson: feature 1, \(collection\)|poc-sites\.geojson: feature 1/ },
  { name: 'an id with a path in it', damage: (raw) => void (properties(raw, 'poc-sites').id = '../../etc/passwd'), mentions: /poc-sites\.geojson: feature 0 .*properties\.id: lower-case letters, digits and hyphens/ },
  { name: 'a geometry of another type', damage: (raw) => void (feature(raw, 'corridors').geometry = { type: 'GeometryCollection', geometries: [] }), mentions: /corridors\.geojson: feature 0 .*geometry\.type/ },
];

describe('hand-written hostile pack files are refused, naming file, feature and field', () => {
  for (const c of corpus) {
    it(c.name, () => {
      const raw = rawPack();
      c.damage(raw);
      expectRefused(raw, c.mentions);
      tally.hand();
    });
  }
});

describe('hostile files on disk (server/pack.ts)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pack-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const notUtf8 = () => {
    const [before, after] = shipped['poc-sites'].split('Malakal', 2) as [string, string];
    return Buffer.concat([Buffer.from(`${before}Mal`), Buffer.from([0xff, 0xfe]), Buffer.from(`akal${after}`)]);
  };
  const onDisk: { name: string; layer: PackLayerName; bytes: () => Buffer; mentions: RegExp }[] = [
    { name: 'bytes that are not UTF-8 in a name', layer: 'poc-sites', bytes: notUtf8, mentions: /poc-sites\.geojson is not valid UTF-8/ },
    { name: 'JSON with NaN in it', layer: 'headquarters', bytes: () => Buffer.from(shipped.headquarters.replace('[31.53, 4.82]', '[NaN, 4.82]')), mentions: /headquarters\.geojson is not valid JSON/ },
    { name: 'a truncated file', layer: 'corridors', bytes: () => Buffer.from(shipped.corridors.slice(0, 500)), mentions: /corridors\.geojson is not valid JSON/ },
    { name: 'an empty file', layer: 'field-offices', bytes: () => Buffer.alloc(0), mentions: /field-offices\.geojson is not valid JSON/ },
    {
      name: 'a file nested 1,000,000 deep',
      layer: 'police-stations',
      bytes: () => Buffer.from(`{"type":"FeatureCollection","features":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`),
      mentions: /police-stations\.geojson: features.*nested deeper than 32 levels/,
    },
  ];

  for (const c of onDisk) {
    it(c.name, async () => {
      for (const layer of PACK_LAYER_NAMES) await copyFile(join(PACK_DIR, PACK_FILES[layer]), join(dir, PACK_FILES[layer]));
      await writeFile(join(dir, PACK_FILES[c.layer]), c.bytes());
      await expect(loadMissionPack(dir)).rejects.toThrow(c.mentions);
      expectPrototypeIntact();
      tally.hand();
    });
  }

  it('the shipped files still load', async () => {
    for (const layer of PACK_LAYER_NAMES) await copyFile(join(PACK_DIR, PACK_FILES[layer]), join(dir, PACK_FILES[layer]));
    expect((await loadMissionPack(dir)).fieldOffices.features).toHaveLength(11);
  });
});

/** Values a property of its kind can never take. */
const wrongProperty: Record<string, fc.Arbitrary<unknown>> = {
  id: fc.oneof(fc.constant(''), fc.stringMatching(/^[a-z]{1,6}[A-Z _/.\\]{1,2}[a-z]{0,4}$/), fc.integer(), fc.constant(null)),
  name: fc.oneof(fc.constant(''), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 2 })),
  source: fc.oneof(fc.string({ maxLength: 2 }), fc.integer(), fc.constant(null)),
  accuracy: fc.oneof(fc.string({ maxLength: 10 }).filter((s) => !['surveyed', 'town', 'approximate', 'indicative'].includes(s)), fc.integer()),
  kind: fc.oneof(fc.string({ maxLength: 12 }).filter((s) => !['headquarters', 'field-office', 'poc-site', 'police-station', 'corridor'].includes(s)), fc.integer()),
  fieldOffice: fc.oneof(fc.string({ maxLength: 12 }).filter((s) => !['aweil', 'bentiu', 'bor', 'juba', 'kuajok', 'malakal', 'rumbek', 'torit', 'yambio', 'wau', 'pibor'].includes(s)), fc.integer()),
};

describe('generated hostile pack files (fast-check, fixed seed)', () => {
  it('any JSON value in place of a layer is refused, naming the file', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PACK_LAYER_NAMES), fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }), (layer, value) => {
        const raw = rawPack();
        raw[layer] = value;
        expectRefused(raw, new RegExp(PACK_FILES[layer].replace('.', '\\.')));
        tally.property();
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('a feature with any one property made wrong is refused, naming file, feature and field', () => {
    const layers: PackLayerName[] = ['headquarters', 'poc-sites', 'police-stations'];
    fc.assert(
      fc.property(fc.constantFrom(...layers), fc.constantFrom(...Object.keys(wrongProperty)).chain((key) => fc.tuple(fc.constant(key), wrongProperty[key] ?? fc.constant(null))), (layer, [key, value]) => {
        const raw = rawPack();
        properties(raw, layer)[key] = value;
        // An id made wrong cannot name its feature; the index still does.
        expectRefused(raw, new RegExp(`${PACK_FILES[layer].replace('.', '\\.')}: feature 0.*properties\\.${key}`));
        tally.property();
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('any point outside the padded box is refused; one that is a swapped point inside is called [lat, lon]', () => {
    const lon = fc.double({ min: -180, max: 180, noNaN: true });
    const lat = fc.double({ min: -90, max: 90, noNaN: true });
    const outside = fc.tuple(lon, lat).filter(([x, y]) => !(x >= 23.587 && x <= 35.598 && y >= 3.209 && y <= 12.548));
    fc.assert(
      fc.property(fc.constantFrom<PackLayerName>('headquarters', 'field-offices', 'poc-sites', 'police-stations'), outside, (layer, [x, y]) => {
        const raw = rawPack();
        geometry(raw, layer).coordinates = [x, y];
        const swappedInside = y >= 23.587 && y <= 35.598 && x >= 3.209 && x <= 12.548;
        const error = expectRefused(raw, new RegExp(`${PACK_FILES[layer].replace('.', '\\.')}: feature 0 .*geometry\\.coordinates: \\[`));
        expect(error.message.includes('it looks like [lat, lon]')).toBe(swappedInside);
        tally.property();
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('any point of South Sudan written [lat, lon] is refused as such', () => {
    fc.assert(
      fc.property(fc.double({ min: 3.6, max: 12.2, noNaN: true }), fc.double({ min: 24, max: 35.2, noNaN: true }), (lat, lon) => {
        const raw = rawPack();
        geometry(raw, 'poc-sites').coordinates = [lat, lon];
        expectRefused(raw, /poc-sites\.geojson: feature 0 .*it looks like \[lat, lon\]/);
        tally.property();
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('any line longer than 10,000 vertices is refused in one problem, whatever it holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_001, max: 200_000 }), fc.oneof(fc.constant<unknown>([30, 8]), fc.constant<unknown>([Number.NaN, 1]), fc.constant<unknown>('x')), (length, vertex) => {
        const raw = rawPack();
        geometry(raw, 'corridors', 1).coordinates = Array.from({ length }, () => vertex);
        const error = expectRefused(raw, /corridors\.geojson: feature 1 .*geometry\.coordinates: at most 10,000 vertices/);
        expect(error.problems).toHaveLength(1);
        tally.property();
      }),
      { seed: SEED, numRuns: 20 },
    );
  });
});
