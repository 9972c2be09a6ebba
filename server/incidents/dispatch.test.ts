import { describe, expect, it } from 'vitest';
import type { Unit, UnitType } from '../../shared/units.js';
import { rankPatrols } from './dispatch.js';

const now = 1_800_000_000_000;
const unit = (id: string, type: UnitType, lat: number, lon: number, over: Partial<Unit> = {}): Unit => ({
  id,
  callsign: id.toUpperCase(),
  type,
  fieldOffice: 'torit',
  activity: 'on-patrol',
  status: 'live',
  last: { time: now, lat, lon },
  ...over,
});
const scene = { lat: 4.43, lon: 32.59 };

describe('rankPatrols', () => {
  it('puts the nearest first, even when a vehicle further off would arrive sooner', () => {
    const ranked = rankPatrols([unit('far-car', 'fpu-vehicle', 4.4, 32.5), unit('near-foot', 'ipo-foot', 4.44, 32.6), unit('car', 'fpu-vehicle', 4.45, 32.6)], scene);
    expect(ranked.map((c) => c.unitId)).toEqual(['near-foot', 'car', 'far-car']);
    // 1.6 km × 1.3 at 4 km/h, against 10 km × 1.3 at 35 km/h.
    expect(ranked[0]?.etaMinutes).toBe(31);
    expect(ranked[2]?.etaMinutes).toBe(23);
  });

  it('leaves out patrols that cannot be sent: lost, silent, busy, in SOS or static', () => {
    const ranked = rankPatrols(
      [
        unit('lost', 'fpu-vehicle', 4.43, 32.59, { status: 'lost' }),
        unit('silent', 'fpu-vehicle', 4.43, 32.59, { last: null }),
        unit('busy', 'fpu-vehicle', 4.43, 32.59, { activity: 'responding' }),
        unit('sos', 'fpu-vehicle', 4.43, 32.59, { activity: 'sos' }),
        unit('post', 'static-post', 4.43, 32.59),
        unit('at-base', 'joint-patrol', 4.41, 32.575, { activity: 'at-base' }),
      ],
      scene,
    );
    expect(ranked.map((c) => c.unitId)).toEqual(['at-base']);
  });
});
