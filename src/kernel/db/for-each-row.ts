import { type Compilable, CompiledQuery } from 'kysely';
import type { SanquDatabase } from './connect';
import { cachedStatement } from './statement-cache';
import { type AnyDb, tablesOf } from './tables-of';

/** Rows per FETCH on PostgreSQL: a round trip per page, a page's rows in memory at once. */
const PG_PAGE_ROWS = 10_000;
let cursors = 0;

/**
 * Calls `each` with every row of `query`, as an array in select-list order, inside the caller's transaction `trx`
 * and without an object per row: for reads of many thousand rows (a population recompute). SQLite iterates a
 * cached prepared statement in raw mode on the raw handle, which shares the connection and so the open
 * transaction; PostgreSQL reads through a cursor declared in `trx`, a page of rows per FETCH. `each` must not
 * query the database (SQLite's connection is busy until the last row); select columns with distinct names.
 * Returns the number of rows.
 * @example await forEachRow(database, trx, db.selectFrom('t').select(['a', 'b']).orderBy('a'), ([a, b]) => use(a, b));
 */
export async function forEachRow(
  database: SanquDatabase,
  trx: AnyDb,
  query: Compilable,
  each: (row: unknown[]) => void,
): Promise<number> {
  const compiled = query.compile();
  let rows = 0;
  if (database.sqlite) {
    const statement = cachedStatement(database.sqlite, compiled.sql, true);
    for (const row of statement.iterate(compiled.parameters as unknown[]) as IterableIterator<unknown[]>) {
      each(row);
      rows++;
    }
    return rows;
  }
  const db = tablesOf<object>(trx);
  const cursor = `sanqu_rows_${++cursors}`;
  await db.executeQuery(
    CompiledQuery.raw(`declare ${cursor} no scroll cursor for ${compiled.sql}`, [...compiled.parameters]),
  );
  for (;;) {
    const page = await db.executeQuery<Record<string, unknown>>(
      CompiledQuery.raw(`fetch forward ${PG_PAGE_ROWS} from ${cursor}`),
    );
    for (const row of page.rows) each(Object.values(row));
    rows += page.rows.length;
    if (page.rows.length < PG_PAGE_ROWS) break;
  }
  await db.executeQuery(CompiledQuery.raw(`close ${cursor}`));
  return rows;
}
