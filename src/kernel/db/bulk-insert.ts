import { sql } from 'kysely';
import type { SanquDatabase } from './connect';

export type BulkValue = string | number | null;

/**
 * Inserts many rows fast: one prepared statement in one transaction on SQLite,
 * multi-row INSERTs of up to ~60k parameters per statement on PostgreSQL.
 * Used by seed, import and close paths; callers pass rows as arrays in `columns` order.
 * At city scale on PostgreSQL this becomes COPY (see docs/architecture.md).
 */
export async function bulkInsert(
  database: SanquDatabase,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly BulkValue[])[],
): Promise<void> {
  if (rows.length === 0) return;
  assertIdentifier(table);
  for (const c of columns) assertIdentifier(c);
  if (database.sqlite) {
    const placeholders = columns.map(() => '?').join(', ');
    const statement = database.sqlite.prepare(
      `insert into ${table} (${columns.join(', ')}) values (${placeholders})`,
    );
    database.sqlite.transaction(() => {
      for (const row of rows) statement.run(row);
    })();
    return;
  }
  const perStatement = Math.max(1, Math.floor(60_000 / columns.length));
  await database.db.transaction().execute(async (trx) => {
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const values = sql.join(chunk.map((row) => sql`(${sql.join(row.map((v) => sql`${v}`))})`));
      await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${values}`.execute(
        trx,
      );
    }
  });
}

function assertIdentifier(name: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bulkInsert: not a plain identifier: ${name}`);
}
