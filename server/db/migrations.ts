import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { storeKindOf } from './store-kind.js';

// Where SQLite and PostgreSQL differ, a migration asks which one it is writing to. SQLite keeps
// exactly the schema it always had, so databases made before PostgreSQL was supported still open.

/** A sequence number the database assigns itself: SQLite's autoincrement key, PostgreSQL's identity. */
const seqType = (db: Kysely<unknown>) => (storeKindOf(db) === 'postgres' ? 'bigint' : 'integer');
const seqKey = (db: Kysely<unknown>, c: ColumnDefinitionBuilder) =>
  storeKindOf(db) === 'postgres' ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement();

/** PostgreSQL: the database itself refuses to change, remove or truncate a row of `table`. */
async function appendOnlyInPostgres(db: Kysely<unknown>, table: string, message: string): Promise<void> {
  await sql`CREATE OR REPLACE FUNCTION ops_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END
$$`.execute(db);
  for (const [name, event, each] of [
    ['no_update', 'UPDATE', 'ROW'],
    ['no_delete', 'DELETE', 'ROW'],
    ['no_truncate', 'TRUNCATE', 'STATEMENT'],
  ] as const) {
    await sql`CREATE TRIGGER ${sql.id(`${table}_${name}`)} BEFORE ${sql.raw(event)} ON ${sql.table(table)} FOR EACH ${sql.raw(each)} EXECUTE FUNCTION ops_refuse_change(${sql.lit(message)})`.execute(db);
  }
}

/**
 * Schema changes in order. Written with Kysely's schema builder so one list serves SQLite and
 * PostgreSQL; a change never edits an earlier entry, it adds a new one.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-tracking': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('units')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('callsign', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('field_office', 'text', (c) => c.notNull())
        .addColumn('activity', 'text', (c) => c.notNull().defaultTo('on-patrol'))
        .addColumn('last_time', 'bigint')
        .addColumn('last_lat', 'double precision')
        .addColumn('last_lon', 'double precision')
        .addColumn('last_speed', 'double precision')
        .addColumn('last_heading', 'double precision')
        .addColumn('last_accuracy', 'double precision')
        .addColumn('last_altitude', 'double precision')
        .addColumn('last_battery', 'double precision')
        .execute();
      await db.schema
        .createTable('positions')
        .ifNotExists()
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('time', 'bigint', (c) => c.notNull())
        .addColumn('lat', 'double precision', (c) => c.notNull())
        .addColumn('lon', 'double precision', (c) => c.notNull())
        .addColumn('speed', 'double precision')
        .addColumn('heading', 'double precision')
        .addColumn('accuracy', 'double precision')
        .addColumn('altitude', 'double precision')
        .addColumn('battery', 'double precision')
        .addPrimaryKeyConstraint('positions_pk', ['unit_id', 'time'])
        .execute();
      await db.schema.createIndex('positions_time').ifNotExists().on('positions').column('time').execute();
    },
  },
  '0002-accounts-and-audit': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('sensitive', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text')
        .addColumn('wall_link_id', 'text')
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('device_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema
        .createTable('wall_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema
        .createTable('audit')
        .addColumn('seq', seqType(db), (c) => seqKey(db, c))
        .addColumn('time', 'bigint', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('details', 'text')
        .execute();
      // The audit log is append-only: the database itself refuses to change or remove an entry.
      if (storeKindOf(db) === 'postgres') {
        await appendOnlyInPostgres(db, 'audit', 'the audit log is append-only');
      } else {
        await sql`CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);
        await sql`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);
      }
    },
  },
  '0003-incidents': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('incidents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('severity', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('lat', 'double precision', (c) => c.notNull())
        .addColumn('lon', 'double precision', (c) => c.notNull())
        .addColumn('protected', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'bigint', (c) => c.notNull())
        .addColumn('reported_at', 'bigint', (c) => c.notNull())
        .addColumn('reported_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('field_office', 'text')
        .addColumn('victims', 'text', (c) => c.notNull())
        .addColumn('witnesses', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('incident_events')
        .addColumn('seq', seqType(db), (c) => seqKey(db, c))
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('time', 'bigint', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('changes', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('incident_events_incident').on('incident_events').column('incident_id').execute();
      if (storeKindOf(db) === 'postgres') {
        await appendOnlyInPostgres(db, 'incident_events', 'the incident timeline is append-only');
      } else {
        await sql`CREATE TRIGGER incident_events_no_update BEFORE UPDATE ON incident_events BEGIN SELECT RAISE(ABORT, 'the incident timeline is append-only'); END`.execute(db);
        await sql`CREATE TRIGGER incident_events_no_delete BEFORE DELETE ON incident_events BEGIN SELECT RAISE(ABORT, 'the incident timeline is append-only'); END`.execute(db);
      }
    },
  },
  '0004-implausible-fixes': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('positions').addColumn('implausible', 'integer').execute();
      await db.schema.alterTable('units').addColumn('last_implausible', 'integer').execute();
    },
  },
  '0005-cot-stale-and-group': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('positions').addColumn('stale_at', 'bigint').execute();
      await db.schema.alterTable('units').addColumn('last_stale_at', 'bigint').execute();
      await db.schema.alterTable('units').addColumn('group_name', 'text').execute();
    },
  },
  '0006-alerts': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('severity', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text')
        .addColumn('raised_at', 'bigint', (c) => c.notNull())
        .addColumn('acknowledged_at', 'bigint')
        .addColumn('acknowledged_by', 'text')
        .addColumn('resolved_at', 'bigint')
        .execute();
      await db.schema.createIndex('alerts_raised').on('alerts').column('raised_at').execute();
    },
  },
  '0007-alerts-for-incidents': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('alerts').addColumn('incident_id', 'text').execute();
    },
  },
  '0008-incident-assignments': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('incident_assignments')
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('assigned_at', 'bigint', (c) => c.notNull())
        .addColumn('assigned_by', 'text', (c) => c.notNull())
        .addColumn('arrived_at', 'bigint')
        .addPrimaryKeyConstraint('incident_assignments_pk', ['incident_id', 'unit_id'])
        .execute();
    },
  },
  '0009-deadlines-and-nearest-site': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('alerts').addColumn('escalated_at', 'bigint').execute();
      await db.schema.alterTable('incidents').addColumn('nearest_site_id', 'text').execute();
      await db.schema.alterTable('incidents').addColumn('nearest_site_km', 'double precision').execute();
    },
  },
  '0010-patrol-orders': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('patrol_orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'bigint', (c) => c.notNull())
        .addColumn('ends_at', 'bigint', (c) => c.notNull())
        .addColumn('return_name', 'text', (c) => c.notNull())
        .addColumn('return_lat', 'double precision', (c) => c.notNull())
        .addColumn('return_lon', 'double precision', (c) => c.notNull())
        .addColumn('return_radius_m', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('overdue_at', 'bigint')
        .addColumn('completed_at', 'bigint')
        .addColumn('cancelled_at', 'bigint')
        .addColumn('cancelled_by', 'text')
        .execute();
      await db.schema.createIndex('patrol_orders_status').on('patrol_orders').column('status').execute();
      await db.schema.createIndex('patrol_orders_updated').on('patrol_orders').column('updated_at').execute();
      await db.schema.createIndex('patrol_orders_unit').on('patrol_orders').column('unit_id').execute();
      await db.schema
        .createTable('patrol_checkpoints')
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('idx', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('lat', 'double precision', (c) => c.notNull())
        .addColumn('lon', 'double precision', (c) => c.notNull())
        .addColumn('radius_m', 'integer', (c) => c.notNull())
        .addColumn('due_at', 'bigint')
        .addColumn('reached_at', 'bigint')
        .addColumn('missed_at', 'bigint')
        .addPrimaryKeyConstraint('patrol_checkpoints_pk', ['order_id', 'idx'])
        .execute();
    },
  },
  // Replay reads incidents by when they were reported, timelines by time and SOS alerts by unit.
  // Positions need nothing new: their key (unit_id, time) finds each unit's fix at a moment.
  '0011-replay-indexes': {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('incidents_reported').on('incidents').column('reported_at').execute();
      await db.schema.createIndex('incident_events_time').on('incident_events').column('time').execute();
      await db.schema.createIndex('alerts_unit').on('alerts').columns(['unit_id', 'raised_at']).execute();
    },
  },
  // The facts an alert's title is made of (JSON text), so each screen words it in its language.
  // Alerts raised before have none: they are shown with their English title.
  '0012-alert-words': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('alerts').addColumn('words', 'text').execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
