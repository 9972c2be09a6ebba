import { describe, expect, it } from 'vitest';
import { goToMoment } from './goTo.js';

// 15:00 in Juba on 10 March 2027.
const now = Date.UTC(2027, 2, 10, 13, 0);

describe('goToMoment', () => {
  it('reads a time of day as the last time Juba clocks showed it', () => {
    expect(goToMoment('14:05', now)).toBe(Date.UTC(2027, 2, 10, 12, 5));
    expect(goToMoment(' 9:30 ', now)).toBe(Date.UTC(2027, 2, 10, 7, 30));
    // Later than now today: yesterday's.
    expect(goToMoment('16:10', now)).toBe(Date.UTC(2027, 2, 9, 14, 10));
  });

  it('reads a date and time in Juba time', () => {
    expect(goToMoment('2027-03-09 23:15', now)).toBe(Date.UTC(2027, 2, 9, 21, 15));
  });

  it('refuses anything else', () => {
    for (const text of ['', 'noon', '25:00', '14:75', '2027-13-01 10:00']) expect(goToMoment(text, now), text).toBeNull();
  });
});
