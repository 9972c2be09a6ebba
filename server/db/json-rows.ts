import { sql, type AliasedRawBuilder } from 'kysely';
import type { StoreKind } from './store-kind.js';

/** SQL types a column of `jsonRows` can take. */
export type JsonColumnType = 'text' | 'bigint' | 'integer' | 'double precision';

type Cell = string | number | null;

/**
 * Many rows as one table expression, sent as a single JSON parameter: a batch of thousands of
 * rows is one parameter for the database to read, not tens of thousands to bind (PostgreSQL
 * takes a large batch several times faster this way). SQLite reads it with json_each,
 * PostgreSQL with jsonb_to_recordset; each column comes out with its SQL type.
 * @example
 * db.selectFrom(jsonRows('sqlite', 'v', { id: 'text', time: 'bigint' }, [{ id: 'a', time: 1 }])).selectAll()
 */
export function jsonRows<R extends Record<string, Cell>, A extends string>(
  kind: StoreKind,
  alias: A,
  columns: { readonly [K in keyof R & string]: JsonColumnType },
  rows: readonly R[],
): AliasedRawBuilder<R, A> {
  const names = Object.keys(columns) as (keyof R & string)[];
  const json = JSON.stringify(rows.map((r) => names.map((n) => r[n] ?? null)));
  if (kind === 'postgres') {
    // One row per array entry, in the array's order (rows are locked in the order written).
    const fields = sql.join(names.map((n, i) => sql`cast(x.value ->> ${sql.lit(i)} as ${sql.raw(columns[n])}) as ${sql.ref(n)}`));
    return sql<R>`(select ${fields} from jsonb_array_elements(cast(${json} as jsonb)) with ordinality as x(value, n) order by x.n)`.as(alias);
  }
  const fields = sql.join(names.map((n, i) => sql`cast(x.value ->> ${sql.lit(i)} as ${sql.raw(sqliteType(columns[n]))}) as ${sql.ref(n)}`));
  // json_each reads the array in order; SQLite takes no row locks, so nothing depends on it.
  return sql<R>`(select ${fields} from json_each(${json}) as x)`.as(alias);
}

function sqliteType(type: JsonColumnType): string {
  return type === 'double precision' ? 'real' : type === 'text' ? 'text' : 'integer';
}
