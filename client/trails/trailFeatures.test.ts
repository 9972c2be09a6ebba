import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/units.js';
import { UNIT_TYPE_COLOURS } from '../map/palette.js';
import { splitAtJumps } from './segments.js';
import type { TrailPoint } from './trailBook.js';
import { trailsToFeatureCollection } from './trailFeatures.js';

const now = 1_800_000_000_000;
const min = 60_000;
const options = { now, windowMs: 30 * min, bands: 3 };

const unit = (id: string, type: Unit['type']): Unit => ({
  id,
  callsign: id,
  type,
  fieldOffice: 'juba',
  activity: 'on-patrol',
  status: 'live',
  last: null,
});

/** A patrol driving east at about 10 m/s, one point a minute. */
const driving = (fromMinAgo: number, toMinAgo: number): TrailPoint[] => {
  const points: TrailPoint[] = [];
  for (let m = fromMinAgo; m >= toMinAgo; m--) points.push([now - m * min, 31.6 + (fromMinAgo - m) * 0.0054, 4.85]);
  return points;
};

describe('splitAtJumps', () => {
  it('keeps a drivable path whole', () => {
    expect(splitAtJumps(driving(10, 0))).toHaveLength(1);
  });
  it('leaves a fix reached at an impossible speed on its own', () => {
    const path = driving(3, 0);
    const bogus: TrailPoint = [now - 2.5 * min, 33.5, 8.0];
    const pieces = splitAtJumps([path[0], bogus, ...path.slice(1)] as TrailPoint[]);
    expect(pieces.map((p) => p.length)).toEqual([1, 1, 3]);
  });
  it('breaks where the caller says', () => {
    expect(splitAtJumps(driving(3, 0), (i) => i === 2).map((p) => p.length)).toEqual([2, 2]);
  });
});

describe('trailsToFeatureCollection', () => {
  it('colours each trail by unit type and fades it in age bands, oldest drawn first', () => {
    const units = new Map([['v1', unit('v1', 'fpu-vehicle')]]);
    const fc = trailsToFeatureCollection([['v1', driving(29, 0)]], units, options);
    expect(fc.features.map((f) => f.properties.age)).toEqual([2, 1, 0]);
    for (const f of fc.features) expect(f.properties.color).toBe(UNIT_TYPE_COLOURS['fpu-vehicle']);
    // The bands join up: each starts where the older one ended.
    const [oldest, middle] = fc.features;
    expect(middle?.geometry.coordinates[0]?.[0]).toEqual(oldest?.geometry.coordinates.at(-1)?.at(-1));
  });

  it('draws nothing for a single point, an unknown unit, or an isolated bad fix', () => {
    const units = new Map([['v1', unit('v1', 'ipo-foot')]]);
    const fc = trailsToFeatureCollection(
      [
        ['v1', [[now, 31.6, 4.85]]],
        ['ghost', driving(5, 0)],
      ],
      units,
      options,
    );
    expect(fc.features).toEqual([]);
  });
});
