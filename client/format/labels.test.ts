import { describe, expect, it } from 'vitest';
import { formatPartialDate, formatSeason, inSeason } from './labels.js';

describe('seasons', () => {
  it('writes a month range with an en dash', () => {
    expect(formatSeason({ from: 12, to: 5 })).toBe('Dec–May');
    expect(formatSeason({ from: 3, to: 3 })).toBe('Mar');
  });
  it('knows a season that wraps the year end', () => {
    const dry = { from: 12, to: 5 };
    expect(inSeason(dry, 1)).toBe(true);
    expect(inSeason(dry, 12)).toBe(true);
    expect(inSeason(dry, 6)).toBe(false);
    expect(inSeason({ from: 6, to: 9 }, 7)).toBe(true);
    expect(inSeason({ from: 6, to: 9 }, 10)).toBe(false);
  });
});

describe('formatPartialDate', () => {
  it('keeps only the precision the source gave', () => {
    expect(formatPartialDate('2014')).toBe('2014');
    expect(formatPartialDate('2020-09')).toBe('Sep 2020');
    expect(formatPartialDate('2020-09-04')).toBe('4 Sep 2020');
  });
});
