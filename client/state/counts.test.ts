import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/units.js';
import { countUnits } from './counts.js';

const now = 1_800_000_000_000;
const u = (id: string, ageMs: number | null, activity: Unit['activity'] = 'on-patrol'): Unit => ({
  id,
  callsign: id,
  type: 'joint-patrol',
  fieldOffice: 'torit',
  activity,
  status: 'live',
  last: ageMs === null ? null : { time: now - ageMs, lat: 4.4, lon: 32.57 },
});

describe('countUnits', () => {
  it('counts by the status the screen shows', () => {
    const counts = countUnits([u('a', 1_000), u('b', 200_000), u('c', 2_000_000), u('d', null), u('e', 1_000, 'sos')], now, {
      'joint-patrol': { staleAfterMs: 180_000, lostAfterMs: 900_000 },
      'fpu-vehicle': { staleAfterMs: 120_000, lostAfterMs: 600_000 },
      'ipo-foot': { staleAfterMs: 300_000, lostAfterMs: 1_200_000 },
      'static-post': { staleAfterMs: 900_000, lostAfterMs: 3_600_000 },
    });
    expect(counts).toEqual({ total: 5, live: 2, stale: 1, lost: 1, unknown: 1, sos: 1 });
  });
});
