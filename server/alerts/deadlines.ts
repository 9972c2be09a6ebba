import type { Logger } from 'pino';
import { z } from 'zod';
import type { IncidentRecord } from '../../shared/incidents.js';
import type { Clock } from '../clock.js';
import type { IncidentService } from '../incidents/service.js';
import type { AlertService } from './service.js';

/** Minutes per severity (1 low … 4 critical); a severity left out has no deadline. */
const PerSeverity = z
  .object({
    1: z.number().positive().max(10_080),
    2: z.number().positive().max(10_080),
    3: z.number().positive().max(10_080),
    4: z.number().positive().max(10_080),
  })
  .partial()
  .strict();
export type PerSeverity = z.infer<typeof PerSeverity>;

/**
 * How long things may wait before the desks are told. The defaults follow the JOC's habit of
 * treating a critical report within minutes and a low one within the shift.
 */
export const DeadlinePolicy = z
  .object({
    /** a reported incident not yet verified (or dismissed) after this long */
    verifyMinutes: PerSeverity,
    /** an incident with no patrol assigned after this long */
    assignMinutes: PerSeverity,
    /** an alert nobody has acknowledged after this long is escalated */
    acknowledgeMinutes: PerSeverity,
  })
  .partial()
  .strict();
export type DeadlinePolicyInput = z.infer<typeof DeadlinePolicy>;
export type DeadlinePolicy = Required<DeadlinePolicyInput>;

export const DEFAULT_DEADLINES: DeadlinePolicy = {
  verifyMinutes: { 4: 10, 3: 30, 2: 120, 1: 480 },
  assignMinutes: { 4: 15, 3: 60, 2: 240 },
  acknowledgeMinutes: { 4: 2, 3: 5, 2: 15 },
};

/** The defaults with whatever the configuration changes laid over them, severity by severity. */
export function deadlinesFrom(given: DeadlinePolicyInput | undefined): DeadlinePolicy {
  return {
    verifyMinutes: { ...DEFAULT_DEADLINES.verifyMinutes, ...given?.verifyMinutes },
    assignMinutes: { ...DEFAULT_DEADLINES.assignMinutes, ...given?.assignMinutes },
    acknowledgeMinutes: { ...DEFAULT_DEADLINES.acknowledgeMinutes, ...given?.acknowledgeMinutes },
  };
}

const minutesOf = (table: PerSeverity, severity: number): number | null => {
  const key = Math.min(4, Math.max(1, Math.round(severity))) as 1 | 2 | 3 | 4;
  return table[key] ?? null;
};

const wait = (ms: number): string => {
  const minutes = Math.round(ms / 60_000);
  return minutes < 90 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
};

/**
 * Watches the deadlines of the early-warning chain: an incident still unverified, or with no
 * patrol sent, past its deadline raises an alert at the incident's severity (resolved when
 * someone acts); an alert still unacknowledged past its deadline is escalated, so every screen
 * sounds it again. Runs on a timer and after every incident change; `check()` is idempotent.
 */
export class DeadlineWatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;

  constructor(
    private readonly incidents: IncidentService,
    private readonly alerts: AlertService,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly policy: DeadlinePolicy = DEFAULT_DEADLINES,
  ) {}

  /** Checks on a timer; with several server nodes only the one `leading` does. */
  start(everyMs: number, leading: () => boolean = () => true): void {
    this.timer = setInterval(() => {
      if (leading()) void this.check();
    }, everyMs);
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** One pass over every deadline; a pass already under way is joined, not doubled. */
  check(): Promise<void> {
    this.running ??= this.pass()
      .catch((err: unknown) => this.logger.error({ err }, 'could not check deadlines'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Someone acted on the incident: the deadline alerts it no longer deserves are resolved at once. */
  async settle(record: IncidentRecord): Promise<void> {
    if (record.status !== 'reported') await this.alerts.resolve('incident-unverified', null, record.id);
    if (record.assignments.length > 0 || !['reported', 'verified'].includes(record.status)) {
      await this.alerts.resolve('incident-unassigned', null, record.id);
    }
  }

  private async pass(): Promise<void> {
    const now = this.clock.now();
    for (const record of await this.incidents.awaitingAction()) {
      const age = now - record.reportedAt;
      const verify = minutesOf(this.policy.verifyMinutes, record.severity);
      if (record.status === 'reported' && verify !== null && age >= verify * 60_000) {
        await this.alerts.raise({
          kind: 'incident-unverified',
          severity: record.severity,
          title: `Not verified after ${wait(age)}: ${record.title}`,
          words: { kind: 'incident-unverified', waitedMin: Math.round(age / 60_000), incidentTitle: record.title },
          unitId: null,
          incidentId: record.id,
        });
      }
      const assign = minutesOf(this.policy.assignMinutes, record.severity);
      if (record.assignments.length === 0 && assign !== null && age >= assign * 60_000) {
        await this.alerts.raise({
          kind: 'incident-unassigned',
          severity: record.severity,
          title: `No patrol sent after ${wait(age)}: ${record.title}`,
          words: { kind: 'incident-unassigned', waitedMin: Math.round(age / 60_000), incidentTitle: record.title },
          unitId: null,
          incidentId: record.id,
        });
      }
    }
    // Incidents acted on elsewhere (another node, a direct update) lose their deadline alerts here too.
    for (const alert of await this.alerts.openOfKinds(['incident-unverified', 'incident-unassigned'])) {
      if (alert.incidentId === null) continue;
      const record = await this.incidents.get(alert.incidentId);
      if (record) await this.settle(record);
      else await this.alerts.resolve(alert.kind, null, alert.incidentId);
    }
    await this.alerts.escalateOverdue((severity) => {
      const minutes = minutesOf(this.policy.acknowledgeMinutes, severity);
      return minutes === null ? null : minutes * 60_000;
    });
  }
}
