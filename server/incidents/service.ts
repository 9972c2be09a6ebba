import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  IncidentCategory,
  IncidentEvent,
  IncidentStatus,
  isSensitive,
  nextStatuses,
  Person,
  type Assignment,
  type IncidentChange,
  type IncidentRecord,
  type IncidentReport,
} from '../../shared/incidents.js';
import { FieldOfficeId, type FieldOfficeFeature } from '../../shared/sites.js';
import { nearestFieldOffice } from '../../geo/nearest.js';
import { nearestSite, type SiteIndex } from '../../geo/rules/index.js';
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

type SiteNames = ReadonlyMap<string, string>;

export function recordFromRow(r: IncidentsTable, names: SiteNames, assignments: readonly IncidentAssignmentsTable[] = []): IncidentRecord {
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
    nearestSite:
      r.nearest_site_id === null
        ? null
        : { id: r.nearest_site_id, name: names.get(r.nearest_site_id) ?? r.nearest_site_id, distanceKm: r.nearest_site_km === null ? null : Number(r.nearest_site_km) },
    victims: People.parse(JSON.parse(r.victims)),
    witnesses: People.parse(JSON.parse(r.witnesses)),
    assignments: assignments.map(assignmentFromRow),
  };
}

export class IncidentNotFound extends Error {}
/** The change does not fit where the incident is now (a status it cannot move to, a closed case). */
export class IncidentConflict extends Error {}

/**
 * Incidents and their append-only timelines. Each change is committed with its timeline entry
 * in one transaction before anyone is told of it. A change reads the incident with a row lock
 * (PostgreSQL; SQLite runs one transaction at a time anyway), so two desks changing one incident
 * at once take turns and the second sees the first's result.
 */
export class IncidentService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly offices: readonly FieldOfficeFeature[],
    private readonly sites: SiteIndex,
  ) {
    this.names = new Map(sites.sites.map((s) => [s.properties.id, s.properties.name]));
  }

  private readonly names: SiteNames;

  /** The field office and POC site nearest a location, as stored with the incident. */
  private placeOf(location: { lat: number; lon: number }): Pick<IncidentsTable, 'field_office' | 'nearest_site_id' | 'nearest_site_km'> {
    const at: [number, number] = [location.lon, location.lat];
    const poc = nearestSite(this.sites, at).pocSite;
    return {
      field_office: nearestFieldOffice(this.offices, at)?.office.properties.id ?? null,
      nearest_site_id: poc?.site.properties.id ?? null,
      nearest_site_km: poc ? Math.round(poc.distanceKm * 100) / 100 : null,
    };
  }

  async create(report: IncidentReport, actor: string): Promise<IncidentRecord> {
    const now = this.clock.now();
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
      ...this.placeOf(report.location),
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
    return recordFromRow(row, this.names);
  }

  async update(id: string, change: IncidentChange, actor: string): Promise<IncidentRecord> {
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('incidents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!row) throw new IncidentNotFound(`no incident with id ${id}`);
      const from = IncidentStatus.parse(row.status);
      if (change.status !== undefined && change.status !== from && !nextStatuses(from).includes(change.status)) {
        const allowed = nextStatuses(from);
        throw new IncidentConflict(
          `a ${from} incident cannot become ${change.status}; ${allowed.length > 0 ? `it can become ${allowed.join(', ')}` : 'it is finished'}`,
        );
      }
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
        Object.assign(set, this.placeOf(change.location));
      }
      await trx.updateTable('incidents').set(set).where('id', '=', id).execute();
      await trx
        .insertInto('incident_events')
        .values({ incident_id: id, time: now, actor, action: 'updated', changes: JSON.stringify(change) })
        .execute();
      const assignments = await trx.selectFrom('incident_assignments').selectAll().where('incident_id', '=', id).execute();
      return recordFromRow({ ...row, ...set }, this.names, assignments);
    });
  }

  /**
   * Sends patrols to an incident: each assignment is recorded once (assigning again changes
   * nothing), and an incident still reported or verified becomes responding.
   */
  async assign(id: string, unitIds: readonly string[], actor: string): Promise<IncidentRecord> {
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('incidents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!row) throw new IncidentNotFound(`no incident with id ${id}`);
      if (row.status === 'closed' || row.status === 'false-report') {
        throw new IncidentConflict(`the incident is ${row.status === 'closed' ? 'closed' : 'marked a false report'}; reopen it before sending patrols`);
      }
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
      return recordFromRow({ ...row, ...set }, this.names, assignments);
    });
  }

  /** A patrol reached the incident: records when, and the time it took, once. */
  async arrived(id: string, unitId: string, at: number): Promise<IncidentRecord | null> {
    return this.db.transaction().execute(async (trx) => {
      // The incident is locked first, as in every change to it: two arrivals never both count.
      const row = await trx.selectFrom('incidents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      const assignment = await trx
        .selectFrom('incident_assignments')
        .selectAll()
        .where('incident_id', '=', id)
        .where('unit_id', '=', unitId)
        .where('arrived_at', 'is', null)
        .executeTakeFirst();
      if (!assignment || !row) return null;
      await trx.updateTable('incident_assignments').set({ arrived_at: at }).where('incident_id', '=', id).where('unit_id', '=', unitId).execute();
      await trx.updateTable('incidents').set({ updated_at: at }).where('id', '=', id).execute();
      const responseMinutes = Math.round((at - Number(assignment.assigned_at)) / 6000) / 10;
      await trx
        .insertInto('incident_events')
        .values({ incident_id: id, time: at, actor: `device:${unitId}`, action: 'arrived', changes: JSON.stringify({ unitId, responseMinutes }) })
        .execute();
      const assignments = await trx.selectFrom('incident_assignments').selectAll().where('incident_id', '=', id).execute();
      return recordFromRow({ ...row, updated_at: at }, this.names, assignments);
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

  /** Incidents still reported or verified (nobody is responding yet), with their assignments. */
  async awaitingAction(): Promise<IncidentRecord[]> {
    const rows = await this.db.selectFrom('incidents').selectAll().where('status', 'in', ['reported', 'verified']).orderBy('reported_at').limit(5000).execute();
    return this.withAssignments(rows);
  }

  async get(id: string): Promise<IncidentRecord | null> {
    const row = await this.db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const assignments = await this.db.selectFrom('incident_assignments').selectAll().where('incident_id', '=', id).execute();
    return recordFromRow(row, this.names, assignments);
  }

  /** Newest first. */
  async list(limit = 2000): Promise<IncidentRecord[]> {
    const rows = await this.db.selectFrom('incidents').selectAll().orderBy('reported_at', 'desc').limit(limit).execute();
    return this.withAssignments(rows);
  }

  /** Incidents that occurred in [from, to], oldest first, of the statuses and categories given (all when empty). */
  async occurredBetween(filter: { from: number; to: number; statuses: readonly IncidentStatus[]; categories: readonly IncidentCategory[]; limit: number }): Promise<IncidentRecord[]> {
    let query = this.db.selectFrom('incidents').selectAll().where('occurred_at', '>=', filter.from).where('occurred_at', '<=', filter.to);
    if (filter.statuses.length > 0) query = query.where('status', 'in', [...filter.statuses]);
    if (filter.categories.length > 0) query = query.where('category', 'in', [...filter.categories]);
    const rows = await query.orderBy('occurred_at').orderBy('id').limit(filter.limit).execute();
    return this.withAssignments(rows);
  }

  private async withAssignments(rows: readonly IncidentsTable[]): Promise<IncidentRecord[]> {
    if (rows.length === 0) return [];
    const assignments = await this.db
      .selectFrom('incident_assignments')
      .selectAll()
      .where('incident_id', 'in', rows.map((r) => r.id))
      .execute();
    const byIncident = new Map<string, IncidentAssignmentsTable[]>();
    for (const a of assignments) byIncident.set(a.incident_id, [...(byIncident.get(a.incident_id) ?? []), a]);
    return rows.map((r) => recordFromRow(r, this.names, byIncident.get(r.id)));
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
