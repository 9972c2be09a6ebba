import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  IncidentCategory,
  IncidentEvent,
  IncidentStatus,
  isSensitive,
  Person,
  type IncidentChange,
  type IncidentRecord,
  type IncidentReport,
} from '../../shared/incidents.js';
import { FieldOfficeId, type FieldOfficeFeature } from '../../shared/sites.js';
import { nearestFieldOffice } from '../../geo/nearest.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/open.js';
import type { IncidentsTable } from '../db/schema.js';

const People = z.array(Person);

function recordFromRow(r: IncidentsTable): IncidentRecord {
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
      return recordFromRow({ ...row, ...set });
    });
  }

  async get(id: string): Promise<IncidentRecord | null> {
    const row = await this.db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? recordFromRow(row) : null;
  }

  /** Newest first. */
  async list(limit = 2000): Promise<IncidentRecord[]> {
    const rows = await this.db.selectFrom('incidents').selectAll().orderBy('reported_at', 'desc').limit(limit).execute();
    return rows.map(recordFromRow);
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
