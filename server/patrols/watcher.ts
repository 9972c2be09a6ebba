import type { Logger } from 'pino';
import { isLivePatrol, type PatrolOrder } from '../../shared/patrols.js';
import type { Fix } from '../../shared/units.js';
import type { Clock } from '../clock.js';
import type { Tracker } from '../tracking/tracker.js';
import { advance } from './progress.js';
import type { PatrolOrderService } from './service.js';

/** Fixes read from history per query while catching up on a unit. */
const PAGE = 5_000;

/**
 * Follows patrols against their orders. Each new position of a unit under an order is checked
 * against its checkpoints and return point; every fix since the last one checked is read from
 * history, so a tracker that stored fixes while out of coverage and sent them in one batch is
 * followed as closely as one that reported live. A timer (`check`) moves orders on with the
 * clock: start, due times, the end of the window.
 */
export class PatrolWatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  /** per order, the time of the newest fix already checked against it */
  private readonly checkedUntil = new Map<string, number>();
  /** per unit, the pass already queued for its new fixes */
  private readonly queued = new Map<string, Promise<void>>();
  private readonly stop: () => void;

  constructor(
    private readonly orders: PatrolOrderService,
    private readonly tracker: Tracker,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** with several server nodes, only the leading one moves orders on */
    private readonly leading: () => boolean = () => true,
  ) {
    this.stop = tracker.onChange((ids) => {
      if (!this.leading()) return;
      for (const unitId of ids) if (this.orders.liveOrdersOf(unitId).length > 0) void this.follow(unitId);
    });
  }

  start(everyMs: number): void {
    this.timer ??= setInterval(() => {
      if (this.leading()) void this.check();
    }, everyMs);
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.stop();
  }

  /** One pass over every order still followed; a pass already under way is joined, not doubled. */
  check(): Promise<void> {
    this.running ??= this.orders
      .exclusive(async () => {
        const now = this.clock.now();
        for (const id of this.checkedUntil.keys()) if (!this.orders.liveOrder(id)) this.checkedUntil.delete(id);
        for (const { id } of this.orders.liveOrders()) {
          const order = this.orders.liveOrder(id);
          if (order) await this.evaluate(order, now);
        }
      })
      .catch((err: unknown) => this.logger.error({ err }, 'could not check patrol orders'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /**
   * Checks a unit's new fixes against its orders; reports that come in a burst share one pass.
   * Resolves once the pass has run.
   */
  follow(unitId: string): Promise<void> {
    const waiting = this.queued.get(unitId);
    if (waiting) return waiting;
    const pass = this.orders
      .exclusive(async () => {
        this.queued.delete(unitId);
        const now = this.clock.now();
        for (const order of this.orders.liveOrdersOf(unitId)) await this.evaluate(order, now);
      })
      .catch((err: unknown) => this.logger.error({ err, unitId }, 'could not follow a patrol against its order'));
    this.queued.set(unitId, pass);
    return pass;
  }

  private async evaluate(order: PatrolOrder, now: number): Promise<void> {
    const latest = this.tracker.unit(order.unitId)?.last ?? null;
    let fixes: Fix[] = [];
    const since = this.checkedUntil.get(order.id) ?? order.startsAt - 1;
    const fresh = now >= order.startsAt && latest !== null && latest.time > since;
    if (fresh) fixes = await this.fixesBetween(order.unitId, since + 1, latest.time);
    const next = advance(order, now, fixes, latest);
    if (next !== order) await this.orders.apply(order, next);
    // Only once committed: fixes whose progress could not be saved are read again next time.
    if (!isLivePatrol(next)) this.checkedUntil.delete(order.id);
    else if (fresh) this.checkedUntil.set(order.id, latest.time);
  }

  private async fixesBetween(unitId: string, from: number, to: number): Promise<Fix[]> {
    const all: Fix[] = [];
    let cursor = from;
    for (;;) {
      const page = await this.tracker.track(unitId, cursor, to, PAGE);
      all.push(...page);
      const last = page[page.length - 1];
      if (page.length < PAGE || !last) return all;
      cursor = last.time + 1;
    }
  }
}
