import { availableParallelism } from 'node:os';
import { sql } from 'kysely';
import type { SanquDatabase } from './connect';

/** A secondary index as its CREATE statement, to drop it and build it again. */
interface IndexDefinition {
  name: string;
  definition: string;
}

/**
 * The indexes of `table` that back no primary key or unique constraint (those stay: they keep the data valid
 * during the load). SQLite keeps each CREATE INDEX text; constraint indexes have none. PostgreSQL rebuilds the
 * definition with pg_get_indexdef.
 */
async function secondaryIndexes(database: SanquDatabase, table: string): Promise<IndexDefinition[]> {
  if (database.sqlite)
    return database.sqlite
      .prepare(
        "select name, sql as definition from sqlite_master where type = 'index' and tbl_name = ? and sql is not null",
      )
      .all(table) as IndexDefinition[];
  const result = await sql<IndexDefinition>`select i.relname as name, pg_get_indexdef(i.oid) as definition
    from pg_index x join pg_class i on i.oid = x.indexrelid
    where x.indrelid = ${table}::regclass
      and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`.execute(database.db);
  return result.rows;
}

/**
 * Runs `load` with `table`'s secondary indexes dropped, then builds them again from their own definitions:
 * building an index over millions of rows at once is several times faster than keeping it up row by row (a seed of
 * 20M records). For bulk loads into a table nothing else is using; if `load` fails the indexes are still rebuilt.
 * @example await withIndexesRebuilt(database, 'credit_records', () => insertEverything());
 */
export async function withIndexesRebuilt<T>(
  database: SanquDatabase,
  table: string,
  load: () => Promise<T>,
): Promise<T> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`rebuild indexes: not a plain identifier: ${table}`);
  const indexes = await secondaryIndexes(database, table);
  for (const index of indexes) await sql`drop index ${sql.ref(index.name)}`.execute(database.db);
  const rebuild = async () => {
    // SQLite sorts an index's keys on helper threads when allowed: a second core builds it about a third faster.
    const threads = database.sqlite?.pragma('threads', { simple: true });
    database.sqlite?.pragma(`threads = ${Math.min(4, availableParallelism())}`);
    try {
      for (const index of indexes) await sql.raw(index.definition).execute(database.db);
    } finally {
      database.sqlite?.pragma(`threads = ${Number(threads ?? 0)}`);
    }
  };
  let result: T;
  try {
    result = await load();
  } catch (error) {
    await rebuild().catch(() => {});
    throw error;
  }
  await rebuild();
  return result;
}
