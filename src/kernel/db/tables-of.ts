import type { Kysely } from 'kysely';

/**
 * Narrows the platform's database handle to one component's tables.
 * Each module declares its own table interfaces; this is the single, deliberate cast between them.
 * @example const db = tablesOf<AuditTables>(database.db);
 */
export function tablesOf<Tables>(db: Kysely<object>): Kysely<Tables> {
  return db as unknown as Kysely<Tables>;
}
