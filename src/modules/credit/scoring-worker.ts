import { Worker } from 'node:worker_threads';
import type { ChunkScores, IdRange, RecomputeRun, ResidentKey } from './chunk-scores';

export interface ScoringWorkerData {
  file: string;
  run: RecomputeRun;
}

export type ScoringRequest =
  | { kind: 'score'; id: number; keys: readonly ResidentKey[]; range: IdRange }
  | { kind: 'close' };

/** That the worker is ready; a chunk's scores, with the milliseconds the worker spent on them; or why it could not. */
export type ScoringReply =
  | { ready: true }
  | { id: number; chunk: ChunkScores; ms: number }
  | { id: number; error: string };

/** What the worker answers: the scores and the milliseconds it spent on them. */
export interface ScoredAhead {
  chunk: ChunkScores;
  ms: number;
}

/** A worker thread that reads and scores chunks of a population recompute on its own connection. */
export interface ScoringWorker {
  /** Whether the worker has loaded and opened the file (until then a chunk asked for waits). */
  readonly ready: boolean;
  /** Settles when the worker is ready or has failed. */
  started(): Promise<void>;
  /** Reads and scores one chunk or part (`readChunkScores`) in a snapshot the worker takes when it starts on it. */
  score(keys: readonly ResidentKey[], range: IdRange): Promise<ScoredAhead>;
  /** Ends the worker (its connection closes first); answers every chunk still asked for with an error. */
  close(): Promise<void>;
}

// Plain JavaScript evaluated in the worker, as for the WAL checkpoints: it registers tsx's loader (a dependency:
// the CLI, `npm start`, tests and benchmarks all run the TypeScript sources) and then loads the worker's module.
// Registering again where the parent's `--import tsx` already did is harmless.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((api) => api.register()).then(() => import(workerData.entry));
`;

/**
 * Starts a scoring worker on SQLite file `file` (absolute path) for `run`. The caller must `close()` it, after the
 * last chunk and on any failure: a running worker keeps the process alive.
 * @example const worker = startScoringWorker('/srv/var/sanqu.db', run);
 * try { const { chunk } = await worker.score(keys, rangeOf(keys)); … } finally { await worker.close(); }
 */
export function startScoringWorker(file: string, run: RecomputeRun): ScoringWorker {
  const data: ScoringWorkerData & { tsx: string; entry: string } = {
    file,
    run,
    tsx: import.meta.resolve('tsx/esm/api'),
    entry: new URL('./scoring-worker-thread.ts', import.meta.url).href,
  };
  const worker = new Worker(BOOTSTRAP, { eval: true, workerData: data });
  const waiting = new Map<
    number,
    { resolve: (scored: ScoredAhead) => void; reject: (error: Error) => void }
  >();
  let nextId = 1;
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    markStarted();
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  let ready = false;
  let markStarted = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  worker.on('message', (reply: ScoringReply) => {
    if ('ready' in reply) {
      ready = true;
      markStarted();
      return;
    }
    const asked = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('chunk' in reply) asked?.resolve({ chunk: reply.chunk, ms: reply.ms });
    else asked?.reject(new Error(`scoring worker: ${reply.error}`));
  });
  worker.on('error', (error) => fail(error));
  const exited = new Promise<void>((resolve) =>
    worker.on('exit', () => {
      fail(new Error('scoring worker: stopped'));
      resolve();
    }),
  );
  let closing: Promise<void> | null = null;
  return {
    get ready() {
      return ready && !failure;
    },
    started: () => started,
    score(keys, range) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      const reply = new Promise<ScoredAhead>((resolve, reject) => waiting.set(id, { resolve, reject }));
      worker.postMessage({ kind: 'score', id, keys, range } satisfies ScoringRequest);
      return reply;
    },
    close() {
      closing ??= (async () => {
        // Idle: it closes its connection and ends. Busy (a failed run leaves chunks asked for) or failed: stopped.
        if (failure || waiting.size > 0) await worker.terminate();
        else worker.postMessage({ kind: 'close' } satisfies ScoringRequest);
        await exited;
      })();
      return closing;
    },
  };
}
