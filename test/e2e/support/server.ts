import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

const READY_TIMEOUT_MS = 170_000; // first start migrates and seeds the demo city
const OUTPUT_LIMIT = 64_000;

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Builds dist/web if a web source changed, so the server under test serves the current app. */
export function ensureWebBuilt(): void {
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/build-web-if-stale.mjs')], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0)
    throw new Error('e2e: building the web app failed (scripts/build-web-if-stale.mjs)');
}

/**
 * Starts the real server (`node bin/sanqu.mjs serve`) on a free port with a fresh SQLite file
 * seeded with the demo city, and resolves once `/readyz` answers 200.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sanqu-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['bin/sanqu.mjs', 'serve', '--port', String(port)], {
    cwd: repoRoot,
    env: serverEnv(join(dataDir, 'e2e.db')),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = captureOutput(child);
  const stop = () => stopProcess(child).finally(() => rmSync(dataDir, { recursive: true, force: true }));

  try {
    await waitUntilReady(baseUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

/** A fresh SQLite file (DATABASE_URL would select PostgreSQL, so it is dropped) and the demo city. */
function serverEnv(databaseFile: string): NodeJS.ProcessEnv {
  const { DATABASE_URL: _postgres, ...inherited } = process.env;
  return {
    ...inherited,
    SANQU_DB: databaseFile,
    SANQU_SEED_SCALE: 'demo',
    SANQU_WEB_ROOT: join(repoRoot, 'dist/web'),
  };
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const how = child.exitCode !== null ? `code ${child.exitCode}` : `signal ${child.signalCode}`;
      throw new Error(`e2e: the server exited (${how}) before it was ready. Its output:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `e2e: the server was not ready within ${READY_TIMEOUT_MS / 1000} s. Its output:\n${output()}`,
  );
}

/** Keeps the tail of the child's stdout and stderr for error reports. */
function captureOutput(child: ChildProcess): () => string {
  let text = '';
  const append = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => text || '(no output)';
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('e2e: no free port'))));
    });
  });
}
