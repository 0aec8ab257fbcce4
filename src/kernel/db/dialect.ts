import type { CreateTableBuilder } from 'kysely';
import { type RawBuilder, sql } from 'kysely';
import type { DialectName } from './connect';
import type { AnyDb } from './tables-of';

/**
 * The few places where SQLite and PostgreSQL differ. Module code calls these and never branches on the dialect.
 */

/** Adds an auto-incrementing integer primary key named `column`. */
export function addSerialPrimaryKey<T extends string>(
  table: CreateTableBuilder<T>,
  dialect: DialectName,
  column = 'seq',
): CreateTableBuilder<T> {
  if (dialect === 'postgres') return table.addColumn(column, 'bigserial', (c) => c.primaryKey());
  return table.addColumn(column, 'integer', (c) => c.primaryKey().autoIncrement());
}

/**
 * Serialises writers on `key` until the surrounding transaction ends.
 * SQLite already runs one write transaction at a time; PostgreSQL needs a transaction-scoped advisory lock.
 */
export async function serializeWithinTransaction(trx: AnyDb, dialect: DialectName, key: string) {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/** True when `error` is a unique-constraint violation in either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * A failure that says "another writer holds the database right now", not "this request is wrong": SQLite's busy
 * and locked answers after the busy timeout, PostgreSQL's lock timeout, serialization failure and deadlock. The
 * same request can succeed a moment later, so the API answers 503 with Retry-After instead of a 500.
 */
export function isTransientConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  return (
    code.startsWith('SQLITE_BUSY') ||
    code.startsWith('SQLITE_LOCKED') ||
    ['55P03', '40001', '40P01'].includes(code)
  );
}

/**
 * Makes `table` append-only: UPDATE and DELETE are refused by a trigger. Someone with raw database access
 * can still drop the trigger, which is why the audit log is hash-chained as well.
 */
export async function addAppendOnlyGuard(db: AnyDb, dialect: DialectName, table: string) {
  const message = `${table} is append-only`;
  if (dialect === 'postgres') {
    await sql
      .raw(
        `create or replace function ${table}_append_only() returns trigger language plpgsql as $$
         begin raise exception '${message}'; end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_append_only before update or delete on ${table}
         for each statement execute function ${table}_append_only()`,
      )
      .execute(db);
    return;
  }
  for (const operation of ['update', 'delete']) {
    await sql
      .raw(
        `create trigger ${table}_no_${operation} before ${operation} on ${table}
         begin select raise(abort, '${message}'); end`,
      )
      .execute(db);
  }
}

/** PostgreSQL's TRUNCATE bypasses row triggers; refuse it too (SQLite has no TRUNCATE). */
export async function addTruncateGuard(db: AnyDb, dialect: DialectName, table: string) {
  if (dialect !== 'postgres') return;
  await sql
    .raw(
      `create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function ${table}_append_only()`,
    )
    .execute(db);
}

/**
 * The text of `expression` over a group's rows joined by `separator`, in the order the rows are read: SQLite's
 * group_concat, PostgreSQL's string_agg. Reading one joined value per group instead of a row per value is what
 * makes a population-wide read fast (a row costs about a microsecond to reach JavaScript).
 */
export function joinedInGroup(dialect: DialectName, expression: RawBuilder<unknown>, separator: string) {
  const joined = dialect === 'postgres' ? sql.raw('string_agg') : sql.raw('group_concat');
  return sql<string>`${joined}(${expression}, ${sql.lit(separator)})`;
}
