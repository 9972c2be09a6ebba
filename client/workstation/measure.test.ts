import { describe, expect, it } from 'vitest';
import { bearingDeg, degreesToMils, formatBearing, formatKm, formatMils, legKm, measurePath, withPoint } from './measure.js';

const juba = { lat: 4.85, lon: 31.6 };
const bor = { lat: 6.2125, lon: 31.56083 };
const torit = { lat: 4.40806, lon: 32.575 };

describe('measuring on the map', () => {
  it('gives great-circle distances: one degree of latitude is about 111.2 km', () => {
    expect(legKm({ lat: 4, lon: 31 }, { lat: 5, lon: 31 })).toBeCloseTo(111.195, 2);
    // Along the equator a degree of longitude is the same length; at 60° N it is half.
    expect(legKm({ lat: 0, lon: 30 }, { lat: 0, lon: 31 })).toBeCloseTo(111.195, 2);
    expect(legKm({ lat: 60, lon: 30 }, { lat: 60, lon: 31 })).toBeCloseTo(55.6, 1);
  });

  it('adds up each leg of a path and gives the last leg its bearing', () => {
    const m = measurePath([juba, bor, torit]);
    expect(m.legsKm).toHaveLength(2);
    // Juba to Bor is about 152 km, a little west of north.
    expect(m.legsKm[0]).toBeGreaterThan(150);
    expect(m.legsKm[0]).toBeLessThan(153);
    expect(m.totalKm).toBeCloseTo((m.legsKm[0] ?? 0) + (m.legsKm[1] ?? 0), 9);
    expect(m.totalKm).toBeCloseTo(legKm(juba, bor) + legKm(bor, torit), 9);
    // Bor to Torit runs south-east.
    expect(m.lastBearingDeg).toBeGreaterThan(90);
    expect(m.lastBearingDeg).toBeLessThan(180);
  });

  it('has nothing to say about one point, and nothing about none', () => {
    expect(measurePath([juba])).toEqual({ legsKm: [], totalKm: 0, lastBearingDeg: null });
    expect(measurePath([])).toEqual({ legsKm: [], totalKm: 0, lastBearingDeg: null });
  });

  it('reads bearings clockwise from true north, never negative', () => {
    expect(bearingDeg({ lat: 4, lon: 31 }, { lat: 5, lon: 31 })).toBeCloseTo(0, 6);
    expect(bearingDeg({ lat: 0, lon: 31 }, { lat: 0, lon: 32 })).toBeCloseTo(90, 6);
    expect(bearingDeg({ lat: 5, lon: 31 }, { lat: 4, lon: 31 })).toBeCloseTo(180, 6);
    expect(bearingDeg({ lat: 0, lon: 32 }, { lat: 0, lon: 31 })).toBeCloseTo(270, 6);
    // Juba to Bor: a little west of north, so just under 360, never a negative figure.
    expect(bearingDeg(juba, bor)).toBeGreaterThan(355);
    expect(bearingDeg(juba, bor)).toBeLessThan(360);
  });

  it('turns degrees into NATO mils, 6400 to the circle', () => {
    expect(degreesToMils(0)).toBe(0);
    expect(degreesToMils(90)).toBe(1600);
    expect(degreesToMils(180)).toBe(3200);
    expect(degreesToMils(270)).toBe(4800);
    expect(degreesToMils(1)).toBe(18); // 17.78 rounded
    expect(degreesToMils(45)).toBe(800);
    // Just short of north rounds to north, not to 6400.
    expect(degreesToMils(359.99)).toBe(0);
  });

  it('does not count a double click twice', () => {
    expect(withPoint([juba], { ...juba })).toEqual([juba]);
    expect(withPoint([juba], bor)).toEqual([juba, bor]);
    expect(withPoint([], juba)).toEqual([juba]);
  });

  it('writes figures as they are read out', () => {
    expect(formatKm(12.3456)).toBe('12.35 km');
    expect(formatKm(0.04)).toBe('0.04 km');
    expect(formatKm(151.62)).toBe('151.6 km');
    expect(formatKm(1234.56)).toBe('1,234.6 km');
    expect(formatBearing(47.26)).toBe('047.3°');
    expect(formatBearing(5)).toBe('005.0°');
    expect(formatBearing(359.97)).toBe('000.0°');
    expect(formatMils(840)).toBe('0840 mils');
    expect(formatMils(degreesToMils(270))).toBe('4800 mils');
  });
});
