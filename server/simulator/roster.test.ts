import distance from '@turf/distance';
import { point } from '@turf/helpers';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { PositionReport } from '../../shared/positions.js';
import type { MissionPack } from '../../shared/sites.js';
import { ManualClock } from '../clock.js';
import { loadMissionPack } from '../pack.js';
import { Route } from './motion.js';
import { buildRoster } from './roster.js';
import { Simulator } from './simulator.js';

let pack: MissionPack;
beforeAll(async () => {
  pack = await loadMissionPack();
});

describe('simulated roster', () => {
  it('spreads at least 40 patrols over all eleven field offices', () => {
    const roster = buildRoster(pack, 1, 48);
    expect(roster).toHaveLength(48);
    expect(new Set(roster.map((u) => u.registration.fieldOffice)).size).toBe(11);
    expect(new Set(roster.map((u) => u.registration.id)).size).toBe(48);
    const types = roster.map((u) => u.registration.type);
    expect(types.filter((t) => t === 'static-post')).toHaveLength(11);
    expect(types.filter((t) => t === 'ipo-foot')).toHaveLength(11);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(buildRoster(pack, 7, 48)).toEqual(buildRoster(pack, 7, 48));
    expect(buildRoster(pack, 8, 48)).not.toEqual(buildRoster(pack, 7, 48));
  });

  it('walks foot patrols inside their POC site at walking pace', () => {
    const malakalPoc = pack.pocSites.features.find((f) => f.properties.fieldOffice === 'malakal');
    const foot = buildRoster(pack, 3, 48).find((u) => u.registration.id === 'sim-malakal-ipo-2');
    expect(malakalPoc && foot).toBeTruthy();
    if (!malakalPoc || !foot) return;
    expect(foot.speedMps).toBeGreaterThanOrEqual(1);
    expect(foot.speedMps).toBeLessThanOrEqual(1.5);
    const route = new Route(foot.route);
    for (let m = 0; m < route.lengthM; m += 50) {
      const p = route.at(m);
      expect(distance(point([p.lon, p.lat]), point(malakalPoc.geometry.coordinates), { units: 'meters' })).toBeLessThanOrEqual(
        malakalPoc.properties.radiusM,
      );
    }
  });

  it('drives vehicle patrols at road speeds on loops that return to base', () => {
    const vehicles = buildRoster(pack, 5, 48).filter((u) => u.registration.type === 'fpu-vehicle');
    for (const v of vehicles) {
      expect(v.speedMps * 3.6).toBeGreaterThanOrEqual(30);
      expect(v.speedMps * 3.6).toBeLessThanOrEqual(55);
      expect(v.route[0]).toEqual(v.route[v.route.length - 1]);
    }
  });
});

describe('simulated reports', () => {
  it('are valid position reports that depend only on the time', () => {
    const clock = new ManualClock(Date.parse('2026-11-21T06:00:00Z'));
    const sim = new Simulator({ baseUrl: 'http://127.0.0.1:1', pack, seed: 11, units: 48, clock, logger: pino({ level: 'silent' }) });
    const unit = sim.roster.find((u) => u.registration.type === 'fpu-vehicle');
    if (!unit) throw new Error('no vehicle patrol');
    const route = new Route(unit.route);
    const t = clock.now();
    const a = PositionReport.parse(sim.reportAt(unit, route, t));
    const b = PositionReport.parse(sim.reportAt(unit, route, t));
    expect(a).toEqual(b);
    const later = PositionReport.parse(sim.reportAt(unit, route, t + 60_000));
    const moved = distance(point([a.lon, a.lat]), point([later.lon, later.lat]), { units: 'meters' });
    // A minute at road speed, less any corner cut on the loop.
    expect(moved).toBeGreaterThan(unit.speedMps * 60 * 0.5);
    expect(moved).toBeLessThanOrEqual(unit.speedMps * 60 + 1);
  });
});
