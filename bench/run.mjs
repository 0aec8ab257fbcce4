#!/usr/bin/env node
// Runs the benchmarks: `node bench/run.mjs <name> [...]` runs bench/<name>.ts (through tsx) or bench/<name>.mjs;
// with no name it runs them all. Each benchmark prints `RESULT <figure> <value> <unit> ratio=<r> baseline=<b>`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..');

const available = readdirSync(benchDir)
  .filter((file) => /\.(ts|mjs)$/.test(file) && file !== 'run.mjs' && !file.endsWith('.d.ts'))
  .map((file) => file.replace(/\.(ts|mjs)$/, ''))
  .sort();

const requested = process.argv.slice(2);
const names = requested.length > 0 ? requested : available;
const unknown = names.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}\navailable: ${available.join(', ')}`);
  process.exit(2);
}

let failed = 0;
for (const name of names) {
  const typescript = existsSync(join(benchDir, `${name}.ts`));
  const file = join(benchDir, typescript ? `${name}.ts` : `${name}.mjs`);
  console.log(`\n== bench ${name}`);
  // The full-city seed keeps millions of rows in memory for its baseline: allow a larger heap than the default.
  // The young generation is sized as `npm start` sizes the server's (docs/operations.md).
  const args = [
    '--max-old-space-size=8192',
    '--max-semi-space-size=64',
    ...(typescript ? ['--import', 'tsx'] : []),
    file,
  ];
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`bench ${name} failed (exit ${run.status ?? run.signal})`);
    failed++;
  }
}
process.exit(failed > 0 ? 1 : 0);
