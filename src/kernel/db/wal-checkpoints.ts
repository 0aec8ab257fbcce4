import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/**
 * WAL checkpoints off the request path. SQLite's auto-checkpoint runs inside the commit that takes the WAL past
 * 1,000 pages, so one request in fifty or so paid for copying them back into the database file and syncing it.
 * Here one worker thread per process, with its own connection to each open file, runs a PASSIVE checkpoint every
 * `intervalMs`: it copies what is committed without waiting for or blocking anyone (it never takes the write
 * lock, so the platform's deferred transactions cannot meet a busy writer they do not wait for).
 *
 * A PASSIVE checkpoint alone does not bound the WAL: SQLite starts the WAL over only when a write begins with every
 * frame copied, which under a steady stream of commits never happens. So the platform's connection keeps its
 * auto-checkpoint, at `restartBytes` instead of 4 MB: when the WAL passes that size the committing connection
 * checkpoints (little is left to copy: the worker has done the rest) and the next write starts the WAL over;
 * `journal_size_limit` then cuts the file back to that size. The bound holds even if the worker falls behind or
 * fails; the worker only takes the copying off the requests.
 *
 * The worker is unref'd (it never keeps the process alive) and ends when the last database closes.
 */
export interface WalCheckpointOptions {
  intervalMs: number;
  restartBytes: number;
}

export const DEFAULT_WAL_CHECKPOINTS: WalCheckpointOptions = {
  intervalMs: 100,
  restartBytes: 64 * 1024 * 1024,
};

/** What one checkpoint did, in WAL frames (SQLite's `PRAGMA wal_checkpoint` answer). */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export interface WalCheckpoints {
  /** Runs the worker's PASSIVE checkpoint now and says what it did. */
  now(): Promise<CheckpointResult>;
  /** Closes the worker's connection to the file (the worker ends with the last one). Call before closing the file. */
  stop(): Promise<void>;
}

type Reply =
  | { kind: 'closed'; id: number }
  | { kind: 'checkpointed'; id: number; result: CheckpointResult }
  | { kind: 'failed'; id: number; message: string };

// Plain JavaScript evaluated in the worker, so it runs the same under tsx, vitest or anything else.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const files = new Map();

const checkpoint = (connection) => connection.pragma('wal_checkpoint(PASSIVE)')[0];

function tick(id) {
  const connection = files.get(id)?.connection;
  try {
    if (connection) checkpoint(connection);
  } catch {
    // The file is locked exclusively for a moment (or going away): the next tick tries again.
  }
}

parentPort.on('message', (message) => {
  const file = files.get(message.id);
  try {
    if (message.kind === 'open') {
      const connection = new Database(message.file, { fileMustExist: true });
      const timer = setInterval(tick, message.intervalMs, message.id);
      files.set(message.id, { connection, timer });
    } else if (message.kind === 'checkpoint') {
      if (!file) throw new Error('the checkpoint worker could not open ' + message.id);
      parentPort.postMessage({ kind: 'checkpointed', id: message.id, result: checkpoint(file.connection) });
    } else if (message.kind === 'close') {
      files.delete(message.id);
      if (file) {
        clearInterval(file.timer);
        file.connection.close();
      }
      parentPort.postMessage({ kind: 'closed', id: message.id });
    }
  } catch (error) {
    // A file the worker cannot open is still bounded by its connection's auto-checkpoint.
    if (message.kind !== 'open') parentPort.postMessage({ kind: 'failed', id: message.id, message: String(error) });
  }
});
`;

let worker: Worker | null = null;
let nextId = 1;
/** Per open file: the callers waiting for the worker's answers, in order. */
const open = new Map<number, ((reply: Reply) => void)[]>();

function startWorker(): Worker {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver } });
  started.unref();
  started.on('message', (reply: Reply) => open.get(reply.id)?.shift()?.(reply));
  // A worker that fails or ends unasked leaves each connection with its own auto-checkpoint; whoever waits for
  // it is answered (a close must not hang). Ending it ourselves clears `worker` first, so this does nothing then.
  const ended = () => {
    if (worker !== started) return;
    worker = null;
    for (const [id, waiting] of open) for (const answer of waiting.splice(0)) answer({ kind: 'closed', id });
  };
  started.on('error', ended);
  started.on('exit', ended);
  return started;
}

function ask(id: number, message: object): Promise<Reply> {
  const waiting = open.get(id);
  if (!waiting || !worker) return Promise.resolve({ kind: 'closed', id });
  const reply = new Promise<Reply>((resolve) => waiting.push(resolve));
  worker.postMessage({ ...message, id });
  return reply;
}

/**
 * Moves the WAL checkpoints of the connection `sqlite` to SQLite file `file` (absolute path) off its commits:
 * sets its auto-checkpoint and WAL size limit to `restartBytes` and has the shared worker checkpoint the file
 * every `intervalMs`. Call `stop()` before closing the connection.
 */
export function startWalCheckpoints(
  sqlite: SQLite.Database,
  file: string,
  options: WalCheckpointOptions = DEFAULT_WAL_CHECKPOINTS,
): WalCheckpoints {
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  sqlite.pragma(`wal_autocheckpoint = ${Math.max(1, Math.floor(options.restartBytes / pageSize))}`);
  sqlite.pragma(`journal_size_limit = ${options.restartBytes}`);
  const id = nextId++;
  worker ??= startWorker();
  open.set(id, []);
  worker.postMessage({ kind: 'open', id, file, intervalMs: options.intervalMs });
  let stopped: Promise<void> | null = null;
  return {
    async now() {
      const reply = await ask(id, { kind: 'checkpoint' });
      if (reply.kind === 'checkpointed') return reply.result;
      throw new Error(reply.kind === 'failed' ? reply.message : 'WAL checkpoints have stopped');
    },
    stop() {
      stopped ??= (async () => {
        await ask(id, { kind: 'close' });
        open.delete(id);
        if (open.size > 0 || !worker) return;
        const last = worker;
        worker = null;
        await last.terminate();
      })();
      return stopped;
    },
  };
}

/** Whether the checkpoint worker is running (it must end with the last database). */
export const walCheckpointWorkerRunning = (): boolean => worker !== null;
