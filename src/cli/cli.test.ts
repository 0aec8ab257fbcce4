import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSanqu } from './cli-test-support';

const dir = mkdtempSync(join(tmpdir(), 'sanqu-cli-'));
const env = { ...process.env, SANQU_DB: join(dir, 'cli.db'), DATABASE_URL: '' };

/** Runs the real `sanqu` command in a child process, as a user would. */
const sanqu = (...args: string[]) => runSanqu(env, ...args);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sanqu check-id', () => {
  it('prints a line per value and exits 0 when all are valid', () => {
    const run = sanqu('check-id', '11010519491231002X', '91110000600037341L', '13812345678');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      '11010519491231002X\tvalid\tresident_id',
      '91110000600037341L\tvalid\tuscc',
      '13812345678\tvalid\tmobile',
    ]);
  });

  it('names the reason and exits 1 when any is invalid', () => {
    const run = sanqu('check-id', '--lang', 'en', '110105194912310021', '11010519491231002X');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^110105194912310021\tinvalid\tresident_id\tcheck digit should be X, found 1$/m,
    );
    expect(run.stdout).toMatch(/^11010519491231002X\tvalid/m);
  });
});

describe('sanqu workdays', () => {
  it('skips the National Day holiday, not counting the start day', () => {
    expect(sanqu('workdays', '2026-09-30', '1').stdout.trim()).toBe('2026-10-08');
    expect(sanqu('workdays', '2026-11-27', '1').stdout.trim()).toBe('2026-11-30');
  });

  it('counts a year without its notice on the provisional calendar, and says so on stderr', () => {
    const run = sanqu('workdays', '2026-12-31', '1');
    expect(run.stdout.trim()).toBe('2027-01-04');
    expect(run.stderr).toContain('2027 on the provisional calendar');
    expect(sanqu('workdays', '2026-11-27', '1').stderr).toBe('');
  });

  it('says clearly when a year has no published calendar', () => {
    const run = sanqu('workdays', '2037-03-02', '5');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2037');
    expect(run.stderr).toContain('data/calendar');
  });

  it('rejects a malformed date', () => {
    const run = sanqu('workdays', '2026-13-01', '1');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/YYYY-MM-DD/);
  });
});

describe('database commands', () => {
  beforeAll(() => {
    expect(sanqu('migrate').status).toBe(0);
  });

  it('migrate is idempotent', () => {
    expect(sanqu('migrate').stdout).toContain('database is up to date');
  });

  it('users create adds an account, audited', () => {
    const run = sanqu(
      'users',
      'create',
      '--username',
      'ops-lin',
      '--display-name',
      '林运维',
      '--role',
      'admin',
      '--password',
      'Ops2026pass',
    );
    expect(run.stdout).toMatch(/^created ops-lin \(admin\)/);
    const again = sanqu(
      'users',
      'create',
      '--username',
      'ops-lin',
      '--display-name',
      'x',
      '--role',
      'admin',
      '--password',
      'Ops2026pass',
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already taken/);
  });

  it('audit verify says OK, then names the row someone edited', () => {
    sanqu(
      'users',
      'create',
      '--username',
      'ops-wang',
      '--display-name',
      '王',
      '--role',
      'auditor',
      '--password',
      'Ops2026pass',
    );
    expect(sanqu('audit', 'verify').stdout).toMatch(/^OK: \d+ audit rows/);
    const db = new Database(env.SANQU_DB);
    db.exec('drop trigger audit_log_no_update');
    db.prepare("update audit_log set action = 'forged' where seq = 1").run();
    db.close();
    const run = sanqu('audit', 'verify');
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^BROKEN at row 1 \(hash\)/);
  });

  it('backup writes a consistent copy and refuses to overwrite', () => {
    const target = join(dir, 'backup.db');
    expect(sanqu('backup', target).stdout).toContain('backup written');
    expect(existsSync(target)).toBe(true);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('select count(*) as n from auth_users').get()).toEqual({ n: 2 });
    copy.close();
    expect(sanqu('backup', target).status).toBe(1);
  });

  it('--help lists every command', () => {
    const help = sanqu('--help').stdout;
    for (const command of ['serve', 'migrate', 'seed', 'check-id', 'workdays', 'audit', 'backup', 'users']) {
      expect(help).toContain(command);
    }
  });
});
