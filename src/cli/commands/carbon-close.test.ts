import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentProgress } from '../../kernel/progress';
import { plantEvents, previousMonth } from '../../modules/carbon/close-fixtures';
import { shanghaiMonth } from '../../modules/carbon/periods';
import { openPlatform } from '../../platform';
import { seedCity } from '../../seed';
import { runSanqu } from '../cli-test-support';

const dir = mkdtempSync(join(tmpdir(), 'sanqu-close-'));
const file = join(dir, 'close.db');
const env = { ...process.env, SANQU_DB: file, DATABASE_URL: '' };
const period = previousMonth();

/** Runs the real `sanqu` command in a child process, as an operator would. */
const sanqu = (...args: string[]) => runSanqu(env, ...args);

beforeAll(async () => {
  const platform = await openPlatform({ dialect: 'sqlite', file });
  await seedCity(platform, {
    scale: 'demo',
    seed: 4,
    sizes: { residents: 300, enterprises: 10 },
    progress: silentProgress,
  });
  const [resident] = await platform.registry.residentsAfter({ limit: 1 });
  await plantEvents(platform, [
    {
      subjectId: resident!.residentId,
      day: `${period}-10`,
      grams: 25_000,
      points: 2_500,
      expiresOn: '2028-01-01',
    },
  ]);
  await platform.database.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sanqu carbon close', () => {
  it('closes an ended month and prints a summary; a second run is a second run', () => {
    const first = sanqu('carbon', 'close', '--period', period);
    expect(first.stderr).not.toMatch(/sanqu:/);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^closed ${period} in [\\d.]+ s \\(run [0-9a-f-]{36}\\)$`, 'm'));
    expect(first.stdout).toMatch(/^personal: 1 residents, 1 events, 0\.025 t CO2e reduced, 2,500 points$/m);
    expect(first.stdout).toMatch(/^farms \(\d{4}\): \d+; labels \{"碳中和":\d+,"近零":\d+,"减排中":\d+\}$/m);
    const second = sanqu('carbon', 'close', '--period', period);
    expect(second.status).toBe(0);
    const runId = (out: string) => /\(run ([0-9a-f-]{36})\)/.exec(out)?.[1];
    expect(runId(second.stdout)).not.toBe(runId(first.stdout));
    expect(second.stdout.split('\n').slice(1)).toEqual(first.stdout.split('\n').slice(1));
  });

  it('refuses the current month and malformed periods, saying why', () => {
    const current = shanghaiMonth(new Date());
    const now = sanqu('carbon', 'close', '--period', current);
    expect(now.status).toBe(1);
    expect(now.stderr).toContain(`${current} has not ended yet`);
    const bad = sanqu('carbon', 'close', '--period', '2026-3');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('YYYY-MM');
    expect(sanqu('carbon', 'close').stderr).toContain('--period');
  });
});
