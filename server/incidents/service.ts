import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  IncidentCategory,
  IncidentEvent,
  IncidentStatus,
  isSensitive,
  Person,
  type Assignment,
  type IncidentChange,
  type IncidentRecord,
  type IncidentReport,
} from '../../shared/incidents.js';
import { FieldOfficeId, type FieldOfficeFeature } from '../../shared/sites.js';
import { nearestFieldOffice } from '../../geo/nearest.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/open.js';
import type { IncidentAssignmentsTable, IncidentsTable } from '../db/schema.js';

const People = z.array(Person);

function assignmentFromRow(a: IncidentAssignmentsTable): Assignment {
  return {
    unitId: a.unit_id,
    assignedAt: Number(a.assigned_at),
    assignedBy: a.assigned_by,
    arrivedAt: a.arrived_at === null ? null : Number(a.arrived_at),
  };
}

function recordFromRow(r: IncidentsTable, assignments: readonly IncidentAssignmentsTable[] = []): IncidentRecord {
  const category = IncidentCategory.parse(r.category);
  const isProtected = r.protected === 1;
  return {
    id: r.id,
    category,
    severity: r.severity,
    title: r.title,
    description: r.description,
    location: { lat: r.lat, lon: r.lon },
    locationCoarsened: false,
    sensitive: isSensitive({ category, protected: isProtected }),
    protected: isProtected,
    status: IncidentStatus.parse(r.status),
    occurredAt: Number(r.occurred_at),
    reportedAt: Number(r.reported_at),
    reportedBy: r.reported_by,
    updatedAt: Number(r.updated_at),
    fieldOffice: r.field_office === null ? null : FieldOfficeId.parse(r.field_office),
    victims: People.parse(JSON.parse(r.victims)),
    witnesses: People.parse(JSON.parse(r.witnesses)),
    assignments: assignments.map(assignmentFromRow),
  };
}

export class IncidentNotFound extends Error {}

/**
 * Incidents and their append-only timelines. Each change is committed with its timeline entry
 * in one transaction before anyone is told of it.
 */
export class IncidentService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly offices: readonly FieldOfficeFeature[],
  ) {}

  async create(report: IncidentReport, actor: string): Promise<IncidentRecord> {
    const now = this.clock.now();
    const nearest = nearestFieldOffice(this.offices, [report.location.lon, report.location.lat]);
    const row: IncidentsTable = {
      id: randomUUID(),
      category: report.category,
      severity: report.severity,
      title: report.title,
      description: report.description,
      lat: report.location.lat,
      lon: report.location.lon,
      protected: report.protected ? 1 : 0,
      status: 'reported',
      occurred_at: report.occurredAt ?? now,
      reported_at: now,
      reported_by: actor,
      updated_at: now,
      field_office: nearest?.office.properties.id ?? null,
      victims: JSON.stringify(report.victims),
      witnesses: JSON.stringify(report.witnesses),
    };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('incidents').values(row).execute();
      await trx
        .insertInto('incident_events')
        .values({ incident_id: row.id, time: now, actor, action: 'created', changes: JSON.stringify(report) })
        .execute();
    });
    return recordFromRow(row);
  }

  async update(id: string, change: IncidentChange, actor: string): Promise<IncidentRecord> {
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new IncidentNotFound(`no incident with id ${id}`);
      const set: Partial<IncidentsTable> = { updated_at: now };
      if (change.status !== undefined) set.status = change.status;
      if (change.severity !== undefined) set.severity = change.severity;
      if (change.title !== undefined) set.title = change.title;
      if (change.description !== undefined) set.description = change.description;
      if (change.category !== undefined) set.category = change.category;
      if (change.protected !== undefined) set.protected = change.protected ? 1 : 0;
      if (change.victims !== undefined) set.victims = JSON.stringify(change.victims);
      if (change.witnesses !== undefined) set.witnesses = JSON.stringify(change.witnesses);
      if (change.location !== undefined) {
        set.lat = change.location.lat;
        set.lon = change.location.lon;
        set.field_office = nearestFieldOffice(this.offices, [change.location.lon, change.location.lat])?.office.properties.id ?? null;
      }
      await trx.updateTable('incidents').set(set).where('id', '=', id).execute();
      await trx
        .insertInto('incident_events')
        .values({ incident_id: id, time: now, actor, action: 'updated', changes: JSON.stringify(change) })
        .execute();
      const assignments = await trx.selectFrom('incident_assignments').selectAll().where('incident_id', '=', id).execute();
      return recordFromRow({ ...row, ...set }, assignments);
    });
  }

  /**
   * Sends patrols to an incident: each assignment is recorded once (assigning again changes
   * nothing), and an incident still reported or verified becomes responding.
   */
  async assign(id: string, unitIds: readonly string[], actor: string): Promise<IncidentRecord> {
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new IncidentNotFound(`no incident with id ${id}`);
      await trx
        .insertInto('incident_assignments')
        .values(unitIds.map((unitId) => ({ incident_id: id, unit_id: unitId, assigned_at: now, assigned_by: actor, arrived_at: null })))
        .onConflict((oc) => oc.columns(['incident_id', 'unit_id']).doNothing())
        .execute();
      const set: Partial<IncidentsTable> = { updated_at: now };
      if (row.status === 'reported' || row.status === 'verified') set.status = 'responding';
      await trx.updateTable('incidents').set(set).where('id', '=', id).execute();
      await trx
        .insertInto('incident_events')
        .values({ incident_id: id, time: now, actor, action: 'assigned', changes: JSON.stringify({ unitIds, ...(set.status ? { status: set.status } : {}) }) })
        .execute();
      const assignments = await trx.selectFrom('incident_assignments').selectAll().where('incident_id', '=', id).execute();
      return recordFromRow({ ...row, ...set }, assignments);
    });
  }

  /** A patrol reached the incident: records when, and the time it took, once. */
  async arrived(id: string, unitId: string, at: number): Promise<IncidentRecord | null> {
    return this.db.transaction().execute(async (trx) => {
      const assignment = await trx
        .selectFrom('incident_assignments')
        .selectAll()
        .where('incident_id', '=', id)
        .where('unit_id', '=', unitId)
        .where('arrived_at', 'is', null)
        .executeTakeFirst();
      const row = await trx.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
      if (!assignment || !row) return null;
      await trx.updateTable('incident_assignments').set({ arrived_at: at }).where('incident_id', '=', id).where('unit_id', '=', unitId).execute();
      await trx.updateTable('incidents').set({ updated_at: at }).where('id', '=', id).execute();
      const responseMinutes = Math.round((at - Number(assignment.assigned_at)) / 6000) / 10;
      await trx
        .insertInto('incident_events')
        .values({ incident_id: id, time: at, actor: `device:${unitId}`, action: 'arrived', changes: JSON.stringify({ unitId, responseMinutes }) })
        .execute();
      const assignments = await trx.selectFrom('incident_assignments').selectAll().where('incident_id', '=', id).execute();
      return recordFromRow({ ...row, updated_at: at }, assignments);
    });
  }

  /** Assignments still on their way, with where they are going. */
  async openAssignments(): Promise<{ incidentId: string; unitId: string; lat: number; lon: number }[]> {
    const rows = await this.db
      .selectFrom('incident_assignments')
      .innerJoin('incidents', 'incidents.id', 'incident_assignments.incident_id')
      .select(['incident_assignments.incident_id', 'incident_assignments.unit_id', 'incidents.lat', 'incidents.lon'])
      .where('incident_assignments.arrived_at', 'is', null)
      .where('incidents.status', 'in', ['reported', 'verified', 'responding'])
      .execute();
    return rows.map((r) => ({ incidentId: r.incident_id, unitId: r.unit_id, lat: r.lat, lon: r.lon }));
  }

  async get(id: string): Promise<IncidentRecord | null> {
    const row = await this.db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const assignments = await this.db.selectFrom('incident_assignments').selectAll().where('incident_id', '=', id).execute();
    return recordFromRow(row, assignments);
  }

  /** Newest first. */
  async list(limit = 2000): Promise<IncidentRecord[]> {
    const rows = await this.db.selectFrom('incidents').selectAll().orderBy('reported_at', 'desc').limit(limit).execute();
    if (rows.length === 0) return [];
    const assignments = await this.db
      .selectFrom('incident_assignments')
      .selectAll()
      .where('incident_id', 'in', rows.map((r) => r.id))
      .execute();
    const byIncident = new Map<string, IncidentAssignmentsTable[]>();
    for (const a of assignments) byIncident.set(a.incident_id, [...(byIncident.get(a.incident_id) ?? []), a]);
    return rows.map((r) => recordFromRow(r, byIncident.get(r.id)));
  }

  async timeline(id: string): Promise<IncidentEvent[]> {
    const rows = await this.db.selectFrom('incident_events').selectAll().where('incident_id', '=', id).orderBy('seq').execute();
    return rows.map((r) =>
      IncidentEvent.parse({
        seq: Number(r.seq),
        incidentId: r.incident_id,
        time: Number(r.time),
        actor: r.actor,
        action: r.action,
        changes: JSON.parse(r.changes) as unknown,
      }),
    );
  }
}
