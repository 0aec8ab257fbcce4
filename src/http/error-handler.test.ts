import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { isTransientConflict } from '../kernel/db';
import type { SanquApp } from '../kernel/module';
import { installErrorHandling } from './error-handler';

/** The error better-sqlite3 throws when another connection holds the write lock past the busy timeout. */
function realBusyError(directory: string): unknown {
  const file = join(directory, 'busy.db');
  const holder = new Database(file);
  holder.exec('create table if not exists t (x integer)');
  const other = new Database(file, { timeout: 0 });
  holder.exec('begin immediate');
  try {
    other.exec('insert into t values (1)');
    return null;
  } catch (error) {
    return error;
  } finally {
    holder.exec('rollback');
    holder.close();
    other.close();
  }
}

describe('a database too busy to take a write', () => {
  const directory = mkdtempSync(join(tmpdir(), 'sanqu-busy-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('is recognised from SQLite’s real error and PostgreSQL’s lock and serialization codes', () => {
    const error = realBusyError(directory);
    expect((error as { code?: string }).code).toBe('SQLITE_BUSY');
    expect(isTransientConflict(error)).toBe(true);
    for (const code of ['55P03', '40001', '40P01', 'SQLITE_LOCKED'])
      expect(isTransientConflict({ code })).toBe(true);
    for (const error of [
      null,
      'SQLITE_BUSY',
      { code: '23505' },
      { code: 'SQLITE_CONSTRAINT' },
      new Error('x'),
    ])
      expect(isTransientConflict(error)).toBe(false);
  });

  it('answers 503 with Retry-After in the shared shape, in the caller’s language — not 500', async () => {
    const app = Fastify() as unknown as SanquApp;
    installErrorHandling(app, 1024);
    const busy = realBusyError(directory);
    app.get('/write', async () => {
      throw busy;
    });
    const zh = await app.inject('/write');
    expect(zh.statusCode).toBe(503);
    expect(zh.headers['retry-after']).toBe('5');
    expect(zh.json()).toEqual({
      error: { code: 'DATABASE_BUSY', message: '系统正在处理批量任务，请 5 秒后重试', details: [] },
    });
    const en = await app.inject({ url: '/write', headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toBe('The system is busy with a batch job: please retry in 5 seconds');
    await app.close();
  });
});
