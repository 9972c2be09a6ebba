import { toPoint } from 'mgrs';
import { describe, expect, it } from 'vitest';
import { formatDecimalDegrees, formatMgrs } from './position.js';

describe('formatMgrs', () => {
  it('spaces zone, square, easting and northing', () => {
    expect(formatMgrs(31.5825, 4.8594)).toMatch(/^36N [A-Z]{2} \d{5} \d{5}$/);
  });
  it('puts the west of South Sudan in zone 35N', () => {
    expect(formatMgrs(28.0, 4.57)).toMatch(/^35N /); // Yambio
  });
  it('reads back to the same place within a couple of metres', () => {
    const text = formatMgrs(31.5825, 4.8594);
    const [lon, lat] = toPoint(text.replace(/ /g, ''));
    expect(lon).toBeCloseTo(31.5825, 4);
    expect(lat).toBeCloseTo(4.8594, 4);
  });
});

describe('formatDecimalDegrees', () => {
  it('writes latitude first with hemispheres', () => {
    expect(formatDecimalDegrees(31.58234, 4.85123)).toBe('4.85123° N, 31.58234° E');
    expect(formatDecimalDegrees(-0.5, -1.25)).toBe('1.25000° S, 0.50000° W');
  });
});
