import { describe, expect, it } from 'vitest';
import { decodeRow, encodeRow, UnitMirror, UnitRow, type KeyedUnit } from './feed.js';
import type { Unit } from './units.js';

const T = 1_795_240_000_000;
const unit: Unit = {
  id: 'mal-fpu-1',
  callsign: 'MAL-FPU-1',
  type: 'fpu-vehicle',
  fieldOffice: 'malakal',
  activity: 'responding',
  status: 'stale',
  last: { time: T - 4_321, lat: 9.553412, lon: 31.655701, speed: 8.93, heading: 184.5, accuracy: 6.5, battery: 81, implausible: true, staleAt: T + 60_000 },
};

describe('the compact unit row', () => {
  it('round-trips a unit’s live state to the centimetre, decidegree and decimetre', () => {
    const row = UnitRow.parse(encodeRow(7, unit, T));
    expect(row).toEqual([7, -4321, 9553412, 31655701, 893, 1845, 65, 81, 1, 2, 1, 60_000]);
    expect(decodeRow(row, T, { ...unit, last: null, status: 'live', activity: 'on-patrol' })).toEqual(unit);
  });

  it('is several times smaller than the keyed object', () => {
    expect(JSON.stringify(unit).length / JSON.stringify(encodeRow(7, unit, T)).length).toBeGreaterThan(4);
  });

  it('carries a unit that never reported', () => {
    const silent: Unit = { ...unit, last: null, status: 'unknown', activity: 'at-base' };
    expect(decodeRow(encodeRow(3, silent, T), T, unit)).toEqual(silent);
  });
});

describe('UnitMirror', () => {
  const keyed = (key: number, u: Unit): KeyedUnit => ({ ...u, key });

  it('follows a snapshot and deltas, and notices a missed message', () => {
    const mirror = new UnitMirror();
    mirror.applySnapshot({ seq: 4, time: T, units: [keyed(0, unit)] });
    const moved: Unit = { ...unit, last: { time: T + 1000, lat: 9.56, lon: 31.66 }, status: 'live' };
    const first = mirror.applyDelta({ seq: 5, prev: 4, time: T + 1500, meta: [], rows: [encodeRow(0, moved, T + 1500)] });
    expect(first).toEqual({ changed: [moved], gap: false });
    const renamed = { ...moved, callsign: 'MAL-FPU-1A' };
    const second = mirror.applyDelta({ seq: 9, prev: 7, time: T + 2000, meta: [keyed(0, renamed)], rows: [] });
    expect(second.gap).toBe(true);
    expect(mirror.units.get('mal-fpu-1')?.callsign).toBe('MAL-FPU-1A');
    expect(mirror.applyDelta({ seq: 10, prev: 9, time: T, meta: [], rows: [encodeRow(99, unit, T)] }).gap).toBe(true);
  });
});
