import { describe, expect, it } from 'vitest';
import { jubaDate, jubaHoursMinutes, jubaMonthNumber, jubaTime, jubaUtcOffset, lastSeen, zuluDtg } from './time.js';

describe('zuluDtg', () => {
  it('writes day, hours, minutes, Z, month and two-digit year in UTC', () => {
    expect(zuluDtg(Date.UTC(2026, 10, 21, 14, 30, 59))).toBe('211430Z NOV 26');
  });
  it('pads single digits and uses UTC, not local time', () => {
    expect(zuluDtg(Date.UTC(2027, 0, 3, 4, 5))).toBe('030405Z JAN 27');
  });
});

describe('Juba time', () => {
  // 21 Nov 2026 14:30:05 UTC is 16:30:05 in Juba (UTC+2 since February 2021).
  const t = Date.UTC(2026, 10, 21, 14, 30, 5);
  it('is two hours ahead of UTC', () => {
    expect(jubaTime(t)).toBe('16:30:05');
    expect(jubaHoursMinutes(t)).toBe('16:30');
    expect(jubaUtcOffset(t)).toBe('UTC+2');
  });
  it('rolls the date over at local midnight', () => {
    const late = Date.UTC(2026, 11, 31, 22, 30);
    expect(jubaDate(late)).toBe('Fri 1 Jan 2027');
    expect(jubaMonthNumber(late)).toBe(1);
  });
});

describe('lastSeen', () => {
  const now = 1_800_000_000_000;
  it.each([
    [0, 'just now'],
    [-5_000, 'just now'],
    [12_000, '12 s ago'],
    [59_999, '59 s ago'],
    [7 * 60_000 + 30_000, '7 min ago'],
    [2 * 3600_000, '2 h ago'],
    [2 * 3600_000 + 5 * 60_000, '2 h 5 min ago'],
    [3 * 86_400_000, '3 d ago'],
    [3 * 86_400_000 + 4 * 3600_000, '3 d 4 h ago'],
  ])('%i ms ago reads "%s"', (age, words) => {
    expect(lastSeen(now - age, now)).toBe(words);
  });
});
