import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from './connect';
import { startWalCheckpoints, walCheckpointWorkerRunning } from './wal-checkpoints';

const ROW = Buffer.alloc(4096, 7);
const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);
/** Waits for what another thread does; the timeout is a deadline, not a measurement. */
const eventually = { timeout: 20_000, interval: 20 };

describe('WAL checkpoints on a worker thread', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sanqu-wal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('take over from auto-checkpoints: commits leave the pages in the WAL and the worker copies them back', async () => {
    const file = join(dir, 'a.db');
    const database = openDatabase({ dialect: 'sqlite', file });
    const sqlite = database.sqlite!;
    // SQLite's own checkpoint only past 64 MB (16,384 pages of 4 KB), the WAL's bound.
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(16_384);
    sqlite.exec('create table blobs (id integer primary key, body blob not null)');
    const insert = sqlite.prepare('insert into blobs (body) values (?)');
    for (let i = 0; i < 500; i++) insert.run(ROW);
    // 2 MB of rows: past SQLite's default 1,000-page auto-checkpoint; the database file grows only by the worker.
    await vi.waitFor(() => expect(sizeOf(file)).toBeGreaterThan(2_000_000), eventually);
    expect(sqlite.prepare('select count(*) from blobs').pluck().get()).toBe(500);
    await database.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('keep the WAL bounded under a steady stream of writes: past the size it starts over and is cut back', async () => {
    const file = join(dir, 'b.db');
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec('create table blobs (id integer primary key, body blob not null)');
    const checkpoints = startWalCheckpoints(sqlite, file, { intervalMs: 20, restartBytes: 262_144 });
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(64);
    expect(await checkpoints.now()).toMatchObject({ busy: 0 });
    const insert = sqlite.prepare('insert into blobs (body) values (?)');
    let largest = 0;
    // 3,000 commits, 12 MB of rows, without a pause: a PASSIVE checkpoint alone would never let the WAL start over.
    for (let i = 0; i < 3_000; i++) {
      insert.run(ROW);
      largest = Math.max(largest, sizeOf(`${file}-wal`));
    }
    // The size, plus the commits made while the worker's checkpoint held the connection's off: far below 12 MB.
    expect(largest).toBeLessThan(6_000_000);
    const result = await checkpoints.now();
    expect(result.checkpointed).toBe(result.log);
    await checkpoints.stop();
    sqlite.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('end with the last open database: no thread or timer is left behind', async () => {
    const first = openDatabase({ dialect: 'sqlite', file: join(dir, 'c.db') });
    const second = openDatabase({ dialect: 'sqlite', file: join(dir, 'd.db') });
    expect(walCheckpointWorkerRunning()).toBe(true);
    await first.close();
    expect(walCheckpointWorkerRunning()).toBe(true);
    await second.close();
    await second.close();
    expect(walCheckpointWorkerRunning()).toBe(false);
    const memory = openDatabase({ dialect: 'sqlite', file: ':memory:' });
    expect(walCheckpointWorkerRunning()).toBe(false);
    await memory.close();
  });

  it('leave a file the worker cannot open to its connection, and say so when asked', async () => {
    const sqlite = new SQLite(join(dir, 'e.db'));
    const checkpoints = startWalCheckpoints(sqlite, join(dir, 'missing.db'));
    await expect(checkpoints.now()).rejects.toThrow(/could not open/);
    await checkpoints.stop();
    sqlite.close();
    expect(walCheckpointWorkerRunning()).toBe(false);
  });
});
