// The scoring worker's thread (started by scoring-worker.ts): reads and scores chunks of the register on its own
// connection to the database file, each in one snapshot, and posts back what to write.
import { parentPort, workerData } from 'node:worker_threads';
import { openReadConnection } from '../../kernel/db';
import { chunkScorer, readChunkScores } from './chunk-scores';
import type { ScoringReply, ScoringRequest, ScoringWorkerData } from './scoring-worker';

const port = parentPort!;
const { file, run } = workerData as ScoringWorkerData;
const reader = openReadConnection(file);
const scorer = chunkScorer(run);
// One chunk at a time, in the order asked: each is a read transaction of its own.
let queue = Promise.resolve();

port.on('message', (request: ScoringRequest) => {
  queue = queue.then(async () => {
    if (request.kind === 'close') {
      await reader.close();
      port.close();
      return;
    }
    let reply: ScoringReply;
    try {
      const started = performance.now();
      const chunk = await reader.readTransaction(() =>
        readChunkScores(reader, reader.db, scorer, request.keys, request.range),
      );
      reply = { id: request.id, chunk, ms: performance.now() - started };
    } catch (error) {
      reply = {
        id: request.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
    }
    port.postMessage(reply);
  });
});
port.postMessage({ ready: true } satisfies ScoringReply);
