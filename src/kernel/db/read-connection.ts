import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { SanquDatabase } from './connect';
import { cachedStatement } from './statement-cache';
import type { AnyDb } from './tables-of';

/** A read-only second connection to a SQLite file; `readTransaction` runs reads in one snapshot. */
export interface ReadConnection extends SanquDatabase {
  readTransaction<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * A second connection to the SQLite file `file` for reads on another thread (a worker that reads while the
 * platform's connection writes): it refuses writes (`query_only`). Its `db` only builds queries for `forEachRow` and
 * the like; it has no WAL checkpoints of its own (the platform's connection keeps those). No memory map: alone a
 * walk reads a fifth faster through one, but on a thread beside the platform's (page faults and the V8 heap share
 * the process's address-space lock) a population recompute took a quarter longer with it than without.
 * @example const reader = openReadConnection('var/sanqu.db'); await reader.readTransaction(() => forEachRow(reader, reader.db, query, each));
 */
export function openReadConnection(file: string): ReadConnection {
  const sqlite = new SQLite(file, { fileMustExist: true });
  sqlite.pragma('query_only = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<object>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    dialect: 'sqlite',
    db,
    sqlite,
    pool: null,
    async readTransaction(work) {
      cachedStatement(sqlite, 'begin').run();
      try {
        return await work();
      } finally {
        cachedStatement(sqlite, 'commit').run();
      }
    },
    close: async () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

/**
 * SQLite: takes the write lock for the caller's transaction now, before it reads (a statement that writes nothing
 * still begins the write transaction), so no other connection can commit until it ends — a reader on another
 * connection that starts after this sees what the transaction sees. `table` is any table the caller may write.
 * PostgreSQL: nothing (its writers lock rows, not the database).
 */
export function holdWriteLock(database: SanquDatabase, _trx: AnyDb, table: string): void {
  if (!database.sqlite) return;
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`holdWriteLock: not a plain identifier: ${table}`);
  cachedStatement(database.sqlite, `delete from ${table} where 0`).run();
}

/**
 * What the platform's SQLite connection has seen of the database: the same value twice means nothing was committed
 * in between by another connection and nothing written by this one (`PRAGMA data_version`, `total_changes()`).
 * Null on PostgreSQL. Read it inside a transaction that holds the write lock to pin the database's state.
 */
export function writeStamp(database: SanquDatabase): string | null {
  if (!database.sqlite) return null;
  // Prepared each time: once per chunk of a recompute, and a pluck statement in the shared cache would surprise.
  const version = database.sqlite.pragma('data_version', { simple: true });
  const changes = database.sqlite.prepare('select total_changes()').pluck().get();
  return `${version}:${changes}`;
}
