import { describe, expect, it } from 'vitest';
import { smallestTextSize, wallTextSize, WALL_MIN_TEXT_PX } from './labelSize.js';

describe('wallTextSize', () => {
  it('enlarges a fixed size and keeps it at 18 px or more', () => {
    expect(wallTextSize(13)).toBe(18);
    expect(wallTextSize(20)).toBe(27);
  });
  it('enlarges the outputs of a zoom curve and leaves the zooms alone', () => {
    expect(wallTextSize(['interpolate', ['linear'], ['zoom'], 4, 13, 8, 17])).toEqual(['interpolate', ['linear'], ['zoom'], 4, 18, 8, 23]);
    expect(wallTextSize(['step', ['zoom'], 12, 8, 16])).toEqual(['step', ['zoom'], 18, 8, 21.6]);
  });
  it('reaches into per-feature choices inside a curve', () => {
    const size = ['interpolate', ['linear'], ['zoom'], 4, ['case', ['==', ['get', 'activity'], 'sos'], 14, 10], 13, ['match', ['get', 'kind'], 'hq', 20, 15]];
    expect(wallTextSize(size)).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      4,
      ['case', ['==', ['get', 'activity'], 'sos'], 18.9, 18],
      13,
      ['match', ['get', 'kind'], 'hq', 27, 20.3],
    ]);
  });
  it('takes MapLibre’s 16 px for a layer that names no size, and a fixed size for one read from the data', () => {
    expect(wallTextSize(undefined)).toBe(21.6);
    expect(wallTextSize(['get', 'size'])).toBe(22);
  });
  it('enlarges a legacy zoom function', () => {
    expect(wallTextSize({ base: 1, stops: [[4, 12], [10, 16]] })).toEqual({ base: 1, stops: [[4, 18], [10, 21.6]] });
  });
});

describe('smallestTextSize', () => {
  it('finds the smallest size at any zoom and for any feature', () => {
    expect(smallestTextSize(['interpolate', ['linear'], ['zoom'], 4, ['case', true, 14, 10], 13, 16])).toBe(10);
    expect(smallestTextSize(undefined)).toBe(16);
    expect(smallestTextSize(['get', 'size'])).toBeNull();
  });
  it('finds nothing under the wall minimum once enlarged', () => {
    for (const size of [9, ['interpolate', ['linear'], ['zoom'], 8, 13, 14, 16], ['step', ['zoom'], 11, 7, ['case', true, 9, 12]]]) {
      expect(smallestTextSize(wallTextSize(size))).toBeGreaterThanOrEqual(WALL_MIN_TEXT_PX);
    }
  });
});
