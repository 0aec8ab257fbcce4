import type { Kysely, QueryExecutorProvider } from 'kysely';

/**
 * Any Kysely instance or transaction, whatever tables it is typed with. Kysely's types are invariant in the
 * table map, so shared code (audit, locks) takes this and each component narrows it with `tablesOf`.
 */
export type AnyDb = QueryExecutorProvider & { readonly isTransaction: boolean };

/**
 * Narrows a database handle to one component's tables: the single, deliberate cast between components'
 * table types.
 * @example const db = tablesOf<AuditTables>(database.db);
 */
export function tablesOf<Tables>(db: AnyDb): Kysely<Tables> {
  return db as unknown as Kysely<Tables>;
}
