export { type BulkValue, bulkInsert } from './bulk-insert';
export { insertNew, type KeyedSelect, type KeyGroup, selectByKeyGroups, selectByKeys } from './bulk-write';
export {
  type DatabaseConfig,
  type DialectName,
  databaseConfigFromEnv,
  openDatabase,
  type SanquDatabase,
} from './connect';
export {
  addAppendOnlyGuard,
  addSerialPrimaryKey,
  addTruncateGuard,
  isTransientConflict,
  isUniqueViolation,
  joinedInGroup,
  serializeWithinTransaction,
} from './dialect';
export { forEachRow } from './for-each-row';
export { insertRows, updateRows, upsertRows } from './insert-rows';
export {
  appliedMigrations,
  collectMigrations,
  type Migration,
  type MigrationContext,
  type MigrationSource,
  migrate,
  type NamedMigration,
} from './migrations';
export { holdWriteLock, openReadConnection, type ReadConnection, writeStamp } from './read-connection';
export { withIndexesRebuilt } from './rebuild-indexes';
export { cachedStatement } from './statement-cache';
export { type AnyDb, tablesOf } from './tables-of';
