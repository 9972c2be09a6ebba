import { describe, expect, it } from 'vitest';
import type { Basemap } from '../http/basemap.js';
import { BASE, SLOTS } from './ids.js';
import { buildBaseStyle } from './style.js';

const basemap: Basemap = {
  countries: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { name: 'South Sudan', isSouthSudan: true },
        geometry: { type: 'Polygon', coordinates: [[[30, 5], [31, 5], [31, 6], [30, 5]]] },
      },
    ],
  },
  borders: { type: 'FeatureCollection', features: [] },
  southSudanOutline: { type: 'FeatureCollection', features: [] },
};

describe('buildBaseStyle', () => {
  it('works offline: no glyphs, no sprite, no remote source', () => {
    const style = buildBaseStyle({ basemap });
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) expect(source.type).toBe('geojson');
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
  });

  it('starts dark and draws South Sudan lighter than its neighbours', () => {
    const style = buildBaseStyle({ basemap });
    expect(style.layers[0]?.type).toBe('background');
    const ids = style.layers.map((l) => l.id);
    expect(ids).toEqual([
      BASE.background,
      BASE.neighbours,
      BASE.southSudan,
      BASE.borders,
      BASE.outline,
      BASE.countryLabels,
      SLOTS.corridors,
      SLOTS.sites,
      SLOTS.trails,
      SLOTS.incidents,
      SLOTS.units,
    ]);
    const fill = (id: string) => {
      const layer = style.layers.find((l) => l.id === id);
      return layer?.type === 'fill' ? layer.paint?.['fill-color'] : undefined;
    };
    const lightness = (hex: unknown) => (typeof hex === 'string' ? parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) : 0);
    expect(lightness(fill(BASE.southSudan))).toBeGreaterThan(lightness(fill(BASE.neighbours)));
  });

  it('puts a configured raster under everything but the background', () => {
    const style = buildBaseStyle({ basemap, tilesUrl: 'http://tiles.local/{z}/{x}/{y}.png' });
    expect(style.sources[BASE.tilesSource]).toMatchObject({ type: 'raster', tiles: ['http://tiles.local/{z}/{x}/{y}.png'] });
    expect(style.layers[1]?.id).toBe(BASE.tiles);
  });

  it('has empty sources until the base map arrives', () => {
    const style = buildBaseStyle({ basemap: null });
    expect(style.sources[BASE.countriesSource]).toEqual({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  });
});
