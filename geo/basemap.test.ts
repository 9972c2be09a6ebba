import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASEMAP_REGION, buildBasemap, roundPath, touchesBox, type BasemapLayers } from './basemap.js';

const require = createRequire(import.meta.url);
const worldAtlas10m: unknown = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'));

describe('buildBasemap on world-atlas countries-10m', () => {
  let layers: BasemapLayers;
  let names: string[];
  beforeAll(() => {
    layers = buildBasemap(worldAtlas10m);
    names = layers.countries.features.map((feature) => feature.properties.name);
  });

  it('flags South Sudan, and only South Sudan', () => {
    const flagged = layers.countries.features.filter((feature) => feature.properties.isSouthSudan);
    expect(flagged.map((feature) => feature.properties.name)).toEqual(['S. Sudan']);
    expect(flagged[0]?.id).toBe('728');
  });

  it('includes the six neighbours', () => {
    for (const neighbour of ['Sudan', 'Ethiopia', 'Kenya', 'Uganda', 'Dem. Rep. Congo', 'Central African Rep.']) {
      expect(names).toContain(neighbour);
    }
  });

  it('leaves out countries far away, including those split at the antimeridian', () => {
    for (const far of ['Brazil', 'Russia', 'United States of America', 'Fiji', 'Australia', 'France', 'India']) {
      expect(names).not.toContain(far);
    }
  });

  it('draws South Sudan’s outline where Natural Earth puts the country', () => {
    const positions = layers.southSudanOutline.coordinates.flat();
    expect(positions.length).toBeGreaterThan(100);
    const lons = positions.map((position) => position[0] ?? Number.NaN);
    const lats = positions.map((position) => position[1] ?? Number.NaN);
    // Natural Earth gives lon 23.887–35.298, lat 3.509–12.248, which matches the 110m file. The 10m
    // file measured here spans lon 24.122–35.919 (its eastern edge takes in the Ilemi triangle)
    // and lat 3.491–12.216, so the bounds are checked to a few tenths of a degree.
    expect(Math.min(...lons)).toBeGreaterThan(23.8);
    expect(Math.min(...lons)).toBeLessThan(24.2);
    expect(Math.max(...lons)).toBeGreaterThan(35.2);
    expect(Math.max(...lons)).toBeLessThan(36.0);
    expect(Math.min(...lats)).toBeCloseTo(3.5, 1);
    expect(Math.max(...lats)).toBeCloseTo(12.2, 1);
  });

  it('cuts the 50m file the server ships to under 200 kB', () => {
    const medium = buildBasemap(JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')));
    expect(medium.countries.features.filter((feature) => feature.properties.isSouthSudan)).toHaveLength(1);
    expect(medium.countries.features.map((feature) => feature.properties.name)).toContain('Uganda');
    expect(Buffer.byteLength(JSON.stringify(medium))).toBeLessThan(200_000);
  });

  it('gives the same South Sudan extent as the published Natural Earth bounding box when cut from the 110m file', () => {
    const coarse = buildBasemap(JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')));
    const positions = coarse.southSudanOutline.coordinates.flat();
    const lons = positions.map((position) => position[0] ?? Number.NaN);
    const lats = positions.map((position) => position[1] ?? Number.NaN);
    expect(Math.min(...lons)).toBeCloseTo(23.887, 2);
    expect(Math.max(...lons)).toBeCloseTo(35.298, 2);
    expect(Math.min(...lats)).toBeCloseTo(3.509, 2);
    expect(Math.max(...lats)).toBeCloseTo(12.248, 2);
  });

  it('meshes shared borders and rounds coordinates to four decimals', () => {
    expect(layers.borders.type).toBe('MultiLineString');
    expect(layers.borders.coordinates.length).toBeGreaterThan(20);
    for (const position of layers.borders.coordinates.flat()) {
      for (const value of position) expect(Math.round(value * 1e4) / 1e4).toBe(value);
    }
  });

  it('stays small enough to send to every client', () => {
    const bytes = Buffer.byteLength(JSON.stringify(layers));
    expect(bytes).toBeLessThan(1_500_000);
    expect(Buffer.byteLength(JSON.stringify(buildBasemap(worldAtlas10m, { decimals: 3 })))).toBeLessThan(bytes);
  });

  it('rejects JSON that is not a countries topology', () => {
    expect(() => buildBasemap({ type: 'FeatureCollection', features: [] })).toThrow(/Topology/);
    expect(() => buildBasemap({ type: 'Topology', arcs: [], objects: {} })).toThrow(/objects\.countries/);
  });
});

describe('touchesBox', () => {
  it('tests each polygon of a country, not the country’s overall extent', () => {
    const split = {
      type: 'MultiPolygon' as const,
      coordinates: [
        [[[170, 50], [180, 50], [180, 55], [170, 50]]],
        [[[-180, 50], [-170, 50], [-170, 55], [-180, 50]]],
      ],
    };
    expect(touchesBox(split, { west: 14, south: 40, east: 45, north: 60 })).toBe(false);
    expect(touchesBox(split, BASEMAP_REGION)).toBe(false);
  });
});

describe('roundPath', () => {
  it('rounds and drops the repeats rounding makes', () => {
    expect(roundPath([[1.00001, 2], [1.00002, 2], [3, 4]], 4)).toEqual([[1, 2], [3, 4]]);
  });
});
