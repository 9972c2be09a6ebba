import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../shared/units.js';
import { buildUnitList, compareRows, matchesFilter, NO_FILTER, unitListRow } from './unitList.js';

const now = 1_800_000_000_000;
const t = { staleAfterMs: 120_000, lostAfterMs: 600_000 };
const policy = { 'fpu-vehicle': t, 'ipo-foot': t, 'joint-patrol': t, 'static-post': t };

function unit(id: string, ageMs: number | null, patch: Partial<Unit> = {}): Unit {
  return {
    id,
    callsign: id.toUpperCase(),
    type: 'fpu-vehicle',
    fieldOffice: 'juba',
    activity: 'on-patrol',
    status: 'live',
    last: ageMs === null ? null : { time: now - ageMs, lat: 4.85, lon: 31.6 },
    ...patch,
  };
}

const units = [
  unit('jub-2', 5_000),
  unit('jub-10', 5_000),
  unit('mal-1', 200_000, { fieldOffice: 'malakal', group: 'Cyan Team' }),
  unit('bor-1', 900_000, { fieldOffice: 'bor' }),
  unit('wau-1', null, { fieldOffice: 'wau', status: 'unknown' }),
  unit('jub-9', 900_000, { activity: 'sos' }),
  unit('bor-2', 5_000, { fieldOffice: 'bor', activity: 'sos' }),
];

describe('buildUnitList', () => {
  it('puts SOS first, then lost, stale, live and never seen, by callsign within each', () => {
    const { rows } = buildUnitList(units, now, policy, NO_FILTER);
    expect(rows.map((r) => r.id)).toEqual(['jub-9', 'bor-2', 'bor-1', 'mal-1', 'jub-2', 'jub-10', 'wau-1']);
  });

  it('counts every unit by the status the screen shows, whatever the filter', () => {
    const { counts, rows } = buildUnitList(units, now, policy, { ...NO_FILTER, office: 'bor' });
    expect(rows.map((r) => r.id)).toEqual(['bor-2', 'bor-1']);
    expect(counts).toEqual({ total: 7, live: 3, stale: 1, lost: 2, unknown: 1, sos: 2 });
  });

  it('filters by status, and by SOS', () => {
    expect(buildUnitList(units, now, policy, { ...NO_FILTER, status: 'lost' }).rows.map((r) => r.id)).toEqual(['jub-9', 'bor-1']);
    expect(buildUnitList(units, now, policy, { ...NO_FILTER, status: 'sos' }).rows.map((r) => r.id)).toEqual(['jub-9', 'bor-2']);
  });
});

describe('matchesFilter', () => {
  const row = unitListRow(unit('mal-1', 1_000, { callsign: 'MAL-FPU-1', group: 'Cyan Team', fieldOffice: 'malakal' }), now, policy);
  it.each([
    ['fpu-1', true],
    ['MAL-1', true],
    ['cyan', true],
    ['  team ', true],
    ['bor', false],
    ['', true],
  ])('search "%s" → %s', (text, expected) => {
    expect(matchesFilter(row, { ...NO_FILTER, text })).toBe(expected);
  });
  it('combines text, status and office', () => {
    expect(matchesFilter(row, { text: 'mal', status: 'live', office: 'malakal' })).toBe(true);
    expect(matchesFilter(row, { text: 'mal', status: 'stale', office: 'malakal' })).toBe(false);
    expect(matchesFilter(row, { text: 'mal', status: 'live', office: 'juba' })).toBe(false);
  });
});

describe('compareRows', () => {
  it('sorts callsigns with numbers as a person would', () => {
    const a = unitListRow(unit('a', 1_000, { callsign: 'JUB-FPU-2' }), now, policy);
    const b = unitListRow(unit('b', 1_000, { callsign: 'JUB-FPU-10' }), now, policy);
    expect(compareRows(a, b)).toBeLessThan(0);
  });
});
