import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditTables } from '../../kernel/audit/audit.tables';
import { tablesOf } from '../../kernel/db';
import { silentProgress } from '../../kernel/progress';
import { openPlatform } from '../../platform';
import { seedCity } from '../../seed';
import { runSanqu } from '../cli-test-support';

const dir = mkdtempSync(join(tmpdir(), 'sanqu-import-'));
const file = join(dir, 'import.db');
const env = { ...process.env, SANQU_DB: file, DATABASE_URL: '' };
let residents: string[] = [];

/** Runs the real `sanqu` command in a child process, as an operator would. */
const sanqu = (...args: string[]) => runSanqu(env, ...args);

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const event = (eventId: string, subjectId: string, behaviour = 'bus_trip', amount = 1) => ({
  eventId,
  subjectId,
  behaviour,
  amount,
  occurredAt: hoursAgo(2),
});

async function balances() {
  const platform = await openPlatform({ dialect: 'sqlite', file });
  try {
    const all = await Promise.all(residents.map((r) => platform.carbon.behaviours.pointsBalance(r)));
    return { total: all.reduce((a, b) => a + b, 0), trial: await platform.ledger.trialBalance() };
  } finally {
    await platform.database.close();
  }
}

beforeAll(async () => {
  const platform = await openPlatform({ dialect: 'sqlite', file });
  await seedCity(platform, {
    scale: 'demo',
    seed: 6,
    sizes: { residents: 300, enterprises: 10 },
    progress: silentProgress,
  });
  residents = (await platform.registry.residentsAfter({ limit: 3 })).map((r) => r.residentId);
  await platform.database.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sanqu carbon import', () => {
  it('imports NDJSON, writes the rejects with reasons, credits the points, and imports nothing twice', async () => {
    const ndjson = join(dir, 'events.ndjson');
    const rejects = join(dir, 'rejects.ndjson');
    writeFileSync(
      ndjson,
      [
        JSON.stringify(event('n1', residents[0]!)),
        '',
        JSON.stringify(event('n2', residents[1]!, 'metro_km', 12.5)),
        '{"eventId": "n3", broken',
        JSON.stringify(event('n4', residents[2]!, 'teleport')),
        JSON.stringify(event('n5', residents[2]!, 'paperless_bill')),
      ].join('\n'),
    );
    const first = sanqu(
      'carbon',
      'import',
      ndjson,
      '--source',
      'transit',
      '--rejects',
      rejects,
      '--lang',
      'en',
    );
    expect(first.stderr).not.toMatch(/Error/);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/5 events, 3 accepted, 0 duplicate, 2 rejected; [\d,]+ points credited/);
    const rejected = readFileSync(rejects, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rejected.map((r) => [r.line, r.reason.code])).toEqual([
      [4, 'malformed_line'],
      [5, 'unknown_behaviour'],
    ]);
    expect(rejected[1].event).toMatchObject({ eventId: 'n4', behaviour: 'teleport' });
    expect(rejected[1].reason.message).toMatch(/unknown behaviour code teleport/);
    const after = await balances();
    expect(after.total).toBeGreaterThan(0);
    expect(after.trial.find((r) => r.currency === 'POINTS')).toMatchObject({
      total: 0,
      accountsOutOfLine: 0,
    });

    const again = sanqu('carbon', 'import', ndjson, '--source', 'transit');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/5 events, 0 accepted, 3 duplicate, 2 rejected; 0 points credited/);
    expect((await balances()).total).toBe(after.total);
  });

  it('audits the import as the OS user and process that ran it, not as nobody', async () => {
    const platform = await openPlatform({ dialect: 'sqlite', file });
    try {
      const entries = await tablesOf<AuditTables>(platform.database.db)
        .selectFrom('audit_log')
        .select(['actor_id', 'actor_role'])
        .where('action', 'in', ['carbon.behaviours.ingest', 'carbon.points.credit'])
        .execute();
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        expect(entry.actor_id?.startsWith(`cli:${userInfo().username}@`)).toBe(true);
        expect(entry.actor_role).toBe('cli');
      }
    } finally {
      await platform.database.close();
    }
  });

  it('imports a JSON array the same way; another source has its own ids', async () => {
    const array = join(dir, 'events.json');
    writeFileSync(array, JSON.stringify([event('n1', residents[0]!), event('a2', residents[1]!)]));
    const run = sanqu('carbon', 'import', array, '--source', 'recycler-east');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/2 events, 2 accepted, 0 duplicate, 0 rejected/);
  });

  it('refuses a malformed source name and a missing file', () => {
    const bad = sanqu('carbon', 'import', join(dir, 'events.json'), '--source', 'Bad Source');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--source/);
    const missing = sanqu('carbon', 'import', join(dir, 'nope.ndjson'), '--source', 'transit');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nope\.ndjson/);
  });
});
