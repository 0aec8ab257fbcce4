import { sql } from 'kysely';
import type { BulkValue } from './bulk-insert';
import type { SanquDatabase } from './connect';
import { cachedStatement } from './statement-cache';
import type { AnyDb } from './tables-of';

/** Bound values per PostgreSQL statement (its limit is 65,535). */
const PG_PARAMETERS = 60_000;

function assertIdentifier(name: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`insert rows: not a plain identifier: ${name}`);
}

async function writeRows(
  database: SanquDatabase,
  trx: AnyDb,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly BulkValue[])[],
  onConflict: string,
): Promise<void> {
  if (rows.length === 0) return;
  for (const name of [table, ...columns]) assertIdentifier(name);
  const into = `insert into ${table} (${columns.join(', ')})`;
  if (database.sqlite) {
    const statement = cachedStatement(
      database.sqlite,
      `${into} values (${columns.map(() => '?').join(', ')})${onConflict}`,
    );
    for (const row of rows) statement.run(row);
    return;
  }
  const perStatement = Math.max(1, Math.floor(PG_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const values = sql.join(
      rows.slice(start, start + perStatement).map((row) => sql`(${sql.join(row.map((v) => sql`${v}`))})`),
    );
    await sql`${sql.raw(into)} values ${values}${sql.raw(onConflict)}`.execute(trx);
  }
}

/**
 * Inserts `rows` (arrays in `columns` order) into `table` inside the caller's transaction `trx`: on SQLite one
 * cached prepared statement per row (no round trips; the raw handle shares the connection and so the open
 * transaction), on PostgreSQL multi-row statements. For bulk paths that write thousands of rows per transaction.
 * @example await insertRows(database, trx, 'history', ['resident_id', 'score'], [['A', 610], ['B', 590]]);
 */
export function insertRows(
  database: SanquDatabase,
  trx: AnyDb,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly BulkValue[])[],
): Promise<void> {
  return writeRows(database, trx, table, columns, rows, '');
}

/**
 * Inserts `rows` into `table` inside `trx`, or replaces the other columns of the row already holding a row's
 * `key` (INSERT … ON CONFLICT (key) DO UPDATE): a current-value table rewritten in place, without deleting first.
 * `key` must be a unique key of the table and among `columns`; a batch must not repeat a key (PostgreSQL refuses).
 * @example await upsertRows(database, trx, 'scores', ['resident_id', 'score'], ['resident_id'], [['A', 610]]);
 */
export async function upsertRows(
  database: SanquDatabase,
  trx: AnyDb,
  table: string,
  columns: readonly string[],
  key: readonly string[],
  rows: readonly (readonly BulkValue[])[],
): Promise<void> {
  for (const name of key) {
    assertIdentifier(name);
    if (!columns.includes(name)) throw new Error(`upsert rows: key ${name} not among the columns`);
  }
  const others = columns.filter((c) => !key.includes(c));
  const action =
    others.length === 0
      ? 'do nothing'
      : `do update set ${others.map((c) => `${c} = excluded.${c}`).join(', ')}`;
  return writeRows(database, trx, table, columns, rows, ` on conflict (${key.join(', ')}) ${action}`);
}

/**
 * Rewrites rows of `table` that exist, found by `key`, inside the caller's transaction `trx`: each row holds the
 * values of `columns` and then of `key`. On SQLite one cached prepared UPDATE per row (about a fifth cheaper than
 * an upsert, which tries the insert first); on PostgreSQL the same rows as multi-row upserts (a round trip per row
 * would cost more), so there a row whose key is gone is inserted again: give every column a new row needs.
 * @example await updateRows(database, trx, 'scores', ['score', 'tier'], ['resident_id'], [[610, 'good', 'A']]);
 */
export async function updateRows(
  database: SanquDatabase,
  trx: AnyDb,
  table: string,
  columns: readonly string[],
  key: readonly string[],
  rows: readonly (readonly BulkValue[])[],
): Promise<void> {
  if (rows.length === 0) return;
  for (const name of [table, ...columns, ...key]) assertIdentifier(name);
  if (columns.length === 0 || key.length === 0 || columns.some((c) => key.includes(c)))
    throw new Error('update rows: name the columns to set and, apart from them, the key');
  if (database.sqlite) {
    const statement = cachedStatement(
      database.sqlite,
      `update ${table} set ${columns.map((c) => `${c} = ?`).join(', ')} where ${key.map((c) => `${c} = ?`).join(' and ')}`,
    );
    for (const row of rows) statement.run(row);
    return;
  }
  const action = `do update set ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`;
  return writeRows(
    database,
    trx,
    table,
    [...columns, ...key],
    rows,
    ` on conflict (${key.join(', ')}) ${action}`,
  );
}
