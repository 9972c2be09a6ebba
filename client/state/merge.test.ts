import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/units.js';
import { checkSeq, mergeUnits, unitsById } from './merge.js';

const unit = (id: string, lat: number): Unit => ({
  id,
  callsign: id.toUpperCase(),
  type: 'fpu-vehicle',
  fieldOffice: 'juba',
  activity: 'on-patrol',
  status: 'live',
  last: { time: 1_800_000_000_000, lat, lon: 31.6 },
});

describe('mergeUnits', () => {
  it('replaces changed units by id and keeps the others', () => {
    const a = unit('a', 4.8);
    const b = unit('b', 4.9);
    const current = unitsById([a, b]);
    const b2 = unit('b', 5.0);
    const next = mergeUnits(current, [b2, unit('c', 5.1)]);
    expect(next).not.toBe(current);
    expect(next.get('a')).toBe(a);
    expect(next.get('b')).toBe(b2);
    expect(next.size).toBe(3);
    expect(current.get('b')).toBe(b);
  });
});

describe('checkSeq', () => {
  it('accepts the next number', () => expect(checkSeq(4, 5)).toBe('next'));
  it('sees a gap when one was skipped', () => expect(checkSeq(4, 6)).toBe('gap'));
  it('sees a gap before any snapshot', () => expect(checkSeq(null, 1)).toBe('gap'));
  it('calls a number already covered old', () => {
    expect(checkSeq(4, 4)).toBe('old');
    expect(checkSeq(4, 2)).toBe('old');
  });
});
