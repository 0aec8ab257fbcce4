#!/usr/bin/env node
// Builds the web app (dist/web) only when a source under web/ or package-lock.json is newer than the last build.
// Run before `npm start` and `npm test` so the server always serves current assets without rebuilding every time.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = join(root, 'dist/web/index.html');
// This script counts as a source too: a change in how the app is built must rebuild it.
const sources = [join(root, 'web'), join(root, 'package-lock.json'), fileURLToPath(import.meta.url)];

/** Newest modification time (ms) of a file or of any file below a directory; 0 if absent. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows only as a newer directory mtime
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map(newestMtime));

if (builtAt > 0 && builtAt >= sourcesAt) {
  console.log('web: dist/web is up to date, skipped build');
  process.exit(0);
}

const reason = builtAt === 0 ? 'dist/web/index.html is missing' : 'sources changed since the last build';
console.log(`web: building dist/web (${reason})`);
const vite = join(root, 'node_modules/.bin', process.platform === 'win32' ? 'vite.cmd' : 'vite');
const result = spawnSync(vite, ['build', '--config', 'web/vite.config.ts'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
  // Callers such as vitest set NODE_ENV=test, which would make Vite bundle React's development build.
  env: { ...process.env, NODE_ENV: 'production' },
});
if (result.error) {
  console.error(`web: could not run vite: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
