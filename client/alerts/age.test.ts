import { describe, expect, it } from 'vitest';
import { alertAge } from './age.js';

const now = Date.UTC(2026, 10, 21, 14, 30);

describe('alertAge', () => {
  it.each([
    [0, 'just now'],
    [4_999, 'just now'],
    [-30_000, 'just now'],
    [12_000, '10 s ago'],
    [59_999, '55 s ago'],
    [60_000, '1 min ago'],
    [125_000, '2 min ago'],
    [3_600_000, '1 h ago'],
    [5_400_000, '1 h 30 min ago'],
  ])('%i ms after raising reads %s', (ms, text) => {
    expect(alertAge(now - ms, now)).toBe(text);
  });
});
