import { describe, expect, it } from 'vitest';
import { hourTicks } from './ticks.js';

describe('hourTicks', () => {
  it('marks each whole hour in Juba time, labelled every few hours, the date at midnight', () => {
    // 10:30 UTC on Tuesday 9 March 2027 = 12:30 in Juba; 24 hours to 12:30 on the Wednesday.
    const from = Date.UTC(2027, 2, 9, 10, 30);
    const ticks = hourTicks(from, from + 24 * 3600_000);
    expect(ticks).toHaveLength(24);
    expect(ticks[0]).toEqual({ at: Date.UTC(2027, 2, 9, 11), position: 1 / 48, label: '', day: false });
    expect(ticks.filter((t) => t.label !== '').map((t) => t.label)).toEqual(['15:00', '18:00', '21:00', 'Wed 10 Mar', '03:00', '06:00', '09:00', '12:00']);
    const midnight = ticks.find((t) => t.day);
    expect(midnight?.at).toBe(Date.UTC(2027, 2, 9, 22));
  });

  it('thins the marks for a longer replay', () => {
    const from = Date.UTC(2027, 2, 9, 0);
    const ticks = hourTicks(from, from + 72 * 3600_000);
    expect(ticks.length).toBeLessThanOrEqual(9);
    expect(ticks.every((t) => t.label !== '')).toBe(true);
  });

  it('has nothing to mark in an empty range', () => {
    expect(hourTicks(10, 10)).toEqual([]);
  });
});
