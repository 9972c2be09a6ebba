import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  OperationNodeTransformer,
  PostgresDialect,
  SqliteDialect,
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  type SelectModifier,
  type SelectQueryNode,
  type UnknownRow,
} from 'kysely';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { migrationProvider } from './migrations.js';
import { redactUrl } from './url.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export { storeKindOf, type StoreKind } from './store-kind.js';
export { redactUrl } from './url.js';

/** Opens the store the environment names: PostgreSQL when DATABASE_URL is set, else the SQLite file under DATA_DIR. */
export async function openDatabase(
  env: { DATABASE_URL?: string | undefined; DATA_DIR: string },
  options: PostgresOptions = {},
): Promise<Db> {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL, options) : openSqlite(sqlitePath(env.DATA_DIR));
}

/** Where the embedded database lives under the data directory. */
export function sqlitePath(dataDir: string): string {
  return join(dataDir, 'ops.sqlite');
}

/** The store, for a log line: the password of a PostgreSQL URL is never shown. */
export function describeDatabase(env: { DATABASE_URL?: string | undefined; DATA_DIR: string }): string {
  return env.DATABASE_URL ? `PostgreSQL at ${redactUrl(env.DATABASE_URL)}` : `SQLite at ${sqlitePath(env.DATA_DIR)}`;
}

/** Opens (creating if need be) the embedded SQLite database and brings its schema up to date. */
export async function openSqlite(path: string): Promise<Db> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  database.pragma('journal_mode = WAL');
  // Every acknowledged write survives a power cut: commits wait for the disk.
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }), plugins: [new SqliteRowLocks()] });
  await migrate(db);
  return db;
}

export interface PostgresOptions {
  /** connections this server keeps at most */
  poolSize?: number;
  /** told when an idle connection breaks (the server restarted, the network dropped); the pool opens another */
  onConnectionError?: (err: Error) => void;
}

// PostgreSQL sends bigint (times in epoch ms, counts) and numeric (sums, averages) as text so
// that nothing is lost; every such value here fits a JavaScript number, so it comes back as one.
const types = new pg.TypeOverrides();
types.setTypeParser(pg.types.builtins.INT8, 'text', (text: string): number => {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`the database returned ${text}, too large for a JavaScript number`);
  return value;
});
types.setTypeParser(pg.types.builtins.NUMERIC, 'text', (text: string): number => Number(text));

/** Connects to PostgreSQL and brings its schema up to date (the same migrations as SQLite). */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types, connectionTimeoutMillis: 10_000 });
  // An idle connection that breaks must not take the server down: the pool replaces it.
  pool.on('error', (err) => (options.onConnectionError ?? defaultConnectionError)(err));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (err) {
    await db.destroy();
    throw new Error(`PostgreSQL at ${redactUrl(url)} cannot be reached: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    await migrate(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return db;
}

function defaultConnectionError(err: Error): void {
  process.stderr.write(`A connection to PostgreSQL broke and will be replaced: ${err.message}\n`);
}

export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown');
    throw new Error(`the database schema could not be brought up to date (${failed?.migrationName ?? 'migrations'}): ${reason}`);
  }
}

const ROW_LOCKS: ReadonlySet<SelectModifier> = new Set(['ForUpdate', 'ForNoKeyUpdate', 'ForShare', 'ForKeyShare', 'NoWait', 'SkipLocked']);

/**
 * SQLite has no row locks (`SELECT … FOR UPDATE`), and needs none: it runs one transaction at a
 * time. Repositories lock the rows they read-then-write, for PostgreSQL, and this drops the lock
 * for SQLite so both run the same query.
 */
class SqliteRowLocks implements KyselyPlugin {
  private readonly transformer = new DropRowLocks();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node, args.queryId);
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

class DropRowLocks extends OperationNodeTransformer {
  protected override transformSelectQuery(node: SelectQueryNode, queryId?: QueryId): SelectQueryNode {
    const transformed = super.transformSelectQuery(node, queryId);
    if (!transformed.endModifiers) return transformed;
    const kept = transformed.endModifiers.filter((m) => m.modifier === undefined || !ROW_LOCKS.has(m.modifier));
    return { ...transformed, endModifiers: kept.length > 0 ? kept : undefined };
  }
}
