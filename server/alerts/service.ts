import { randomUUID } from 'node:crypto';
import { Alert, AlertKind, AlertWords, type AlertWordsOf } from '../../shared/alerts.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/open.js';
import type { AlertsTable } from '../db/schema.js';

/**
 * An alert's stored words, read back: words that do not parse, or belong to another kind of
 * alert, are null (the screens fall back to the English title), never an error.
 */
function wordsFromText(text: string | null, kind: string): AlertWords | null {
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const words = AlertWords.safeParse(raw);
  return words.success && words.data.kind === kind ? words.data : null;
}

const alertFromRow = (r: AlertsTable): Alert =>
  Alert.parse({
    id: r.id,
    kind: r.kind,
    severity: r.severity,
    title: r.title,
    unitId: r.unit_id,
    incidentId: r.incident_id,
    raisedAt: Number(r.raised_at),
    acknowledgedAt: r.acknowledged_at === null ? null : Number(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by,
    resolvedAt: r.resolved_at === null ? null : Number(r.resolved_at),
    escalatedAt: r.escalated_at === null ? null : Number(r.escalated_at),
    words: wordsFromText(r.words, r.kind),
  });

export class AlertNotFound extends Error {}

type Listener = (event: 'alert:raised' | 'alert:updated', alert: Alert) => void;

/**
 * The shared alert queue. An alert is committed before any screen hears of it; at most one is
 * open per cause (kind and unit), so a flapping tracker does not flood the desks.
 */
export class AlertService {
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Raises an alert unless one for the same cause is still unresolved; returns it either way.
   * A notice (`notice: true`) is born resolved: it informs, it waits for no cause to go.
   */
  async raise<K extends AlertKind>(input: {
    kind: K;
    severity: number;
    /** in English, as exports and the audit give it */
    title: string;
    /** the title's facts, for the screens to word in their own language */
    words: AlertWordsOf<K>;
    unitId: string | null;
    incidentId?: string | null;
    notice?: boolean;
  }): Promise<Alert> {
    const incidentId = input.incidentId ?? null;
    // A unit's alert is one per unit whatever incident it opened; an incident's, one per incident.
    const open = await this.openFor(input.kind, input.unitId, input.unitId === null ? incidentId : undefined);
    if (open) return open;
    const now = this.clock.now();
    const row: AlertsTable = {
      id: randomUUID(),
      kind: input.kind,
      severity: input.severity,
      title: input.title,
      unit_id: input.unitId,
      incident_id: incidentId,
      raised_at: now,
      acknowledged_at: null,
      acknowledged_by: null,
      resolved_at: input.notice ? now : null,
      escalated_at: null,
      words: JSON.stringify(AlertWords.parse(input.words)),
    };
    await this.db.insertInto('alerts').values(row).execute();
    const alert = alertFromRow(row);
    this.emit('alert:raised', alert);
    return alert;
  }

  /** The cause has gone: the alert stays for the record (and for acknowledgement) but is resolved. */
  /** Resolves the open alert of this kind for the unit (whatever incident it names) or for the incident. */
  async resolve(kind: AlertKind, unitId: string | null, incidentId?: string | null): Promise<void> {
    const open = await this.openFor(kind, unitId, incidentId);
    if (!open) return;
    await this.db.updateTable('alerts').set({ resolved_at: this.clock.now() }).where('id', '=', open.id).execute();
    const updated = await this.get(open.id);
    if (updated) this.emit('alert:updated', updated);
  }

  async acknowledge(id: string, by: string): Promise<Alert> {
    const result = await this.db
      .updateTable('alerts')
      .set({ acknowledged_at: this.clock.now(), acknowledged_by: by })
      .where('id', '=', id)
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    const alert = await this.get(id);
    if (!alert) throw new AlertNotFound(`no alert with id ${id}`);
    if (Number(result.numUpdatedRows) > 0) this.emit('alert:updated', alert);
    return alert;
  }

  /**
   * Escalates every alert still unacknowledged past its deadline (by severity, in ms; a
   * severity without a deadline never escalates) whose cause is still there: each is marked
   * once and sent to every screen again. Notices (born resolved) never escalate. Returns the
   * alerts escalated.
   */
  async escalateOverdue(deadlineMs: (severity: number) => number | null): Promise<Alert[]> {
    const now = this.clock.now();
    const rows = await this.db
      .selectFrom('alerts')
      .selectAll()
      .where('acknowledged_at', 'is', null)
      .where('escalated_at', 'is', null)
      .where('resolved_at', 'is', null)
      .orderBy('raised_at')
      .limit(500)
      .execute();
    const escalated: Alert[] = [];
    for (const row of rows) {
      const deadline = deadlineMs(row.severity);
      if (deadline === null || now - Number(row.raised_at) < deadline) continue;
      const result = await this.db
        .updateTable('alerts')
        .set({ escalated_at: now })
        .where('id', '=', row.id)
        .where('escalated_at', 'is', null)
        .where('acknowledged_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) continue;
      const alert = alertFromRow({ ...row, escalated_at: now });
      escalated.push(alert);
      this.emit('alert:updated', alert);
    }
    return escalated;
  }

  async get(id: string): Promise<Alert | null> {
    const row = await this.db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? alertFromRow(row) : null;
  }

  /** Every alert not yet acknowledged, and those of the last `hours`, newest first. */
  async list(hours = 24): Promise<Alert[]> {
    const since = this.clock.now() - hours * 3600_000;
    const rows = await this.db
      .selectFrom('alerts')
      .selectAll()
      .where((eb) => eb.or([eb('acknowledged_at', 'is', null), eb('raised_at', '>=', since)]))
      .orderBy('raised_at', 'desc')
      .limit(2000)
      .execute();
    return rows.map(alertFromRow);
  }

  /** Every unresolved alert of these kinds. */
  async openOfKinds(kinds: readonly AlertKind[]): Promise<Alert[]> {
    if (kinds.length === 0) return [];
    const rows = await this.db.selectFrom('alerts').selectAll().where('kind', 'in', [...kinds]).where('resolved_at', 'is', null).limit(5000).execute();
    return rows.map(alertFromRow);
  }

  /** Whether an alert of this kind is still open for the unit. */
  async isOpen(kind: AlertKind, unitId: string): Promise<boolean> {
    return (await this.openFor(kind, unitId)) !== null;
  }

  /** Whether an alert of this kind was raised for the unit at or after `since` (resolved or not). */
  async raisedSince(kind: AlertKind, unitId: string, since: number): Promise<boolean> {
    const row = await this.db.selectFrom('alerts').select('id').where('kind', '=', kind).where('unit_id', '=', unitId).where('raised_at', '>=', since).executeTakeFirst();
    return row !== undefined;
  }

  /** The open alert for a cause; `incidentId` left out matches any incident. */
  private async openFor(kind: AlertKind, unitId: string | null, incidentId?: string | null): Promise<Alert | null> {
    let query = this.db.selectFrom('alerts').selectAll().where('kind', '=', kind).where('resolved_at', 'is', null);
    query = unitId === null ? query.where('unit_id', 'is', null) : query.where('unit_id', '=', unitId);
    if (incidentId !== undefined) query = incidentId === null ? query.where('incident_id', 'is', null) : query.where('incident_id', '=', incidentId);
    const row = await query.orderBy('raised_at', 'desc').executeTakeFirst();
    return row ? alertFromRow(row) : null;
  }

  private emit(event: 'alert:raised' | 'alert:updated', alert: Alert): void {
    for (const listener of this.listeners) listener(event, alert);
  }
}
