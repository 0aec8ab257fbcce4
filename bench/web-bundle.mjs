#!/usr/bin/env node
// Size of the JavaScript the browser must fetch before the first page renders:
// the entry script of dist/web/index.html plus its modulepreload links, each gzipped (level 9).
// Baseline: the 350 kB gzip budget for the initial load; ratio < 1 is within budget.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

const BASELINE_KB = 350;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const webDir = join(root, 'dist/web');

const build = spawnSync(process.execPath, [join(root, 'scripts/build-web-if-stale.mjs')], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (build.status !== 0) {
  console.error('web-bundle: building dist/web failed');
  process.exit(1);
}

const html = readFileSync(join(webDir, 'index.html'), 'utf8');
const entryScripts = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map(
  (m) => m[1],
);
const preloads = [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map(
  (m) => m[1],
);
const initial = [...new Set([...entryScripts, ...preloads])].filter((src) => src.startsWith('/'));
if (initial.length === 0) {
  console.error('web-bundle: no module script found in dist/web/index.html');
  process.exit(1);
}

const files = initial.map((src) => {
  const bytes = readFileSync(join(webDir, src));
  const gzipBytes = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
  return { src, gzipKb: gzipBytes / 1000 };
});
const totalKb = files.reduce((sum, file) => sum + file.gzipKb, 0);

console.log(
  `web initial JS (gzip -9): ${files.map((file) => `${file.src} ${file.gzipKb.toFixed(2)} kB`).join(', ')}`,
);
console.log(
  `RESULT web_initial_js_gzip ${totalKb.toFixed(2)} kB ratio=${(totalKb / BASELINE_KB).toFixed(3)} baseline=${BASELINE_KB}`,
);
