import { describe, expect, it } from 'vitest';
import { distanceMetres, scaleBar } from './scaleBar.js';

describe('scaleBar', () => {
  it('picks the longest 1-2-5 distance that fits', () => {
    expect(scaleBar(100, 160)).toEqual({ px: 100, metres: 10_000, label: '10 km' });
    expect(scaleBar(2, 150)).toEqual({ px: 100, metres: 200, label: '200 m' });
    expect(scaleBar(1000, 150)).toEqual({ px: 100, metres: 100_000, label: '100 km' });
    expect(scaleBar(0.7, 150).label).toBe('100 m');
    const bar = scaleBar(333, 150);
    expect(bar.px).toBeLessThanOrEqual(150);
    expect(bar.label).toBe('20 km');
  });

  it('measures on the sphere: a degree of latitude is about 111 km', () => {
    expect(distanceMetres([31.6, 4.85], [31.6, 5.85]) / 1000).toBeCloseTo(111.2, 0);
    expect(distanceMetres([31.6, 4.85], [31.6, 4.85])).toBe(0);
  });
});
