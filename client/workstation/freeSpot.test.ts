import { describe, expect, it } from 'vitest';
import { placeInGap, widestGap } from './freeSpot.js';

describe('finding room along the edge of the map', () => {
  it('takes the whole width when nothing is in the way', () => {
    expect(widestGap([], 1366, 12)).toEqual({ left: 12, right: 1354 });
    expect(placeInGap([], 1366, 300, 12)).toBe(533);
  });

  it('goes beside a panel on the left', () => {
    expect(widestGap([{ left: 12, right: 412 }], 1366, 12)).toEqual({ left: 424, right: 1354 });
  });

  it('picks the widest stretch between panels, controls and overlapping boxes', () => {
    // units list, layer switcher over it, details panel on the right, the scale bar.
    const covered = [
      { left: 12, right: 412 },
      { left: 400, right: 724 },
      { left: 910, right: 1310 },
      { left: 1250, right: 1356 },
    ];
    expect(widestGap(covered, 1366, 12)).toEqual({ left: 736, right: 898 });
    // 140 px fits in the middle of those 162.
    expect(placeInGap(covered, 1366, 140, 12)).toBe(747);
  });

  it('leans into a stretch a little too narrow, but stays on the map', () => {
    // 200 px free on the right for 300: as far right as the map allows.
    expect(placeInGap([{ left: 0, right: 1154 }], 1366, 300, 12)).toBe(1054);
  });

  it('takes the middle of the map when nothing has half the room it needs', () => {
    expect(placeInGap([{ left: 0, right: 1300 }], 1366, 300, 12)).toBe(533);
    expect(placeInGap([{ left: 0, right: 1366 }], 1366, 300, 12)).toBe(533);
  });

  it('ignores empty boxes (hidden elements measure zero)', () => {
    expect(widestGap([{ left: 500, right: 500 }], 1000, 10)).toEqual({ left: 10, right: 990 });
  });
});
