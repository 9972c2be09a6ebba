import { describe, expect, it } from 'vitest';
import type { Fix } from '../../shared/units.js';
import { extendTrack, trackToFeatureCollection } from './track.js';

const t0 = 1_800_000_000_000;
const fix = (seconds: number, lon: number, extra: Partial<Fix> = {}): Fix => ({ time: t0 + seconds * 1000, lat: 4.85, lon, ...extra });

describe('extendTrack', () => {
  it('appends a newer live fix and drops what has left the window', () => {
    const track = [fix(0, 31.6), fix(60, 31.601)];
    expect(extendTrack(track, fix(120, 31.602), t0 + 30_000).map((f) => f.time)).toEqual([t0 + 60_000, t0 + 120_000]);
  });
  it('returns the same array when nothing changed', () => {
    const track = [fix(0, 31.6), fix(60, 31.601)];
    expect(extendTrack(track, fix(60, 31.601), t0)).toBe(track);
    expect(extendTrack(track, fix(30, 31.7), t0)).toBe(track);
    expect(extendTrack(track, null, t0)).toBe(track);
  });
});

describe('trackToFeatureCollection', () => {
  it('cuts the line around a fix flagged as implausible', () => {
    const fixes = [fix(0, 31.6), fix(60, 31.601), fix(120, 31.602, { implausible: true }), fix(180, 31.603), fix(240, 31.604)];
    const fc = trackToFeatureCollection('u1', '#fff', fixes);
    expect(fc.features[0]?.geometry.coordinates.map((line) => line.length)).toEqual([2, 2]);
  });
  it('is empty with fewer than two fixes', () => {
    expect(trackToFeatureCollection('u1', '#fff', [fix(0, 31.6)]).features).toEqual([]);
  });
});
