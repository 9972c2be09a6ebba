import { PostgresIntrospector, SqliteIntrospector, type Kysely } from 'kysely';

/** The two stores the server runs on: the embedded SQLite file, or a PostgreSQL server. */
export type StoreKind = 'sqlite' | 'postgres';

/** Which store a Kysely instance (or a transaction or migration of it) talks to. */
export function storeKindOf<T>(db: Kysely<T>): StoreKind {
  const introspector = db.introspection;
  if (introspector instanceof PostgresIntrospector) return 'postgres';
  if (introspector instanceof SqliteIntrospector) return 'sqlite';
  throw new Error('the database is neither SQLite nor PostgreSQL');
}
