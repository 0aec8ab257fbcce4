import { sql } from 'kysely';
import type { BulkValue } from './bulk-insert';
import type { SanquDatabase } from './connect';
import { cachedStatement } from './statement-cache';
import type { AnyDb } from './tables-of';

/**
 * Bulk reads and writes inside a caller's transaction, for paths that touch thousands of rows per request
 * (behaviour ingestion). On SQLite one cached prepared statement runs per row: there are no round trips, and the
 * raw handle shares the connection — and so the open transaction — with Kysely. On PostgreSQL rows travel as a few
 * multi-row statements. Callers pass the transaction they are in; identifiers are checked, values are bound.
 */

const PG_PARAMETERS = 60_000;
function assertIdentifier(name: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bulk write: not a plain identifier: ${name}`);
}

const tupleKey = (values: readonly unknown[]) => values.map(String).join('\u0000');

/**
 * Inserts `rows` (arrays in `columns` order) into `table` inside `trx`, skipping each row that collides with a
 * unique key (INSERT … ON CONFLICT DO NOTHING). Returns, per row, whether it was inserted; `key` names the columns
 * that identify a row in the answer on PostgreSQL.
 * @example const inserted = await insertNew(database, trx, 'events', ['source', 'id', 'n'], ['source', 'id'], rows);
 */
export async function insertNew(
  database: SanquDatabase,
  trx: AnyDb,
  table: string,
  columns: readonly string[],
  key: readonly string[],
  rows: readonly (readonly BulkValue[])[],
): Promise<boolean[]> {
  if (rows.length === 0) return [];
  for (const name of [table, ...columns, ...key]) assertIdentifier(name);
  if (database.sqlite) {
    const statement = cachedStatement(
      database.sqlite,
      `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')}) on conflict do nothing`,
    );
    return rows.map((row) => statement.run(row).changes === 1);
  }
  const keyIndexes = key.map((name) => columns.indexOf(name));
  if (keyIndexes.some((i) => i < 0))
    throw new Error(`bulk write: key ${key.join(', ')} not among the columns`);
  const inserted = new Set<string>();
  const perStatement = Math.max(1, Math.floor(PG_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values = sql.join(chunk.map((row) => sql`(${sql.join(row.map((v) => sql`${v}`))})`));
    const result = await sql<Record<string, unknown>>`insert into ${sql.table(table)} (${sql.join(
      columns.map((c) => sql.ref(c)),
    )}) values ${values} on conflict do nothing returning ${sql.join(key.map((c) => sql.ref(c)))}`.execute(
      trx,
    );
    for (const row of result.rows) inserted.add(tupleKey(key.map((c) => row[c])));
  }
  return rows.map((row) => inserted.has(tupleKey(keyIndexes.map((i) => row[i]))));
}

export interface KeyedSelect {
  table: string;
  /** Text columns compared for equality with each key tuple, e.g. ['subject_id', 'day']. */
  keys: readonly string[];
  /** Columns returned after the key columns. */
  columns: readonly string[];
  /**
   * A fixed extra condition in SQL, written by module code (no user input), e.g. "reversed_at is null"; it may
   * not name the key columns (they are ambiguous in PostgreSQL's join).
   */
  where?: string;
}

/** Key tuples that agree on every key but the first: `firsts` (distinct) each with the same `rest`. */
export interface KeyGroup {
  firsts: readonly string[];
  rest: readonly string[];
}

/**
 * The rows of `spec.table` matching any of `tuples` on `spec.keys`, as arrays `[...keys, ...columns]`: an index
 * probed once per tuple. SQLite runs one statement per group of tuples that differ only in the first key (its
 * values sent as a JSON array); PostgreSQL joins all the tuples sent as text arrays (`unnest`) in one statement.
 * @example await selectByKeys(database, trx, { table: 'accounts', keys: ['subject_id'], columns: ['account_no'] }, [['A'], ['B']]);
 */
export async function selectByKeys(
  database: SanquDatabase,
  trx: AnyDb,
  spec: KeyedSelect,
  tuples: readonly (readonly string[])[],
): Promise<unknown[][]> {
  if (tuples.length === 0) return [];
  const unique = [...new Map(tuples.map((t) => [tupleKey(t), t])).values()];
  if (!database.sqlite) return selectJoined(trx, spec, unique);
  const groups = new Map<string, { firsts: string[]; rest: readonly string[] }>();
  for (const tuple of unique) {
    const rest = tuple.slice(1);
    const key = tupleKey(rest);
    let group = groups.get(key);
    if (!group) {
      group = { firsts: [], rest };
      groups.set(key, group);
    }
    group.firsts.push(tuple[0]!);
  }
  return selectByKeyGroups(database, trx, spec, [...groups.values()]);
}

/**
 * selectByKeys for a caller that has its tuples grouped already (ingestion: residents by day), which spares the
 * per-tuple keys and copies of regrouping ten thousand tuples.
 */
export async function selectByKeyGroups(
  database: SanquDatabase,
  trx: AnyDb,
  spec: KeyedSelect,
  groups: readonly KeyGroup[],
): Promise<unknown[][]> {
  for (const group of groups)
    if (group.rest.length !== spec.keys.length - 1)
      throw new Error(`bulk write: a key group needs ${spec.keys.length - 1} values after the first key`);
  if (!database.sqlite)
    return selectJoined(
      trx,
      spec,
      groups.flatMap((group) => group.firsts.map((first) => [first, ...group.rest])),
    );
  for (const name of [spec.table, ...spec.keys, ...spec.columns]) assertIdentifier(name);
  // The first key's values go in as one JSON array (`in (select value from json_each(?))`), the others are bound.
  // SQLite then probes the index for each value inside one statement, without a JavaScript round per tuple.
  const [first, ...rest] = spec.keys;
  const extra = spec.where ? ` and (${spec.where})` : '';
  const statement = cachedStatement(
    database.sqlite,
    `select ${[...spec.keys, ...spec.columns].join(', ')} from ${spec.table} where ${first} in (select value from json_each(?))${rest
      .map((k) => ` and ${k} = ?`)
      .join('')}${extra}`,
    true,
  );
  const found: unknown[][] = [];
  for (const group of groups) {
    if (group.firsts.length === 0) continue;
    for (const row of statement.all(JSON.stringify(group.firsts), ...group.rest) as unknown[][])
      found.push(row);
  }
  return found;
}

/** PostgreSQL: the distinct `tuples` as text arrays, unnested and joined to the table in one statement. */
async function selectJoined(
  trx: AnyDb,
  spec: KeyedSelect,
  tuples: readonly (readonly string[])[],
): Promise<unknown[][]> {
  for (const name of [spec.table, ...spec.keys, ...spec.columns]) assertIdentifier(name);
  if (tuples.length === 0) return [];
  const extra = spec.where ? ` and (${spec.where})` : '';
  const selected = [...spec.keys, ...spec.columns].map((c) => `t.${c}`).join(', ');
  const arrays = spec.keys.map((_, i) => sql`${tuples.map((t) => t[i]!)}::text[]`);
  const on = spec.keys.map((k) => `t.${k} = k.${k}`).join(' and ');
  const result = await sql<
    Record<string, unknown>
  >`select ${sql.raw(selected)} from ${sql.raw(spec.table)} t join unnest(${sql.join(
    arrays,
  )}) as k(${sql.raw(spec.keys.join(', '))}) on ${sql.raw(on)}${sql.raw(extra)}`.execute(trx);
  return result.rows.map((row) => Object.values(row));
}
