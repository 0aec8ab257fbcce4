import { spawnSync } from 'node:child_process';

/**
 * Runs the real CLI (`bin/sanqu.mjs`) in a child process with the environment `env` — which names the test's
 * database — and answers its exit status and output.
 */
export function runSanqu(env: NodeJS.ProcessEnv, ...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/sanqu.mjs', ...args], {
    encoding: 'utf8',
    env,
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
