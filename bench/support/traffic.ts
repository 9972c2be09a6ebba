import { pino } from 'pino';
import type { PositionReportInput } from '../../shared/positions.js';
import type { MissionPack } from '../../shared/sites.js';
import type { UnitRegistration } from '../../shared/units.js';
import { systemClock } from '../../server/clock.js';
import { Route } from '../../server/simulator/motion.js';
import type { SimulatedUnit } from '../../server/simulator/roster.js';
import { Simulator } from '../../server/simulator/simulator.js';

/**
 * Seeded simulated patrols (the simulator's roster and routes) reporting at a fixed rate, each at
 * its own moment within the period, as many real trackers do. Nothing is sent from here: the
 * benchmark decides how the reports travel.
 */
export class PatrolTraffic {
  private readonly sim: Simulator;
  private readonly units: { unit: SimulatedUnit; route: Route }[];
  readonly roster: UnitRegistration[];

  constructor(pack: MissionPack, count: number, seed = 20_261_121) {
    // Built only for its roster and its reportAt: it is never started and sends nothing.
    this.sim = new Simulator({ baseUrl: 'http://127.0.0.1:1', pack, seed, units: count, clock: systemClock, logger: pino({ level: 'silent' }) });
    this.units = this.sim.roster.map((unit) => ({ unit, route: new Route(unit.route) }));
    this.roster = this.units.map((u) => u.unit.registration);
  }

  get size(): number {
    return this.units.length;
  }

  /** Where in each period (ms from its start) unit `index` reports. */
  offsetOf(index: number, periodMs: number): number {
    return (index * 997) % periodMs;
  }

  /** The indices of the units whose moment falls in [from, to) of the period, in ms from the period's start. */
  dueBetween(from: number, to: number, periodMs: number): number[] {
    const due: number[] = [];
    for (let i = 0; i < this.units.length; i += 1) {
      const offset = this.offsetOf(i, periodMs);
      if (offset >= from && offset < to) due.push(i);
    }
    return due;
  }

  /** Unit `index`'s report stamped `time`, where its route puts it then. */
  reportAt(index: number, time: number): PositionReportInput {
    const entry = this.units[index];
    if (!entry) throw new Error(`no simulated unit ${index}`);
    return this.sim.reportAt(entry.unit, entry.route, time);
  }
}
