export { type BulkValue, bulkInsert } from './bulk-insert';
export { insertNew, type KeyedSelect, selectByKeys } from './bulk-write';
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
  serializeWithinTransaction,
} from './dialect';
export {
  appliedMigrations,
  collectMigrations,
  type Migration,
  type MigrationContext,
  type MigrationSource,
  migrate,
  type NamedMigration,
} from './migrations';
export { type AnyDb, tablesOf } from './tables-of';
