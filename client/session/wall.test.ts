import { describe, expect, it } from 'vitest';
import { isWallView } from './wall.js';

describe('isWallView', () => {
  it('is a wall for a wall session whatever the address says', () => {
    expect(isWallView({ kind: 'wall' }, '')).toBe(true);
  });
  it('is a wall for anyone when the address asks for it', () => {
    expect(isWallView({ kind: 'user' }, '?view=wall')).toBe(true);
    expect(isWallView(null, '?test=1&view=wall')).toBe(true);
  });
  it('is the full dashboard otherwise', () => {
    expect(isWallView({ kind: 'user' }, '?test=1')).toBe(false);
    expect(isWallView({ kind: 'user' }, '?view=map')).toBe(false);
  });
});
