import { Activity, type Fix, type UnitRegistration, UnitType } from '../../shared/units.js';
import { FieldOfficeId } from '../../shared/sites.js';
import { sql } from 'kysely';
import type { Db } from '../db/open.js';
import { jsonRows, type JsonColumnType } from '../db/json-rows.js';
import type { PositionsTable, UnitsTable } from '../db/schema.js';
import { storeKindOf, type StoreKind } from '../db/store-kind.js';
import type { HistoryRow, LatestUpdate, StoredUnit, TrackingStore } from './store.js';

// Units per INSERT statement when registering: eight columns each stays well under SQLite's
// 32,766 parameters (and PostgreSQL's 65,535). Positions go as one JSON parameter per chunk.
const CHUNK = 1000;
const POSITION_CHUNK = 5000;

// Rows are written in one order (unit, then time) whichever batch writes them: two batches for
// the same units at once then wait for each other in PostgreSQL, never deadlock.
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byUnitThenTime = (a: HistoryRow, b: HistoryRow) => byId(a.unitId, b.unitId) || a.fix.time - b.fix.time;

type FixColumns = Pick<PositionsTable, 'time' | 'lat' | 'lon' | 'speed' | 'heading' | 'accuracy' | 'altitude' | 'battery' | 'implausible' | 'stale_at'>;

/** Drops SQL NULLs so optional fields stay absent rather than null. */
function fixFromRow(r: FixColumns): Fix {
  const fix: Fix = { time: Number(r.time), lat: r.lat, lon: r.lon };
  if (r.speed !== null) fix.speed = r.speed;
  if (r.heading !== null) fix.heading = r.heading;
  if (r.accuracy !== null) fix.accuracy = r.accuracy;
  if (r.altitude !== null) fix.altitude = r.altitude;
  if (r.battery !== null) fix.battery = r.battery;
  if (r.implausible === 1) fix.implausible = true;
  if (r.stale_at !== null) fix.staleAt = Number(r.stale_at);
  return fix;
}

function unitFromRow(r: UnitsTable): StoredUnit {
  return {
    ...(r.group_name ? { group: r.group_name } : {}),
    id: r.id,
    callsign: r.callsign,
    type: UnitType.parse(r.type),
    fieldOffice: FieldOfficeId.parse(r.field_office),
    activity: Activity.parse(r.activity),
    last:
      r.last_time === null || r.last_lat === null || r.last_lon === null
        ? null
        : fixFromRow({
            time: r.last_time,
            lat: r.last_lat,
            lon: r.last_lon,
            speed: r.last_speed,
            heading: r.last_heading,
            accuracy: r.last_accuracy,
            altitude: r.last_altitude,
            battery: r.last_battery,
            implausible: r.last_implausible,
            stale_at: r.last_stale_at,
          }),
  };
}

const fixColumns = (fix: Fix) => ({
  speed: fix.speed ?? null,
  heading: fix.heading ?? null,
  accuracy: fix.accuracy ?? null,
  altitude: fix.altitude ?? null,
  battery: fix.battery ?? null,
  implausible: fix.implausible ? 1 : null,
  stale_at: fix.staleAt ?? null,
});

/** A unit registered for the first time: no position yet. */
const newUnitRow = (u: UnitRegistration): UnitsTable => ({
  id: u.id,
  callsign: u.callsign,
  type: u.type,
  field_office: u.fieldOffice,
  activity: 'on-patrol',
  last_time: null,
  last_lat: null,
  last_lon: null,
  last_speed: null,
  last_heading: null,
  last_accuracy: null,
  last_altitude: null,
  last_battery: null,
  last_implausible: null,
  last_stale_at: null,
  group_name: null,
});

const FIX_COLUMNS = {
  time: 'bigint',
  lat: 'double precision',
  lon: 'double precision',
  speed: 'double precision',
  heading: 'double precision',
  accuracy: 'double precision',
  altitude: 'double precision',
  battery: 'double precision',
  implausible: 'integer',
  stale_at: 'bigint',
} as const satisfies Record<string, JsonColumnType>;

/** Fixes for the history, as the table `h` to insert from. */
function historyRows(kind: StoreKind, rows: readonly HistoryRow[]) {
  return jsonRows(
    kind,
    'h',
    { unit_id: 'text', ...FIX_COLUMNS },
    rows.map(({ unitId, fix }) => ({ unit_id: unitId, time: fix.time, lat: fix.lat, lon: fix.lon, ...fixColumns(fix) })),
  );
}

/** New live positions, as the table `v` to update `units` from. */
function liveRows(kind: StoreKind, updates: readonly LatestUpdate[]) {
  return jsonRows(
    kind,
    'v',
    { id: 'text', activity: 'text', ...FIX_COLUMNS },
    updates.map(({ unitId, fix, activity }) => ({ id: unitId, activity, time: fix.time, lat: fix.lat, lon: fix.lon, ...fixColumns(fix) })),
  );
}

/** Units and their position history, through Kysely so SQLite and PostgreSQL share the code. */
export class KyselyTrackingStore implements TrackingStore {
  private readonly kind: StoreKind;

  constructor(private readonly db: Db) {
    this.kind = storeKindOf(db);
  }

  async upsertUnits(units: readonly UnitRegistration[]): Promise<void> {
    if (units.length === 0) return;
    const ordered = [...units].sort((a, b) => byId(a.id, b.id));
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < ordered.length; i += CHUNK) {
        await trx
          .insertInto('units')
          .values(ordered.slice(i, i + CHUNK).map(newUnitRow))
          .onConflict((oc) =>
            oc.column('id').doUpdateSet((eb) => ({
              callsign: eb.ref('excluded.callsign'),
              type: eb.ref('excluded.type'),
              field_office: eb.ref('excluded.field_office'),
            })),
          )
          .execute();
      }
    });
  }

  async listUnits(): Promise<StoredUnit[]> {
    const rows = await this.db.selectFrom('units').selectAll().orderBy('id').execute();
    return rows.map(unitFromRow);
  }

  async setActivity(unitId: string, activity: Activity): Promise<void> {
    await this.db.updateTable('units').set({ activity }).where('id', '=', unitId).execute();
  }

  async setIdentity(unitId: string, callsign: string, group: string | null): Promise<void> {
    await this.db.updateTable('units').set({ callsign, group_name: group }).where('id', '=', unitId).execute();
  }

  async findUnits(ids: readonly string[]): Promise<StoredUnit[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('units').selectAll().where('id', 'in', [...ids]).execute();
    return rows.map(unitFromRow);
  }

  async appendPositions(rows: readonly HistoryRow[], latest: readonly LatestUpdate[]): Promise<number> {
    const history = [...rows].sort(byUnitThenTime);
    const live = [...latest].sort((a, b) => byId(a.unitId, b.unitId));
    return this.db.transaction().execute(async (trx) => {
      let inserted = 0;
      // A batch is a few statements, not one per fix or per unit: against a PostgreSQL server
      // each statement is a round trip.
      for (let i = 0; i < history.length; i += POSITION_CHUNK) {
        const result = await trx
          .insertInto('positions')
          .columns(['unit_id', 'time', 'lat', 'lon', 'speed', 'heading', 'accuracy', 'altitude', 'battery', 'implausible', 'stale_at'])
          .expression((eb) =>
            eb
              .selectFrom(historyRows(this.kind, history.slice(i, i + POSITION_CHUNK)))
              .select(['h.unit_id', 'h.time', 'h.lat', 'h.lon', 'h.speed', 'h.heading', 'h.accuracy', 'h.altitude', 'h.battery', 'h.implausible', 'h.stale_at'])
              // SQLite needs a WHERE before ON CONFLICT to read it as an upsert, not a join.
              .where(sql<boolean>`true`),
          )
          .onConflict((oc) => oc.columns(['unit_id', 'time']).doNothing())
          .executeTakeFirst();
        inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
      }
      for (let i = 0; i < live.length; i += POSITION_CHUNK) {
        await trx
          .updateTable('units')
          .from(liveRows(this.kind, live.slice(i, i + POSITION_CHUNK)))
          .set((eb) => ({
            activity: eb.ref('v.activity'),
            last_time: eb.ref('v.time'),
            last_lat: eb.ref('v.lat'),
            last_lon: eb.ref('v.lon'),
            last_speed: eb.ref('v.speed'),
            last_heading: eb.ref('v.heading'),
            last_accuracy: eb.ref('v.accuracy'),
            last_altitude: eb.ref('v.altitude'),
            last_battery: eb.ref('v.battery'),
            last_implausible: eb.ref('v.implausible'),
            last_stale_at: eb.ref('v.stale_at'),
          }))
          .whereRef('units.id', '=', 'v.id')
          .where((eb) => eb.or([eb('units.last_time', 'is', null), eb('units.last_time', '<', eb.ref('v.time'))]))
          .execute();
      }
      return inserted;
    });
  }

  async track(unitId: string, from: number, to: number, limit: number): Promise<Fix[]> {
    const rows = await this.db
      .selectFrom('positions')
      .select(['time', 'lat', 'lon', 'speed', 'heading', 'accuracy', 'altitude', 'battery', 'implausible', 'stale_at'])
      .where('unit_id', '=', unitId)
      .where('time', '>=', from)
      .where('time', '<=', to)
      .orderBy('time')
      .limit(limit)
      .execute();
    return rows.map(fixFromRow);
  }

  async trails(from: number, to: number, maxPoints: number): Promise<Map<string, [number, number, number][]>> {
    const rows = await this.db
      .selectFrom('positions')
      .select(['unit_id', 'time', 'lat', 'lon'])
      .where('time', '>=', from)
      .where('time', '<=', to)
      .orderBy('unit_id')
      .orderBy('time')
      .limit(maxPoints)
      .execute();
    const trails = new Map<string, [number, number, number][]>();
    for (const r of rows) {
      let trail = trails.get(r.unit_id);
      if (!trail) trails.set(r.unit_id, (trail = []));
      trail.push([Number(r.time), r.lon, r.lat]);
    }
    return trails;
  }

  async pruneHistory(before: number): Promise<number> {
    const result = await this.db.deleteFrom('positions').where('time', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
