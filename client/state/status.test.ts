import { describe, expect, it } from 'vitest';
import type { ClientConfig } from '../../shared/config.js';
import type { Unit, UnitType } from '../../shared/units.js';
import { effectiveStatus, policyFrom } from './status.js';

const config: Pick<ClientConfig, 'thresholds'> = {
  thresholds: {
    'fpu-vehicle': { staleAfterS: 120, lostAfterS: 600 },
    'joint-patrol': { staleAfterS: 120, lostAfterS: 600 },
    'ipo-foot': { staleAfterS: 300, lostAfterS: 1200 },
    'static-post': { staleAfterS: 900, lostAfterS: 3600 },
  },
};
const policy = policyFrom(config);
const now = 1_800_000_000_000;
const unitSeen = (ageMs: number, status: Unit['status'] = 'live', type: UnitType = 'ipo-foot'): Unit => ({
  id: 'u1',
  callsign: 'U1',
  type,
  fieldOffice: 'bor',
  activity: 'on-patrol',
  status,
  last: { time: now - ageMs, lat: 6.2, lon: 31.56 },
});

describe('effectiveStatus', () => {
  it('keeps the server word for a fresh fix', () => {
    expect(effectiveStatus(unitSeen(10_000), now, policy)).toBe('live');
    expect(effectiveStatus(unitSeen(10_000, 'stale'), now, policy)).toBe('stale');
  });
  it('ages a unit the server still calls live while the link is down', () => {
    expect(effectiveStatus(unitSeen(310_000), now, policy)).toBe('stale');
    expect(effectiveStatus(unitSeen(1_300_000), now, policy)).toBe('lost');
  });
  it('uses the thresholds of the unit type', () => {
    // Four minutes of silence: a vehicle is stale, a foot patrol and a static post are not.
    const age = 4 * 60_000;
    expect(effectiveStatus(unitSeen(age, 'live', 'fpu-vehicle'), now, policy)).toBe('stale');
    expect(effectiveStatus(unitSeen(age, 'live', 'joint-patrol'), now, policy)).toBe('stale');
    expect(effectiveStatus(unitSeen(age, 'live', 'ipo-foot'), now, policy)).toBe('live');
    expect(effectiveStatus(unitSeen(age, 'live', 'static-post'), now, policy)).toBe('live');
    // Eleven minutes: the vehicle is lost, the foot patrol stale, the post still live.
    const long = 11 * 60_000;
    expect(effectiveStatus(unitSeen(long, 'live', 'fpu-vehicle'), now, policy)).toBe('lost');
    expect(effectiveStatus(unitSeen(long, 'live', 'ipo-foot'), now, policy)).toBe('stale');
    expect(effectiveStatus(unitSeen(long, 'live', 'static-post'), now, policy)).toBe('live');
  });
  it('treats a report past the time its sender gave (staleAt) as stale', () => {
    const unit = unitSeen(5_000);
    const last = unit.last ? { ...unit.last, staleAt: now - 1_000 } : null;
    expect(effectiveStatus({ ...unit, last }, now, policy)).toBe('stale');
    expect(effectiveStatus({ ...unit, last: last && { ...last, staleAt: now + 60_000 } }, now, policy)).toBe('live');
    // staleAt never makes a unit look better than its age does.
    const lost = unitSeen(2_000_000);
    expect(effectiveStatus({ ...lost, last: lost.last && { ...lost.last, staleAt: now + 60_000 } }, now, policy)).toBe('lost');
  });
  it('never makes a unit look better than the server says', () => {
    expect(effectiveStatus(unitSeen(1_000, 'lost'), now, policy)).toBe('lost');
  });
  it('has no status without a fix', () => {
    expect(effectiveStatus({ ...unitSeen(0), last: null }, now, policy)).toBe('unknown');
  });
  it('takes the server at its word until the configuration has arrived', () => {
    expect(effectiveStatus(unitSeen(2_000_000), now, null)).toBe('live');
    expect(effectiveStatus(unitSeen(1_000, 'stale'), now, null)).toBe('stale');
  });
});

describe('policyFrom', () => {
  it('turns seconds into milliseconds per type, once per configuration', () => {
    expect(policy?.['static-post']).toEqual({ staleAfterMs: 900_000, lostAfterMs: 3_600_000 });
    expect(policyFrom(config)).toBe(policy);
    expect(policyFrom(null)).toBeNull();
  });
});
