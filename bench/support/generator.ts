import type { PositionReportInput } from '../../shared/positions.js';
import type { PatrolTraffic } from './traffic.js';

export interface GeneratorCounters {
  batches: number;
  /** reports sent (stamped and posted) */
  sent: number;
  /** reports in batches the server accepted */
  reports: number;
  failed: number;
  /** batches not sent because too many were still waiting for an answer */
  skipped: number;
  lastError: string | null;
}

/**
 * The load generator: every unit reports once per period at its own moment, and the reports
 * due in each slice of `batchMs` go out as one batch (as a gateway forwards its trackers). Each
 * report is stamped with the time it is sent, so a screen can tell how long it took to arrive.
 */
export class ReportGenerator {
  private timer: NodeJS.Timeout | undefined;
  private readonly slots: number[][];
  private readonly inFlight = new Set<Promise<void>>();
  private started = 0;
  private k = 0;
  counters: GeneratorCounters = { batches: 0, sent: 0, reports: 0, failed: 0, skipped: 0, lastError: null };

  constructor(
    private readonly traffic: PatrolTraffic,
    private readonly post: (reports: PositionReportInput[]) => Promise<void>,
    private readonly options: { periodMs: number; batchMs: number; maxInFlight: number },
  ) {
    const slots = Math.round(options.periodMs / options.batchMs);
    this.slots = Array.from({ length: slots }, (_, s) => traffic.dueBetween(s * options.batchMs, (s + 1) * options.batchMs, options.periodMs));
  }

  start(): void {
    this.started = performance.now();
    this.k = 0;
    this.step();
  }

  resetCounters(): void {
    this.counters = { batches: 0, sent: 0, reports: 0, failed: 0, skipped: 0, lastError: null };
  }

  private step(): void {
    const slot = this.slots[this.k % this.slots.length] ?? [];
    this.k += 1;
    if (slot.length > 0) {
      if (this.inFlight.size >= this.options.maxInFlight) {
        this.counters.skipped += 1;
      } else {
        const now = Date.now();
        const reports = slot.map((i) => this.traffic.reportAt(i, now));
        this.counters.sent += reports.length;
        const sent: Promise<void> = this.post(reports)
          .then(() => {
            this.counters.batches += 1;
            this.counters.reports += reports.length;
          })
          .catch((err: unknown) => {
            this.counters.failed += 1;
            this.counters.lastError = err instanceof Error ? err.message : String(err);
          })
          .finally(() => this.inFlight.delete(sent));
        this.inFlight.add(sent);
      }
    }
    // Against the start, not the last step: a late timer does not shift every later batch.
    const next = this.started + this.k * this.options.batchMs;
    this.timer = setTimeout(() => this.step(), Math.max(0, next - performance.now()));
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.inFlight]);
  }
}
