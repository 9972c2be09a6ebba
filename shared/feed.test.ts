import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRow, encodeRow, packRows, PACKED_ROW_BYTES, UnitMirror, UnitRow, UnitsDelta, unpackRows, type KeyedUnit } from './feed.js';
import type { Fix, Unit } from './units.js';

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

describe('packed rows on the wire', () => {
  const wire = (rows: UnitRow[]) => ({ seq: 2, prev: 1, time: T, meta: [], rows: packRows(rows) });

  it('read back exactly, 30 bytes a unit, from a Buffer or an ArrayBuffer', () => {
    const rows = [encodeRow(7, unit, T), encodeRow(3, { ...unit, last: null, status: 'unknown', activity: 'at-base' }, T)];
    const packed = packRows(rows);
    expect(packed.byteLength).toBe(2 * PACKED_ROW_BYTES);
    expect(UnitsDelta.parse(wire(rows)).rows).toEqual(rows);
    expect(UnitsDelta.parse({ ...wire(rows), rows: packed.buffer }).rows).toEqual(rows);
    const copy = Buffer.concat([Buffer.from('xx'), packed]).subarray(2);
    expect(unpackRows(copy)).toEqual(rows);
  });

  it('keep any row the encoder makes, including fixes weeks old', () => {
    const lat = fc.double({ min: -90, max: 90, noNaN: true });
    const lon = fc.double({ min: -180, max: 180, noNaN: true });
    const optional = (max: number) => fc.option(fc.double({ min: 0, max, noNaN: true }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.nat({ max: 0xffffffff }),
        fc.integer({ min: -90 * 86_400_000, max: 60_000 }),
        lat,
        lon,
        optional(600),
        optional(359.9),
        optional(6_000),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        fc.option(fc.integer({ min: -30 * 86_400_000, max: 30 * 86_400_000 }), { nil: undefined }),
        (key, age, la, lo, speed, heading, accuracy, battery, stale) => {
          const last: Fix = { time: T + age, lat: la, lon: lo };
          if (speed !== undefined) last.speed = speed;
          if (heading !== undefined) last.heading = heading;
          if (accuracy !== undefined) last.accuracy = accuracy;
          if (battery !== undefined) last.battery = battery;
          if (stale !== undefined) last.staleAt = T + stale;
          // −0 and 0 are the same position.
          const row = encodeRow(key, { ...unit, last }, T).map((v) => (v === 0 ? 0 : v)) as UnitRow;
          const [back] = unpackRows(packRows([row])) as UnitRow[];
          // Times further than ±24 days travel in whole seconds; everything else exactly.
          const close = (a: number | null | undefined, b: number | null | undefined) =>
            a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a) > 0x7fffffff && Math.abs(a - b) <= 500);
          expect(back?.slice(0, 1).concat(back.slice(2, 11))).toEqual(row.slice(0, 1).concat(row.slice(2, 11)));
          expect(close(row[1], back?.[1])).toBe(true);
          expect(close(row[11], back?.[11])).toBe(true);
        },
      ),
      { seed: 20261121, numRuns: 500 },
    );
  });

  it('refuse a broken attachment with the reason', () => {
    const bad = UnitsDelta.safeParse({ ...wire([encodeRow(1, unit, T)]), rows: new Uint8Array(31) });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('not a whole number of 30-byte rows');
    const status = packRows([encodeRow(1, unit, T)]);
    status[23] = 200;
    expect(UnitsDelta.safeParse({ ...wire([]), rows: status }).error?.issues[0]?.message).toContain('link status 200 is unknown');
    expect(UnitsDelta.safeParse({ ...wire([]), rows: [[1, 2]] }).success).toBe(false);
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
