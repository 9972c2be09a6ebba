import { AuditEntry } from '../../shared/auth.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/open.js';

export type AuditOutcome = AuditEntry['outcome'];

export interface AuditRecord {
  actor: string;
  action: string;
  target?: string | null;
  outcome?: AuditOutcome;
  details?: Record<string, unknown>;
}

/** The append-only record of who did what: logins, changes, acknowledgements, administration. */
export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async record(entry: AuditRecord): Promise<void> {
    await this.db
      .insertInto('audit')
      .values({
        time: this.clock.now(),
        actor: entry.actor,
        action: entry.action,
        target: entry.target ?? null,
        outcome: entry.outcome ?? 'ok',
        details: entry.details ? JSON.stringify(entry.details) : null,
      })
      .execute();
  }

  /** Newest first; `before` pages back through older entries. */
  async list(options: { limit: number; before?: number | undefined; action?: string | undefined }): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit').selectAll().orderBy('seq', 'desc').limit(options.limit);
    if (options.before !== undefined) query = query.where('seq', '<', options.before);
    if (options.action) query = query.where('action', '=', options.action);
    const rows = await query.execute();
    return rows.map((r) =>
      AuditEntry.parse({
        seq: Number(r.seq),
        time: Number(r.time),
        actor: r.actor,
        action: r.action,
        target: r.target,
        outcome: r.outcome,
        details: r.details ? (JSON.parse(r.details) as unknown) : null,
      }),
    );
  }
}

/** The audit log as CSV for a briefing or an inquiry, one entry a line. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    // A leading = + - @ would be a formula in a spreadsheet.
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = ['seq,time_utc,actor,action,target,outcome,details'];
  for (const e of entries) {
    lines.push([e.seq, new Date(e.time).toISOString(), e.actor, e.action, e.target, e.outcome, e.details].map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
