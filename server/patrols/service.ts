import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import {
  DEFAULT_OFFICE_RETURN_RADIUS_M,
  isLivePatrol,
  LIVE_PATROL_STATUSES,
  PatrolOrder,
  PatrolStatus,
  type NewPatrolOrder,
  type ReturnPoint,
} from '../../shared/patrols.js';
import type { FieldIssue } from '../../shared/reply.js';
import type { FieldOfficeFeature } from '../../shared/sites.js';
import type { Unit } from '../../shared/units.js';
import type { AlertService } from '../alerts/service.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/open.js';
import type { PatrolCheckpointsTable, PatrolOrdersTable } from '../db/schema.js';
import { alertActions, jubaHoursMinutes, overdueTitle, overdueWords, PATROL_OVERDUE_SEVERITY } from './patrol-alerts.js';
import { changeOf } from './progress.js';

export class PatrolNotFound extends Error {}
/** The order cannot be made or changed as things stand (an overlapping order, an order already over). */
export class PatrolConflict extends Error {}
/** The order names something the server cannot accept; `issues` say which fields. */
export class PatrolRefused extends Error {
  constructor(
    message: string,
    readonly issues: FieldIssue[],
  ) {
    super(message);
  }
}

/** The units on the roster, as the tracker knows them. */
export interface Roster {
  unit(unitId: string): Unit | undefined;
}

type Listener = (order: PatrolOrder) => void;

// PostgreSQL hands bigint columns back as strings; SQLite as numbers.
const num = (v: number | string | bigint): number => Number(v);
const numOrNull = (v: number | string | bigint | null): number | null => (v === null ? null : Number(v));

function orderFromRows(r: PatrolOrdersTable, checkpoints: readonly PatrolCheckpointsTable[]): PatrolOrder {
  return PatrolOrder.parse({
    id: r.id,
    unitId: r.unit_id,
    title: r.title,
    startsAt: num(r.starts_at),
    endsAt: num(r.ends_at),
    checkpoints: [...checkpoints]
      .sort((a, b) => a.idx - b.idx)
      .map((c) => ({
        idx: c.idx,
        name: c.name,
        lat: c.lat,
        lon: c.lon,
        radiusM: c.radius_m,
        dueAt: numOrNull(c.due_at),
        reachedAt: numOrNull(c.reached_at),
        missedAt: numOrNull(c.missed_at),
      })),
    returnTo: { name: r.return_name, lat: r.return_lat, lon: r.return_lon, radiusM: r.return_radius_m },
    status: PatrolStatus.parse(r.status),
    createdBy: r.created_by,
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
    overdueAt: numOrNull(r.overdue_at),
    completedAt: numOrNull(r.completed_at),
    cancelledAt: numOrNull(r.cancelled_at),
    cancelledBy: r.cancelled_by,
  });
}

/**
 * Patrol orders: made and cancelled by the desk, moved on by the PatrolWatcher. Orders still
 * followed (planned, active, overdue) are kept in memory so a position report costs no query.
 * Every change is committed, then its alerts raised or resolved, and only then are screens told.
 * Changes run one at a time (`exclusive`), so a report and a cancellation never cross.
 */
export class PatrolOrderService {
  private readonly live = new Map<string, PatrolOrder>();
  private readonly listeners = new Set<Listener>();
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly alerts: AlertService,
    private readonly roster: Roster,
    private readonly offices: readonly FieldOfficeFeature[],
    private readonly logger: Logger,
  ) {}

  /** Reads the orders still followed (after a restart). */
  async load(): Promise<void> {
    const rows = await this.db.selectFrom('patrol_orders').selectAll().where('status', 'in', [...LIVE_PATROL_STATUSES]).execute();
    for (const order of await this.withCheckpoints(rows)) this.live.set(order.id, order);
  }

  /**
   * Re-reads one order after another server node changed it, so this node's copy of the orders
   * still followed stays current. Screens are not told again: the node that made the change did.
   */
  refresh(id: string): Promise<void> {
    return this.exclusive(async () => {
      const order = await this.get(id);
      if (order && isLivePatrol(order)) this.live.set(id, order);
      else this.live.delete(id);
    });
  }

  /** Told of every committed change: a new order, a cancellation, progress. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `work` after every change already queued, and before any queued after it. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** The orders still followed, as they stand. */
  liveOrders(): PatrolOrder[] {
    return [...this.live.values()];
  }

  liveOrdersOf(unitId: string): PatrolOrder[] {
    return this.liveOrders().filter((o) => o.unitId === unitId);
  }

  /** The current state of a followed order. */
  liveOrder(id: string): PatrolOrder | undefined {
    return this.live.get(id);
  }

  async create(input: NewPatrolOrder, actor: string): Promise<PatrolOrder> {
    return this.exclusive(async () => {
      const now = this.clock.now();
      const unit = this.roster.unit(input.unitId);
      const issues: FieldIssue[] = [];
      if (!unit) issues.push({ path: 'unitId', message: `unknown unit "${input.unitId}": it is not on the roster` });
      if (input.endsAt <= now) issues.push({ path: 'endsAt', message: 'the return-by time has already passed' });
      input.checkpoints.forEach((c, i) => {
        if (c.dueAt !== undefined && c.dueAt <= now) issues.push({ path: `checkpoints[${i}].dueAt`, message: 'this due time has already passed' });
      });
      const returnTo = input.returnTo ?? (unit ? this.officeOf(unit) : null);
      if (unit && !returnTo) {
        issues.push({ path: 'returnTo', message: `no location is known for the ${unit.fieldOffice} field office: give a return point` });
      }
      if (issues.length > 0 || !unit || !returnTo) throw new PatrolRefused('the patrol order cannot be accepted', issues);

      const clash = this.liveOrdersOf(unit.id).find((o) => o.startsAt < input.endsAt && input.startsAt < o.endsAt);
      if (clash) {
        throw new PatrolConflict(
          `${unit.callsign} already has the patrol order "${clash.title}" from ${jubaHoursMinutes(clash.startsAt)} to ${jubaHoursMinutes(clash.endsAt)} Juba; cancel it or choose a window that does not overlap`,
        );
      }

      const order: PatrolOrder = {
        id: randomUUID(),
        unitId: unit.id,
        title: input.title,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        checkpoints: input.checkpoints.map((c, idx) => ({
          idx,
          name: c.name,
          lat: c.lat,
          lon: c.lon,
          radiusM: c.radiusM,
          dueAt: c.dueAt ?? null,
          reachedAt: null,
          missedAt: null,
        })),
        returnTo,
        // A window that has already begun is followed from its start at once.
        status: input.startsAt <= now ? 'active' : 'planned',
        createdBy: actor,
        createdAt: now,
        updatedAt: now,
        overdueAt: null,
        completedAt: null,
        cancelledAt: null,
        cancelledBy: null,
      };
      await this.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('patrol_orders')
          .values({
            id: order.id,
            unit_id: order.unitId,
            title: order.title,
            starts_at: order.startsAt,
            ends_at: order.endsAt,
            return_name: returnTo.name,
            return_lat: returnTo.lat,
            return_lon: returnTo.lon,
            return_radius_m: returnTo.radiusM,
            status: order.status,
            created_by: actor,
            created_at: now,
            updated_at: now,
            overdue_at: null,
            completed_at: null,
            cancelled_at: null,
            cancelled_by: null,
          })
          .execute();
        await trx
          .insertInto('patrol_checkpoints')
          .values(
            order.checkpoints.map((c) => ({
              order_id: order.id,
              idx: c.idx,
              name: c.name,
              lat: c.lat,
              lon: c.lon,
              radius_m: c.radiusM,
              due_at: c.dueAt,
              reached_at: null,
              missed_at: null,
            })),
          )
          .execute();
      });
      this.live.set(order.id, order);
      this.emit(order);
      return order;
    });
  }

  /**
   * Cancels an order not yet over; its open alerts are resolved. Cancelling one already
   * cancelled changes nothing (a retry over a poor link is harmless): `changed` says which.
   */
  async cancel(id: string, actor: string): Promise<{ order: PatrolOrder; changed: boolean }> {
    return this.exclusive(async () => {
      const before = this.live.get(id) ?? (await this.get(id));
      if (!before) throw new PatrolNotFound(`no patrol order with id ${id}`);
      if (before.status === 'cancelled') return { order: before, changed: false };
      if (before.status === 'completed') throw new PatrolConflict(`the patrol order "${before.title}" is already completed`);
      const now = this.clock.now();
      const after: PatrolOrder = { ...before, status: 'cancelled', cancelledAt: now, cancelledBy: actor, updatedAt: now };
      await this.apply(before, after);
      return { order: after, changed: true };
    });
  }

  /**
   * Commits a new state of a followed order, raises and resolves its alerts, then tells every
   * screen. Call it inside `exclusive`.
   */
  async apply(before: PatrolOrder, after: PatrolOrder): Promise<void> {
    const changedCheckpoints = after.checkpoints.filter((c) => {
      const was = before.checkpoints.find((b) => b.idx === c.idx);
      return was?.reachedAt !== c.reachedAt || was.missedAt !== c.missedAt;
    });
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('patrol_orders')
        .set({
          status: after.status,
          updated_at: after.updatedAt,
          overdue_at: after.overdueAt,
          completed_at: after.completedAt,
          cancelled_at: after.cancelledAt,
          cancelled_by: after.cancelledBy,
        })
        .where('id', '=', after.id)
        .execute();
      for (const c of changedCheckpoints) {
        await trx
          .updateTable('patrol_checkpoints')
          .set({ reached_at: c.reachedAt, missed_at: c.missedAt })
          .where('order_id', '=', after.id)
          .where('idx', '=', c.idx)
          .execute();
      }
    });
    if (isLivePatrol(after)) this.live.set(after.id, after);
    else this.live.delete(after.id);

    try {
      await this.raiseAlerts(before, after);
    } catch (err) {
      // The order's progress is committed and shown; the failure is for the log.
      this.logger.error({ err, orderId: after.id, unitId: after.unitId }, 'could not raise or resolve a patrol alert');
    }
    this.emit(after);
  }

  private async raiseAlerts(before: PatrolOrder, after: PatrolOrder): Promise<void> {
    const callsign = this.roster.unit(after.unitId)?.callsign ?? after.unitId;
    for (const action of alertActions(callsign, before, after, changeOf(before, after))) {
      if (action.do === 'resolve') {
        await this.alerts.resolve(action.kind, after.unitId);
        // Another order of the same unit may still be overdue: it keeps an alert of its own.
        const stillOverdue = action.kind === 'patrol-overdue' ? this.liveOrdersOf(after.unitId).find((o) => o.status === 'overdue') : undefined;
        if (stillOverdue) {
          await this.alerts.raise({ kind: 'patrol-overdue', severity: PATROL_OVERDUE_SEVERITY, title: overdueTitle(callsign, stillOverdue), words: overdueWords(callsign, stillOverdue), unitId: after.unitId, incidentId: null });
        }
      } else {
        await this.alerts.raise({ kind: action.kind, severity: action.severity, title: action.title, words: action.words, unitId: after.unitId, incidentId: null });
      }
    }
  }

  async get(id: string): Promise<PatrolOrder | null> {
    const row = await this.db.selectFrom('patrol_orders').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    return (await this.withCheckpoints([row]))[0] ?? null;
  }

  /** Orders still followed, and those that ended (or changed) in the last `hours`, latest start first. */
  async list(hours = 24): Promise<PatrolOrder[]> {
    const since = this.clock.now() - hours * 3600_000;
    const rows = await this.db
      .selectFrom('patrol_orders')
      .selectAll()
      .where((eb) => eb.or([eb('status', 'in', [...LIVE_PATROL_STATUSES]), eb('updated_at', '>=', since)]))
      .orderBy('starts_at', 'desc')
      .limit(500)
      .execute();
    return this.withCheckpoints(rows);
  }

  /** The unit's field office as its default return point. */
  private officeOf(unit: Unit): ReturnPoint | null {
    const office = this.offices.find((f) => f.properties.id === unit.fieldOffice);
    if (!office) return null;
    const [lon, lat] = office.geometry.coordinates;
    return { name: office.properties.name, lat, lon, radiusM: DEFAULT_OFFICE_RETURN_RADIUS_M };
  }

  private async withCheckpoints(rows: readonly PatrolOrdersTable[]): Promise<PatrolOrder[]> {
    if (rows.length === 0) return [];
    const checkpoints = await this.db
      .selectFrom('patrol_checkpoints')
      .selectAll()
      .where(
        'order_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    const byOrder = new Map<string, PatrolCheckpointsTable[]>();
    for (const c of checkpoints) {
      const list = byOrder.get(c.order_id) ?? [];
      list.push(c);
      byOrder.set(c.order_id, list);
    }
    return rows.map((r) => orderFromRows(r, byOrder.get(r.id) ?? []));
  }

  private emit(order: PatrolOrder): void {
    for (const listener of this.listeners) listener(order);
  }
}
