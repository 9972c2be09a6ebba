import { describe, expect, it } from 'vitest';
import { etaText } from './eta.js';

describe('etaText', () => {
  it('says minutes under an hour and a half, then hours to the nearest five minutes', () => {
    expect(etaText(0.2)).toBe('~1 min');
    expect(etaText(31)).toBe('~31 min');
    expect(etaText(89)).toBe('~89 min');
    expect(etaText(495)).toBe('~8 h 15 min');
    expect(etaText(1678)).toBe('~28 h');
    expect(etaText(120)).toBe('~2 h');
  });
});
