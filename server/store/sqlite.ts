import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Activity, Fix, UnitRegistration, UnitType } from '../../shared/units.js';
import { FieldOfficeId } from '../../shared/sites.js';
import type { HistoryRow, LatestUpdate, Store, StoredUnit } from './store.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS units (
  id            TEXT PRIMARY KEY,
  callsign      TEXT NOT NULL,
  type          TEXT NOT NULL,
  field_office  TEXT NOT NULL,
  activity      TEXT NOT NULL DEFAULT 'on-patrol',
  last_time     INTEGER,
  last_lat      REAL,
  last_lon      REAL,
  last_speed    REAL,
  last_heading  REAL,
  last_accuracy REAL,
  last_altitude REAL,
  last_battery  REAL
);
CREATE TABLE IF NOT EXISTS positions (
  unit_id  TEXT NOT NULL,
  time     INTEGER NOT NULL,
  lat      REAL NOT NULL,
  lon      REAL NOT NULL,
  speed    REAL,
  heading  REAL,
  accuracy REAL,
  altitude REAL,
  battery  REAL,
  PRIMARY KEY (unit_id, time)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS positions_time ON positions (time);
`;

interface UnitRow {
  id: string;
  callsign: string;
  type: string;
  field_office: string;
  activity: string;
  last_time: number | null;
  last_lat: number | null;
  last_lon: number | null;
  last_speed: number | null;
  last_heading: number | null;
  last_accuracy: number | null;
  last_altitude: number | null;
  last_battery: number | null;
}

interface PositionRow {
  time: number;
  lat: number;
  lon: number;
  speed: number | null;
  heading: number | null;
  accuracy: number | null;
  altitude: number | null;
  battery: number | null;
}

/** Drops SQL NULLs so optional fields stay absent rather than null. */
function fixFromRow(r: PositionRow): Fix {
  const fix: Fix = { time: r.time, lat: r.lat, lon: r.lon };
  if (r.speed !== null) fix.speed = r.speed;
  if (r.heading !== null) fix.heading = r.heading;
  if (r.accuracy !== null) fix.accuracy = r.accuracy;
  if (r.altitude !== null) fix.altitude = r.altitude;
  if (r.battery !== null) fix.battery = r.battery;
  return fix;
}

/**
 * The embedded default store: one SQLite file in WAL mode. Writes are synchronous inside
 * better-sqlite3, so each method is one transaction that no other call can interleave with.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements;

  /** `path` is a file name, or ':memory:' for a throwaway store. */
  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.statements = {
      upsertUnit: this.db.prepare(
        `INSERT INTO units (id, callsign, type, field_office) VALUES (@id, @callsign, @type, @fieldOffice)
         ON CONFLICT (id) DO UPDATE SET callsign = excluded.callsign, type = excluded.type,
           field_office = excluded.field_office`,
      ),
      listUnits: this.db.prepare<[], UnitRow>('SELECT * FROM units ORDER BY id'),
      insertPosition: this.db.prepare(
        `INSERT OR IGNORE INTO positions (unit_id, time, lat, lon, speed, heading, accuracy, altitude, battery)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      moveLatest: this.db.prepare(
        `UPDATE units SET activity = ?, last_time = ?, last_lat = ?, last_lon = ?, last_speed = ?,
           last_heading = ?, last_accuracy = ?, last_altitude = ?, last_battery = ?
         WHERE id = ? AND (last_time IS NULL OR last_time < ?)`,
      ),
      track: this.db.prepare<[string, number, number, number], PositionRow>(
        `SELECT time, lat, lon, speed, heading, accuracy, altitude, battery FROM positions
         WHERE unit_id = ? AND time BETWEEN ? AND ? ORDER BY time LIMIT ?`,
      ),
      prune: this.db.prepare('DELETE FROM positions WHERE time < ?'),
    };
  }

  async upsertUnits(units: readonly UnitRegistration[]): Promise<void> {
    const run = this.db.transaction(() => {
      for (const u of units) this.statements.upsertUnit.run(u);
    });
    run();
  }

  async listUnits(): Promise<StoredUnit[]> {
    return this.statements.listUnits.all().map((r) => ({
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
            }),
    }));
  }

  async appendPositions(rows: readonly HistoryRow[], latest: readonly LatestUpdate[]): Promise<number> {
    const { insertPosition, moveLatest } = this.statements;
    const run = this.db.transaction(() => {
      let inserted = 0;
      for (const { unitId, fix } of rows) {
        inserted += insertPosition.run(
          unitId,
          fix.time,
          fix.lat,
          fix.lon,
          fix.speed ?? null,
          fix.heading ?? null,
          fix.accuracy ?? null,
          fix.altitude ?? null,
          fix.battery ?? null,
        ).changes;
      }
      for (const { unitId, fix, activity } of latest) {
        moveLatest.run(
          activity,
          fix.time,
          fix.lat,
          fix.lon,
          fix.speed ?? null,
          fix.heading ?? null,
          fix.accuracy ?? null,
          fix.altitude ?? null,
          fix.battery ?? null,
          unitId,
          fix.time,
        );
      }
      return inserted;
    });
    return run();
  }

  async track(unitId: string, from: number, to: number, limit: number): Promise<Fix[]> {
    return this.statements.track.all(unitId, from, to, limit).map(fixFromRow);
  }

  async pruneHistory(before: number): Promise<number> {
    return this.statements.prune.run(before).changes;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
