import type { Logger } from 'pino';
import type { PositionBatchInput, PositionReportInput } from '../../shared/positions.js';
import type { MissionPack } from '../../shared/sites.js';
import type { UnitRegistration } from '../../shared/units.js';
import type { Clock } from '../clock.js';
import { Route } from './motion.js';
import { buildRoster, type SimulatedUnit } from './roster.js';

export interface SimulatorOptions {
  baseUrl: string;
  pack: MissionPack;
  seed: number;
  units: number;
  clock: Clock;
  logger: Logger;
}

/** What the simulator needs from the server before it reports: its units on the roster, a token each. */
export type ProvisionDevices = (roster: readonly UnitRegistration[]) => Promise<ReadonlyMap<string, string>>;

interface Running {
  unit: SimulatedUnit;
  route: Route;
  nextDue: number;
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/**
 * Simulated patrols that report like real trackers: over HTTP, one request per fix, through
 * the same ingest path a device uses. Where each unit is depends only on the seed and the time.
 */
export class Simulator {
  private readonly running: Running[];
  private timer: NodeJS.Timeout | undefined;
  private tokens: ReadonlyMap<string, string> = new Map();
  private inFlight = 0;
  private lastWarning = 0;

  constructor(private readonly options: SimulatorOptions) {
    const now = options.clock.now();
    this.running = buildRoster(options.pack, options.seed, options.units).map((unit, i) => ({
      unit,
      route: new Route(unit.route),
      // Spread the first reports over one interval so they do not all arrive at once.
      nextDue: now + ((i * 997) % unit.reportEveryMs),
    }));
  }

  get roster(): SimulatedUnit[] {
    return this.running.map((r) => r.unit);
  }

  /** Where a unit is at `time`, as its tracker would report it. */
  reportAt(unit: SimulatedUnit, route: Route, time: number): PositionReportInput {
    const travelled = unit.speedMps * (time / 1000) + unit.phase * route.lengthM;
    const p = route.at(travelled);
    return {
      unitId: unit.registration.id,
      time,
      lat: round(p.lat, 6),
      lon: round(p.lon, 6),
      speed: round(unit.speedMps, 2),
      heading: round(p.heading, 1),
      accuracy: unit.accuracyM,
      activity: unit.activity,
      battery: Math.max(5, 100 - Math.floor(((time / 60_000) % 1440) / 18)),
    };
  }

  /**
   * Has the roster registered and a device token issued for each unit (as an administrator would
   * for real trackers), then reports every unit on its own interval with its own token.
   */
  async start(provision: ProvisionDevices): Promise<void> {
    this.tokens = await provision(this.running.map((r) => r.unit.registration));
    // First positions at once, so a new dashboard has every patrol on the map.
    await this.reportDue(true);
    this.timer = setInterval(() => void this.reportDue(false), 1000);
    this.timer.unref();
    this.options.logger.info({ units: this.running.length }, 'simulator reporting');
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async reportDue(all: boolean): Promise<void> {
    // A server that falls behind is not flooded further.
    if (this.inFlight > 200) return;
    const now = this.options.clock.now();
    const sends: Promise<void>[] = [];
    for (const r of this.running) {
      if (!all && now < r.nextDue) continue;
      r.nextDue = now + r.unit.reportEveryMs;
      const batch: PositionBatchInput = { reports: [this.reportAt(r.unit, r.route, now)] };
      const token = this.tokens.get(r.unit.registration.id) ?? '';
      sends.push(this.post('/api/positions', batch, token).catch((err: unknown) => this.warn(err)));
    }
    await Promise.all(sends);
  }

  private async post(path: string, body: unknown, token: string): Promise<void> {
    this.inFlight += 1;
    try {
      const res = await fetch(new URL(path, this.options.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
      await res.body?.cancel();
    } finally {
      this.inFlight -= 1;
    }
  }

  private warn(err: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < 60_000) return;
    this.lastWarning = now;
    this.options.logger.warn({ err }, 'simulator could not report a position');
  }
}
