import { sql } from 'kysely';
import type { Fix } from '../../shared/units.js';
import type { Db } from '../db/open.js';
import type { IncidentAssignmentsTable, IncidentsTable } from '../db/schema.js';
import type { TimelineRow } from './incidents.js';

/** A unit on the roster with its last fix at a moment. */
export interface UnitFixRow {
  id: string;
  callsign: string;
  type: string;
  fieldOffice: string;
  group: string | null;
  fix: Fix;
}

/** One fix as a compact row: time, lon, lat, speed, heading, accuracy, implausible. */
export type FixRow = [number, number, number, number | null, number | null, number | null, 0 | 1];

/** A window holding more fixes than one answer may carry. */
export class TooManyFixes extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit.toLocaleString('en')} fixes in this window`);
  }
}

/** How long the incidents list of one moment may be, as the live list (newest first). */
export const INCIDENT_LIMIT = 2000;

const OPEN = ['reported', 'verified', 'responding'];

/**
 * The history queries replay makes. Each is one statement on an index: a unit's fix at a
 * moment is a seek on the positions key (unit_id, time), never a scan of the table.
 */
export class ReplayHistory {
  constructor(private readonly db: Db) {}

  /**
   * Each unit's last fix at or before `at` and not before `since`: for every unit on the
   * roster, the newest time is found on the key (unit_id, time), then that row is read.
   */
  async fixesAt(at: number, since: number): Promise<UnitFixRow[]> {
    const rows = await this.db
      .selectFrom('units as u')
      // A cross join keeps SQLite's loop on the units, so each one is a seek on the key.
      .crossJoin('positions as p')
      .select(['u.id', 'u.callsign', 'u.type', 'u.field_office', 'u.group_name', 'p.time', 'p.lat', 'p.lon', 'p.speed', 'p.heading', 'p.accuracy', 'p.altitude', 'p.battery', 'p.implausible', 'p.stale_at'])
      .whereRef('p.unit_id', '=', 'u.id')
      .where((eb) =>
        eb(
          'p.time',
          '=',
          eb
            .selectFrom('positions as q')
            .select((q) => q.fn.max('q.time').as('t'))
            .whereRef('q.unit_id', '=', 'u.id')
            .where('q.time', '<=', at)
            .where('q.time', '>=', since),
        ),
      )
      .orderBy('u.id')
      .execute();
    return rows.map((r) => {
      const fix: Fix = { time: Number(r.time), lat: r.lat, lon: r.lon };
      if (r.speed !== null) fix.speed = r.speed;
      if (r.heading !== null) fix.heading = r.heading;
      if (r.accuracy !== null) fix.accuracy = r.accuracy;
      if (r.altitude !== null) fix.altitude = r.altitude;
      if (r.battery !== null) fix.battery = r.battery;
      if (r.implausible === 1) fix.implausible = true;
      if (r.stale_at !== null) fix.staleAt = Number(r.stale_at);
      return { id: r.id, callsign: r.callsign, type: r.type, fieldOffice: r.field_office, group: r.group_name, fix };
    });
  }

  /**
   * Every unit's fixes in [from, to], by unit then time: one range on the positions key per
   * unit on the roster, so the rows come out in order without a sort. With `everyMs`, only the
   * first fix of each unit in each slice of that length: the database thins, so a fast replay
   * does not read every fix into memory. More than `maxRows` fixes is refused.
   */
  async fixesBetween(from: number, to: number, maxRows: number, everyMs = 0): Promise<Map<string, FixRow[]>> {
    const unitIds = (await this.db.selectFrom('units').select('id').orderBy('id').execute()).map((u) => u.id);
    const byUnit = new Map<string, FixRow[]>();
    let total = 0;
    // Kept well under the parameter limits of both databases.
    for (let i = 0; i < unitIds.length; i += 5000) {
      const ids = unitIds.slice(i, i + 5000);
      const inWindow = this.db.selectFrom('positions').where('unit_id', 'in', ids).where('time', '>=', from).where('time', '<=', to);
      const columns = ['p.unit_id', 'p.time', 'p.lat', 'p.lon', 'p.speed', 'p.heading', 'p.accuracy', 'p.implausible'] as const;
      const rows =
        everyMs >= 1000
          ? await this.db
              .selectFrom('positions as p')
              .innerJoin(
                inWindow
                  .select((eb) => ['unit_id', eb.fn.min('time').as('first')])
                  // An integer literal: whole slices in both databases (a bound parameter may be a float).
                  .groupBy(['unit_id', sql`time / ${sql.lit(Math.round(everyMs))}`])
                  .as('k'),
                (join) => join.onRef('k.unit_id', '=', 'p.unit_id').onRef('k.first', '=', 'p.time'),
              )
              .select(columns)
              .orderBy('p.unit_id')
              .orderBy('p.time')
              .limit(maxRows - total + 1)
              .execute()
          : await this.db
              .selectFrom('positions as p')
              .select(columns)
              .where('p.unit_id', 'in', ids)
              .where('p.time', '>=', from)
              .where('p.time', '<=', to)
              .orderBy('p.unit_id')
              .orderBy('p.time')
              .limit(maxRows - total + 1)
              .execute();
      total += rows.length;
      if (total > maxRows) throw new TooManyFixes(maxRows);
      for (const r of rows) {
        let fixes = byUnit.get(r.unit_id);
        if (!fixes) byUnit.set(r.unit_id, (fixes = []));
        fixes.push([Number(r.time), r.lon, r.lat, r.speed, r.heading, r.accuracy, r.implausible === 1 ? 1 : 0]);
      }
    }
    if (everyMs >= 1000) {
      // Thinned, each unit still ends the window where it really was.
      for (const { id, fix } of await this.fixesAt(to, from)) {
        const fixes = byUnit.get(id);
        if (fixes && (fixes.at(-1)?.[0] ?? -Infinity) < fix.time) {
          fixes.push([fix.time, fix.lon, fix.lat, fix.speed ?? null, fix.heading ?? null, fix.accuracy ?? null, fix.implausible ? 1 : 0]);
        }
      }
    }
    return byUnit;
  }

  /** SOS alerts open at some point in [from, to]: when each was raised and resolved. */
  async sosSpans(from: number, to: number): Promise<{ unitId: string; from: number; until: number | null }[]> {
    const rows = await this.db
      .selectFrom('alerts')
      .select(['unit_id', 'raised_at', 'resolved_at'])
      .where('kind', '=', 'sos')
      .where('unit_id', 'is not', null)
      .where('raised_at', '<=', to)
      .where((eb) => eb.or([eb('resolved_at', 'is', null), eb('resolved_at', '>', from)]))
      .execute();
    return rows.flatMap((r) =>
      r.unit_id === null ? [] : [{ unitId: r.unit_id, from: Number(r.raised_at), until: r.resolved_at === null ? null : Number(r.resolved_at) }],
    );
  }

  /** The newest incidents reported at or before `at`, with their assignments as stored today. */
  async incidentsReportedBy(at: number): Promise<{ row: IncidentsTable; assignments: IncidentAssignmentsTable[] }[]> {
    const rows = await this.db.selectFrom('incidents').selectAll().where('reported_at', '<=', at).orderBy('reported_at', 'desc').limit(INCIDENT_LIMIT).execute();
    return this.withAssignments(rows);
  }

  /**
   * Incidents that changed in (from, to], and those with a patrol that may have been on its way
   * then (sent by `to`, not arrived before `from`, the incident still open or changed since).
   */
  async incidentsActiveBetween(from: number, to: number): Promise<{ row: IncidentsTable; assignments: IncidentAssignmentsTable[] }[]> {
    const changed = this.db.selectFrom('incident_events').select('incident_id').where('time', '>', from).where('time', '<=', to);
    const sent = this.db
      .selectFrom('incident_assignments as a')
      .innerJoin('incidents as i', 'i.id', 'a.incident_id')
      .select('a.incident_id')
      .where('a.assigned_at', '<=', to)
      .where((eb) => eb.or([eb('a.arrived_at', 'is', null), eb('a.arrived_at', '>', from)]))
      .where((eb) => eb.or([eb('i.status', 'in', OPEN), eb('i.updated_at', '>', from)]));
    const rows = await this.db
      .selectFrom('incidents')
      .selectAll()
      .where('reported_at', '<=', to)
      .where((eb) => eb.or([eb('id', 'in', changed), eb('id', 'in', sent)]))
      .orderBy('reported_at', 'desc')
      .limit(INCIDENT_LIMIT)
      .execute();
    return this.withAssignments(rows);
  }

  /** The timelines of these incidents up to `to`, by incident. */
  async timelines(incidentIds: readonly string[], to: number): Promise<Map<string, TimelineRow[]>> {
    const byIncident = new Map<string, TimelineRow[]>();
    for (let i = 0; i < incidentIds.length; i += 5000) {
      const rows = await this.db
        .selectFrom('incident_events')
        .select(['seq', 'incident_id', 'time', 'actor', 'action', 'changes'])
        .where('incident_id', 'in', incidentIds.slice(i, i + 5000))
        .where('time', '<=', to)
        .orderBy('seq')
        .execute();
      for (const r of rows) {
        let timeline = byIncident.get(r.incident_id);
        if (!timeline) byIncident.set(r.incident_id, (timeline = []));
        timeline.push({ seq: Number(r.seq), time: Number(r.time), actor: r.actor, action: r.action, changes: r.changes });
      }
    }
    return byIncident;
  }

  private async withAssignments(rows: IncidentsTable[]): Promise<{ row: IncidentsTable; assignments: IncidentAssignmentsTable[] }[]> {
    if (rows.length === 0) return [];
    const assignments = new Map<string, IncidentAssignmentsTable[]>();
    for (let i = 0; i < rows.length; i += 5000) {
      const found = await this.db
        .selectFrom('incident_assignments')
        .selectAll()
        .where('incident_id', 'in', rows.slice(i, i + 5000).map((r) => r.id))
        .execute();
      for (const a of found) assignments.set(a.incident_id, [...(assignments.get(a.incident_id) ?? []), a]);
    }
    return rows.map((row) => ({ row, assignments: assignments.get(row.id) ?? [] }));
  }
}
