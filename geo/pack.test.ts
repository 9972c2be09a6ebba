import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FieldOfficeId,
  PackLayers,
  SOUTH_SUDAN_PADDED_BBOX,
  type MissionPack,
  type PackLayerName,
} from '../shared/sites.js';
import {
  KAYANGO_CORRIDOR_COUNT,
  KAYANGO_STATION_ID,
  PACK_FILES,
  PACK_LAYER_NAMES,
  PackValidationError,
  coordinatesOutsideBox,
  distanceToLineM,
  duplicateIds,
  fieldOfficeProblems,
  formatPackProblem,
  isInsideBox,
  kayangoCorridorProblems,
  packFeatures,
  parsePack,
} from './pack.js';

type Json = Record<string, unknown>;

/** Reads the shipped files afresh, so each test may mutate its own copy. */
function readRawPack(): Record<PackLayerName, unknown> {
  const raw = {} as Record<PackLayerName, unknown>;
  for (const layer of PACK_LAYER_NAMES) {
    raw[layer] = JSON.parse(readFileSync(new URL(`./pack/${PACK_FILES[layer]}`, import.meta.url), 'utf8'));
  }
  return raw;
}

/** The `features` array of one raw layer, typed loosely for surgery. */
function rawFeatures(raw: Record<PackLayerName, unknown>, layer: PackLayerName): Json[] {
  return (raw[layer] as { features: Json[] }).features;
}

function rawProperties(feature: Json | undefined): Json {
  if (feature === undefined) throw new Error('test setup: no such feature');
  return feature.properties as Json;
}

function rawFeatureById(raw: Record<PackLayerName, unknown>, layer: PackLayerName, id: string): Json {
  const found = rawFeatures(raw, layer).find((feature) => rawProperties(feature).id === id);
  if (found === undefined) throw new Error(`test setup: no ${id} in ${layer}`);
  return found;
}

/** Runs parsePack and returns the error it throws (fails the test if it does not throw). */
function packError(raw: Record<PackLayerName, unknown>): PackValidationError {
  try {
    parsePack(raw);
  } catch (err) {
    if (err instanceof PackValidationError) return err;
    throw err;
  }
  throw new Error('expected parsePack to reject the broken pack');
}

describe('the shipped mission pack', () => {
  let pack: MissionPack;
  beforeAll(() => {
    pack = parsePack(readRawPack());
  });

  it('parses every layer file on its own with its schema', () => {
    const raw = readRawPack();
    for (const layer of PACK_LAYER_NAMES) {
      const result = PackLayers[layer].safeParse(raw[layer]);
      expect(result.success, `${PACK_FILES[layer]}: ${result.error?.message ?? ''}`).toBe(true);
    }
  });

  it('gives every feature id, name, kind, source and accuracy', () => {
    const raw = readRawPack();
    for (const layer of PACK_LAYER_NAMES) {
      for (const feature of rawFeatures(raw, layer)) {
        const properties = rawProperties(feature);
        for (const key of ['id', 'name', 'kind', 'source', 'accuracy']) {
          expect(properties[key], `${PACK_FILES[layer]} ${String(properties.id)} ${key}`).toEqual(expect.any(String));
        }
      }
    }
  });

  it('keeps every coordinate inside the padded South Sudan box', () => {
    const vertices = packFeatures(pack).flatMap((feature) => feature.vertices);
    expect(vertices.length).toBeGreaterThan(40);
    for (const { position } of vertices) expect(isInsideBox(position, SOUTH_SUDAN_PADDED_BBOX)).toBe(true);
    expect(coordinatesOutsideBox(pack)).toEqual([]);
  });

  it('has all eleven field offices exactly once', () => {
    const ids = pack.fieldOffices.features.map((feature) => feature.properties.id).sort();
    expect(ids).toEqual([...FieldOfficeId.options].sort());
    expect(ids).toHaveLength(11);
    expect(fieldOfficeProblems(pack)).toEqual([]);
  });

  it('has four corridors ending exactly at the Kayango station', () => {
    const station = pack.policeStations.features.find((feature) => feature.properties.id === KAYANGO_STATION_ID);
    expect(station).toBeDefined();
    const at = station?.geometry.coordinates ?? [0, 0];
    const meeting = pack.corridors.features.filter((corridor) => corridor.properties.meetsAtKayango);
    expect(meeting).toHaveLength(KAYANGO_CORRIDOR_COUNT);
    for (const corridor of meeting) {
      expect(distanceToLineM(at, corridor.geometry.coordinates)).toBeLessThanOrEqual(10);
      expect(corridor.geometry.coordinates.some(([lon, lat]) => lon === at[0] && lat === at[1])).toBe(true);
    }
    for (const corridor of pack.corridors.features.filter((c) => !c.properties.meetsAtKayango)) {
      expect(distanceToLineM(at, corridor.geometry.coordinates)).toBeGreaterThan(1_000);
    }
    expect(kayangoCorridorProblems(pack)).toEqual([]);
  });

  it('places Kayango inside the window where herds from Warrap arrive (lat 7.5–8.0, lon 28.0–28.6)', () => {
    const [lon, lat] = pack.policeStations.features[0]?.geometry.coordinates ?? [0, 0];
    expect(lon).toBeGreaterThanOrEqual(28.0);
    expect(lon).toBeLessThanOrEqual(28.6);
    expect(lat).toBeGreaterThanOrEqual(7.5);
    expect(lat).toBeLessThanOrEqual(8.0);
    expect(pack.policeStations.features[0]?.properties.source).toMatch(/no published coordinate/i);
    expect(pack.policeStations.features[0]?.properties.source).toMatch(/Kiyango/);
  });

  it('uses unique ids across all layers', () => {
    const ids = packFeatures(pack).map((feature) => feature.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(duplicateIds(pack)).toEqual([]);
  });

  it('gives each POC site a dated status and a population history', () => {
    expect(pack.pocSites.features.map((feature) => feature.properties.id).sort()).toEqual(
      ['bentiu-poc', 'bor-poc', 'juba-un-house-poc', 'malakal-poc', 'wau-poc-aa'],
    );
    const malakal = pack.pocSites.features.find((feature) => feature.properties.id === 'malakal-poc');
    expect(malakal?.properties.status).toBe('poc-site');
    for (const site of pack.pocSites.features) {
      const dates = site.properties.population.map((count) => count.date);
      expect(dates, site.properties.id).toEqual([...dates].sort());
    }
  });
});

describe('parsePack rejects a broken pack and names the field', () => {
  it('a field office written [lat, lon]', () => {
    const raw = readRawPack();
    const juba = rawFeatureById(raw, 'field-offices', 'juba');
    (juba.geometry as { coordinates: number[] }).coordinates.reverse();
    const error = packError(raw);
    expect(error.message).toMatch(/field-offices\.geojson: feature \d+ \(id "juba"\), geometry\.coordinates: .*\[lat, lon\]/);
  });

  it('a corridor vertex written [lat, lon]', () => {
    const raw = readRawPack();
    const corridor = rawFeatureById(raw, 'corridors', 'juba-magwi');
    const coordinates = (corridor.geometry as { coordinates: number[][] }).coordinates;
    coordinates[1]?.reverse();
    expect(packError(raw).message).toMatch(/corridors\.geojson: feature \d+ \(id "juba-magwi"\), geometry\.coordinates\[1\]/);
  });

  it('a POC site without a source', () => {
    const raw = readRawPack();
    delete rawProperties(rawFeatures(raw, 'poc-sites')[1]).source;
    const error = packError(raw);
    expect(error.message).toMatch(/poc-sites\.geojson: feature 1 \(id "bentiu-poc"\), properties\.source: /);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file: 'poc-sites.geojson', featureIndex: 1, field: 'properties.source' });
  });

  it('a corridor that claims to be surveyed', () => {
    const raw = readRawPack();
    rawProperties(rawFeatures(raw, 'corridors')[0]).accuracy = 'surveyed';
    expect(packError(raw).message).toMatch(/corridors\.geojson: feature 0 \(id "gogrial-kayango"\), properties\.accuracy/);
  });

  it('a population count with an impossible month', () => {
    const raw = readRawPack();
    const population = rawProperties(rawFeatureById(raw, 'poc-sites', 'bor-poc')).population as Json[];
    if (population[0] !== undefined) population[0].date = '2018-13';
    expect(packError(raw).message).toMatch(/id "bor-poc"\), properties\.population\[0\]\.date/);
  });

  it('a fifth corridor claiming to meet at Kayango', () => {
    const raw = readRawPack();
    const fifth = structuredClone(rawFeatureById(raw, 'corridors', 'gogrial-kuajok-wau'));
    rawProperties(fifth).id = 'fifth-corridor';
    rawProperties(fifth).meetsAtKayango = true;
    rawFeatures(raw, 'corridors').push(fifth);
    const message = packError(raw).message;
    expect(message).toMatch(/corridors\.geojson: .*\(id "fifth-corridor"\), geometry\.coordinates: meetsAtKayango is true/);
    expect(message).toMatch(/corridors\.geojson: properties\.meetsAtKayango: exactly 4 corridors .* 5 are flagged/);
  });

  it('a fifth corridor that ends at Kayango without the flag', () => {
    const raw = readRawPack();
    const fifth = structuredClone(rawFeatureById(raw, 'corridors', 'tonj-kayango'));
    rawProperties(fifth).id = 'unflagged-spoke';
    rawProperties(fifth).meetsAtKayango = false;
    rawFeatures(raw, 'corridors').push(fifth);
    expect(packError(raw).message).toMatch(/\(id "unflagged-spoke"\), properties\.meetsAtKayango: the line touches/);
  });

  it('a Kayango corridor that stops 50 m short of the station', () => {
    const raw = readRawPack();
    const spoke = rawFeatureById(raw, 'corridors', 'wau-kayango');
    const coordinates = (spoke.geometry as { coordinates: number[][] }).coordinates;
    coordinates[coordinates.length - 1] = [28.25, 7.75 - 0.00045];
    expect(packError(raw).message).toMatch(/\(id "wau-kayango"\), geometry\.coordinates: .* passes (4[5-9]|5[0-5]) m from/);
  });

  it('a missing field office', () => {
    const raw = readRawPack();
    const offices = rawFeatures(raw, 'field-offices');
    offices.splice(offices.findIndex((feature) => rawProperties(feature).id === 'pibor'), 1);
    expect(packError(raw).message).toMatch(/field-offices\.geojson: properties\.id: field office "pibor" is missing/);
  });

  it('an id used twice across layers', () => {
    const raw = readRawPack();
    rawProperties(rawFeatures(raw, 'poc-sites')[0]).id = 'tomping';
    expect(packError(raw).message).toMatch(
      /poc-sites\.geojson: feature 0 \(id "tomping"\), properties\.id: id "tomping" is already used by headquarters\.geojson feature 1/,
    );
  });

  it('a layer that is not a FeatureCollection at all', () => {
    const raw = readRawPack();
    raw['police-stations'] = { type: 'Feature' };
    expect(packError(raw).message).toMatch(/police-stations\.geojson: type: /);
  });
});

describe('formatPackProblem', () => {
  it('writes file, feature and field on one line', () => {
    expect(
      formatPackProblem({
        file: 'poc-sites.geojson',
        featureIndex: 2,
        featureId: 'malakal-poc',
        field: 'properties.source',
        message: 'Invalid input',
      }),
    ).toBe('poc-sites.geojson: feature 2 (id "malakal-poc"), properties.source: Invalid input');
    expect(formatPackProblem({ file: 'corridors.geojson', field: 'properties.meetsAtKayango', message: 'x' })).toBe(
      'corridors.geojson: properties.meetsAtKayango: x',
    );
  });
});
