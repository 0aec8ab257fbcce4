import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SanquDatabase } from './connect';
import { forEachRow } from './for-each-row';
import { holdWriteLock, openReadConnection, writeStamp } from './read-connection';

interface Tables {
  t: { k: string; v: number };
}

describe('a read connection, the write lock and the write stamp (SQLite)', () => {
  let dir: string;
  let file: string;
  let database: SanquDatabase;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sanqu-read-'));
    file = join(dir, 'a.db');
    database = openDatabase({ dialect: 'sqlite', file });
    await sql`create table t (k text primary key, v integer not null)`.execute(database.db);
    await sql`insert into t values ('a', 1), ('b', 2)`.execute(database.db);
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads in one snapshot and refuses writes', async () => {
    const reader = openReadConnection(file);
    try {
      const seen: unknown[][] = [];
      const rows = () => (reader.db as Kysely<Tables>).selectFrom('t').select(['k', 'v']).orderBy('k');
      await reader.readTransaction(async () => {
        await forEachRow(reader, reader.db, rows(), (row) => seen.push(row));
        await sql`update t set v = 10 where k = 'a'`.execute(database.db);
        await forEachRow(reader, reader.db, rows(), (row) => seen.push(row));
      });
      expect(seen).toEqual([
        ['a', 1],
        ['b', 2],
        ['a', 1],
        ['b', 2],
      ]);
      expect(reader.sqlite!.prepare("select v from t where k = 'a'").pluck().get()).toBe(10);
      expect(() => reader.sqlite!.prepare("delete from t where k = 'a'").run()).toThrow(
        /readonly|read-only/i,
      );
    } finally {
      await reader.close();
    }
  });

  it('holds the write lock from the first statement, and the stamp moves only with others’ commits or this connection’s writes', async () => {
    const other = new SQLite(file);
    other.pragma('busy_timeout = 0');
    try {
      const before = await database.db.transaction().execute(async (trx) => {
        holdWriteLock(database, trx, 't');
        expect(() => other.prepare("insert into t values ('c', 3)").run()).toThrow(/busy|locked/i);
        return writeStamp(database);
      });
      expect(writeStamp(database)).toBe(before);
      other.prepare("insert into t values ('c', 3)").run();
      const afterOther = writeStamp(database);
      expect(afterOther).not.toBe(before);
      await sql`update t set v = 4 where k = 'c'`.execute(database.db);
      expect(writeStamp(database)).not.toBe(afterOther);
      expect(() => holdWriteLock(database, database.db, 't; drop table t')).toThrow(/identifier/);
    } finally {
      other.close();
    }
  });
});
