import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/units.js';
import { UnitTweens } from './tween.js';

const unitAt = (lon: number, lat: number, time: number): Unit => ({
  id: 'u',
  callsign: 'U',
  type: 'fpu-vehicle',
  fieldOffice: 'wau',
  activity: 'on-patrol',
  status: 'live',
  last: { time, lat, lon },
});
const one = (u: Unit) => new Map([[u.id, u]]);

describe('UnitTweens', () => {
  it('draws a unit seen for the first time at its fix, without gliding', () => {
    const tweens = new UnitTweens();
    tweens.retarget(one(unitAt(28, 7.7, 1)), 1_000);
    expect(tweens.position('u', 1_000)).toEqual([28, 7.7]);
    expect(tweens.moving(1_000)).toBe(false);
  });

  it('glides to a new fix over the duration', () => {
    const tweens = new UnitTweens({ durationMs: 1_000 });
    tweens.retarget(one(unitAt(28, 7.7, 1)), 0);
    tweens.retarget(one(unitAt(28.01, 7.71, 2)), 10_000);
    const [lon, lat] = tweens.position('u', 10_500) ?? [0, 0];
    expect(lon).toBeCloseTo(28.005, 6);
    expect(lat).toBeCloseTo(7.705, 6);
    expect(tweens.moving(10_500)).toBe(true);
    expect(tweens.position('u', 11_000)).toEqual([28.01, 7.71]);
    expect(tweens.moving(11_000)).toBe(false);
  });

  it('starts a new glide from where the marker is drawn, not from the old fix', () => {
    const tweens = new UnitTweens({ durationMs: 1_000 });
    tweens.retarget(one(unitAt(28, 7.7, 1)), 0);
    tweens.retarget(one(unitAt(28.01, 7.7, 2)), 1_000);
    tweens.retarget(one(unitAt(28.02, 7.7, 3)), 1_500); // mid-glide, at 28.005
    expect(tweens.position('u', 1_500)?.[0]).toBeCloseTo(28.005, 6);
  });

  it('snaps a jump too long to be a glide', () => {
    const tweens = new UnitTweens({ maxJumpDeg: 0.05 });
    tweens.retarget(one(unitAt(28, 7.7, 1)), 0);
    tweens.retarget(one(unitAt(29, 7.7, 2)), 5_000);
    expect(tweens.position('u', 5_001)).toEqual([29, 7.7]);
  });

  it('forgets units that left the set', () => {
    const tweens = new UnitTweens();
    tweens.retarget(one(unitAt(28, 7.7, 1)), 0);
    tweens.retarget(new Map(), 10);
    expect(tweens.position('u', 10)).toBeNull();
  });
});
