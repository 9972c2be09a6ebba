import { describe, expect, it } from 'vitest';
import { goToFeatures, measureFeatures, measureLayers, goToLayers, WORKSTATION } from './layers.js';
import { formatKm, legKm } from './measure.js';

const juba = { lat: 4.85, lon: 31.6 };
const bor = { lat: 6.2125, lon: 31.56083 };
const torit = { lat: 4.40806, lon: 32.575 };

describe('what the measuring tool draws', () => {
  it('draws nothing before the first click', () => {
    expect(measureFeatures([], null).features).toEqual([]);
    // The pointer alone draws nothing either: there is no leg to follow it yet.
    expect(measureFeatures([], juba).features).toEqual([]);
  });

  it('follows the pointer from the first point with a dashed leg', () => {
    const kinds = measureFeatures([juba], bor).features.map((f) => f.properties.kind);
    expect(kinds).toEqual(['preview', 'vertex']);
  });

  it('draws the path, a dot at each point and each leg’s length at its middle', () => {
    const { features } = measureFeatures([juba, bor, torit], null);
    const path = features.find((f) => f.properties.kind === 'path');
    expect(path?.geometry).toEqual({ type: 'LineString', coordinates: [[31.6, 4.85], [31.56083, 6.2125], [32.575, 4.40806]] });
    expect(features.filter((f) => f.properties.kind === 'vertex')).toHaveLength(3);
    const legs = features.filter((f) => f.properties.kind === 'leg');
    expect(legs.map((f) => f.properties.kind === 'leg' && f.properties.label)).toEqual([formatKm(legKm(juba, bor)), formatKm(legKm(bor, torit))]);
    expect(legs[0]?.geometry).toEqual({ type: 'Point', coordinates: [(31.6 + 31.56083) / 2, (4.85 + 6.2125) / 2] });
    expect(features.some((f) => f.properties.kind === 'preview')).toBe(false);
  });

  it('marks the place gone to, or nothing', () => {
    expect(goToFeatures(juba).features[0]?.geometry).toEqual({ type: 'Point', coordinates: [31.6, 4.85] });
    expect(goToFeatures(null).features).toEqual([]);
  });

  it('keeps its layers on its own sources, under its own prefix', () => {
    for (const layer of [...measureLayers(), ...goToLayers()]) {
      expect(layer.id.startsWith('ops-workstation-')).toBe(true);
      expect('source' in layer ? layer.source : null).toMatch(new RegExp(`^(${WORKSTATION.measureSource}|${WORKSTATION.goToSource})$`));
    }
  });
});
