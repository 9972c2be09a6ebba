import { describe, expect, it } from 'vitest';
import { seenLabel } from './seen.js';

const now = 1_800_000_000_000;

describe('seenLabel', () => {
  it('says how long a stale unit has been silent', () => {
    expect(seenLabel('stale', now - 7 * 60_000 - 20_000, now)).toBe('last seen 7 min ago');
    expect(seenLabel('stale', now - 40_000, now)).toBe('last seen 40 s ago');
  });
  it('says that a lost unit is lost, and since when', () => {
    expect(seenLabel('lost', now - 23 * 60_000, now)).toBe('lost · last seen 23 min ago');
    expect(seenLabel('lost', now - 2 * 3_600_000 - 5 * 60_000, now)).toBe('lost · last seen 2 h 5 min ago');
  });
  it('says nothing of a live unit or one never seen', () => {
    expect(seenLabel('live', now - 5_000, now)).toBe('');
    expect(seenLabel('unknown', null, now)).toBe('');
    expect(seenLabel('lost', null, now)).toBe('');
  });
});
