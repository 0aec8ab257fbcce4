import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentProgress } from '../../kernel/progress';
import { openPlatform } from '../../platform';
import { seedCity } from '../../seed';
import { runSanqu } from '../cli-test-support';

const dir = mkdtempSync(join(tmpdir(), 'sanqu-credit-cli-'));
const file = join(dir, 'credit.db');
const env = { ...process.env, SANQU_DB: file, DATABASE_URL: '', CI: 'true' };

/** Runs the real `sanqu` command in a child process, as an operator would. */
const sanqu = (...args: string[]) => runSanqu(env, ...args);

beforeAll(async () => {
  const platform = await openPlatform({ dialect: 'sqlite', file });
  await seedCity(platform, {
    scale: 'demo',
    seed: 5,
    sizes: { residents: 200, enterprises: 2 },
    progress: silentProgress,
  });
  await platform.database.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sanqu credit', () => {
  it('recomputes every adult’s score under the model in force and says how many changed', () => {
    const first = sanqu('credit', 'recompute');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      /^scored \d+ adult residents under model 2026\.1 as of \d{4}-\d{2}-\d{2} in [\d.]+ s; \d+ changed\n$/,
    );
    const again = sanqu('credit', 'recompute');
    expect(again.stdout).toMatch(/; 0 changed\n$/);
  });

  it('refuses an unknown or malformed model version and a malformed period', () => {
    const unknown = sanqu('credit', 'recompute', '--model', '2099.9');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('credit model 2099.9 was not found');
    const malformed = sanqu('credit', 'recompute', '--model', 'latest');
    expect(malformed.status).not.toBe(0);
    expect(malformed.stderr).toContain('expected a model version');
    expect(sanqu('credit', 'green-life', '--period', '2026-13').stderr).toContain('expected YYYY-MM');
  });

  it('imports green-life records of a month with no closed results as nothing', () => {
    const result = sanqu('credit', 'green-life', '--period', '2026-01');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('0 residents read; 0 records added');
  });
});
