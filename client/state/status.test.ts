import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/units.js';
import { effectiveStatus } from './status.js';

const t = { staleAfterMs: 180_000, lostAfterMs: 900_000 };
const now = 1_800_000_000_000;
const unitSeen = (ageMs: number, status: Unit['status'] = 'live'): Unit => ({
  id: 'u1',
  callsign: 'U1',
  type: 'ipo-foot',
  fieldOffice: 'bor',
  activity: 'on-patrol',
  status,
  last: { time: now - ageMs, lat: 6.2, lon: 31.56 },
});

describe('effectiveStatus', () => {
  it('keeps the server word for a fresh fix', () => {
    expect(effectiveStatus(unitSeen(10_000), now, t)).toBe('live');
    expect(effectiveStatus(unitSeen(10_000, 'stale'), now, t)).toBe('stale');
  });
  it('ages a unit the server still calls live while the link is down', () => {
    expect(effectiveStatus(unitSeen(200_000), now, t)).toBe('stale');
    expect(effectiveStatus(unitSeen(1_000_000), now, t)).toBe('lost');
  });
  it('never makes a unit look better than the server says', () => {
    expect(effectiveStatus(unitSeen(1_000, 'lost'), now, t)).toBe('lost');
  });
  it('has no status without a fix', () => {
    expect(effectiveStatus({ ...unitSeen(0), last: null }, now, t)).toBe('unknown');
  });
});
