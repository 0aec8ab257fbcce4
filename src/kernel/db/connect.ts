import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { statementCachingConnection } from './statement-cache';
import { startWalCheckpoints } from './wal-checkpoints';

export type DialectName = 'sqlite' | 'postgres';

/** Where the database lives: an embedded SQLite file, or a PostgreSQL URL. */
export type DatabaseConfig = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

/**
 * An open database: the Kysely instance plus the few facts the kernel needs about it.
 * `Tables` is left open on purpose: each module narrows it to its own tables (see `tablesOf`).
 */
export interface SanquDatabase {
  readonly dialect: DialectName;
  readonly db: Kysely<object>;
  /** The raw better-sqlite3 handle for bulk paths (null on PostgreSQL). */
  readonly sqlite: SQLite.Database | null;
  /** The pg pool for bulk paths and pool metrics (null on SQLite). */
  readonly pool: pg.Pool | null;
  close(): Promise<void>;
}

// int8 (count(*), sum of bigint) would otherwise arrive as strings; our integers stay below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));
// numeric (sum over bigint) likewise: amounts are integer fen/points/grams, exact below 2^53.
pg.types.setTypeParser(1700, (value) => Number(value));

/** Reads the configuration from the environment: `DATABASE_URL` (postgres) wins over `SANQU_DB` (file). */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  if (url)
    throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for SQLite)');
  return { dialect: 'sqlite', file: env.SANQU_DB ?? 'var/sanqu.db' };
}

/** The platform connection's SQLite page cache, in KiB. */
const PAGE_CACHE_KIB = 65_536;

export function openDatabase(config: DatabaseConfig): SanquDatabase {
  if (config.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // An idle connection the server closed (restart, failover) is dropped from the pool; the next query opens a
    // new one. Without a listener that event would crash the process.
    pool.on('error', () => {});
    const db = new Kysely<object>({ dialect: new PostgresDialect({ pool }) });
    return { dialect: 'postgres', db, sqlite: null, pool, close: () => db.destroy() };
  }
  if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
  const sqlite = new SQLite(config.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite's default page cache is 2 MB: at city size the indexes a request touches (events by subject and day,
  // accounts, wallets) no longer stay in it, and each write reads its pages back from the OS. 64 MB keeps them.
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  const db = new Kysely<object>({
    dialect: new SqliteDialect({ database: statementCachingConnection(sqlite) }),
  });
  if (config.file === ':memory:')
    return { dialect: 'sqlite', db, sqlite, pool: null, close: () => db.destroy() };
  // Checkpoints run on a worker thread (wal-checkpoints.ts), not inside the commit of whichever request takes the
  // WAL past 1,000 pages.
  const checkpoints = startWalCheckpoints(sqlite, resolve(config.file));
  return {
    dialect: 'sqlite',
    db,
    sqlite,
    pool: null,
    // The worker's connection closes first, so the platform's is the last: SQLite then checkpoints and deletes the WAL.
    close: async () => {
      await checkpoints.stop();
      await db.destroy();
      // Kysely closes the handle only if it ever ran a query through it.
      if (sqlite.open) sqlite.close();
    },
  };
}
