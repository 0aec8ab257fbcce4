import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DialectName, openDatabase, type SanquDatabase } from './connect';

/**
 * The dialects the test suite runs on: SQLite always, PostgreSQL too when SANQU_TEST_PG holds a URL.
 * Shared by every service and API test (one contract suite for both dialects).
 */
export const testDialects: DialectName[] = process.env.SANQU_TEST_PG ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase extends SanquDatabase {
  /** Closes the connection and deletes the database (file or PostgreSQL database). */
  dispose(): Promise<void>;
}

/** Opens a fresh, empty database of `dialect`: a temp file, or a new PostgreSQL database. */
export async function openTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sanqu-test-'));
    const database = openDatabase({ dialect: 'sqlite', file: join(dir, 'test.db') });
    return {
      ...database,
      dispose: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.SANQU_TEST_PG;
  if (!adminUrl) throw new Error('SANQU_TEST_PG is not set');
  const name = `sanqu_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin(adminUrl, (admin) => admin.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openDatabase({ dialect: 'postgres', url: url.toString() });
  return {
    ...database,
    dispose: async () => {
      await database.close();
      await withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
