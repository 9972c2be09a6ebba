import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { CountryProps } from '../http/basemap.js';
import { countryLabelPoints } from './countryLabels.js';

const square = (name: string, w: number, s: number, e: number, n: number, isSouthSudan = false): Feature<Geometry, CountryProps> => ({
  type: 'Feature',
  properties: { name, isSouthSudan },
  geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
});

describe('countryLabelPoints', () => {
  const countries: FeatureCollection<Geometry, CountryProps> = {
    type: 'FeatureCollection',
    features: [
      square('S. Sudan', 24, 3.5, 35, 12, true),
      // A huge neighbour: its label goes in the part near South Sudan, not at its own centre.
      square('Sudan', 10, 12, 38, 30),
      square('Far away', 100, 40, 110, 50),
    ],
  };

  it('labels each neighbour once, inside the region, and not South Sudan', () => {
    const points = countryLabelPoints(countries);
    expect(points.features.map((f) => f.properties.name)).toEqual(['Sudan']);
    const [lon, lat] = points.features[0]?.geometry.coordinates ?? [0, 0];
    expect(lon).toBeGreaterThan(21);
    expect(lon).toBeLessThan(38.1);
    expect(lat).toBeGreaterThanOrEqual(12);
    expect(lat).toBeLessThanOrEqual(15);
  });
});
