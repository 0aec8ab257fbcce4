import { resolve } from 'node:path';
import type { AuditActor, AuditService } from '../../kernel/audit';
import { shanghaiDate } from '../../kernel/calendar';
import { holdWriteLock, type SanquDatabase, tablesOf, writeStamp } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import type { Progress } from '../../kernel/progress';
import type { RegistryService } from '../registry';
import {
  type ChunkScores,
  chunkScorer,
  joinChunkScores,
  type RecomputeRun,
  type ResidentKey,
  rangeOf,
  readChunkScores,
  writeChunkScores,
} from './chunk-scores';
import type { CreditTables } from './credit.tables';
import type { createModelService } from './model-service';
import { recordTypes } from './record-types';
import { type ScoredAhead, type ScoringWorker, startScoringWorker } from './scoring-worker';
import { workShare } from './work-share';

/** The worker's part of a chunk: its first `count` keys, being scored ahead. */
interface Ahead {
  count: number;
  scores: Promise<ScoredAhead>;
}

/** Residents per transaction: big enough to amortise the commit, small enough to keep the writer lock short. */
const RESIDENTS_PER_CHUNK = 5_000;

export interface RecomputeResult {
  modelVersion: string;
  /** Adults scored (minors are skipped). */
  residents: number;
  changed: number;
  asOf: string;
  /** Of the residents scored, how many the worker thread read and scored (0 without one). */
  onWorker: number;
}

/**
 * `sanqu credit recompute [--model V]` — scores the whole population under the model in force, or puts version V
 * in force and scores everyone under it (a model switch is always a recompute, never a silent change). Walks the
 * register in resident-ID order a chunk at a time; each chunk's scores, history rows and audit entry commit
 * together, and the activation commits with the last chunk's work done, so an interrupted run can be re-run.
 */
export function createRecomputeService(
  database: SanquDatabase,
  audit: AuditService,
  registry: RegistryService,
  models: ReturnType<typeof createModelService>,
  now: () => Date,
) {
  const db = tablesOf<CreditTables>(database.db);

  return async function recompute(options: {
    modelVersion?: string;
    actor?: AuditActor | null;
    progress: Progress;
    /**
     * Read and score on a worker thread while this one writes (on a SQLite file; PostgreSQL and in-memory
     * databases always score here). Default true; false scores every chunk on this thread.
     */
    worker?: boolean;
    /** Residents per chunk (tests walk a small register in several). */
    residentsPerChunk?: number;
    /** Let the worker start before the first chunk (tests; a run otherwise begins at once, the worker joining later). */
    waitForWorker?: boolean;
  }): Promise<RecomputeResult> {
    const model = options.modelVersion ? await models.get(options.modelVersion) : await models.active();
    if (!model)
      throw new AppError(404, 'NOT_FOUND', 'notFound', {
        resource: 'credit model',
        id: options.modelVersion ?? '',
      });
    const at = now();
    const run: RecomputeRun = {
      model,
      types: recordTypes(),
      asOf: shanghaiDate(at),
      computedAt: at.toISOString(),
      cause: `recompute:${model.version}`,
    };
    const counts = await registry.countsByCounty();
    options.progress.start(
      `信安分 ${model.version}`,
      counts.reduce((sum, c) => sum + c.residents, 0),
    );
    const sqlite = database.sqlite;
    const worker =
      options.worker !== false && sqlite && !sqlite.memory
        ? startScoringWorker(resolve(sqlite.name), run)
        : null;
    try {
      if (options.waitForWorker) await worker?.started();
      const residents = await scoreChunks(
        options.actor ?? null,
        chunkScorer(run),
        worker,
        options.residentsPerChunk ?? RESIDENTS_PER_CHUNK,
        (keys) => options.progress.increment(keys),
      );
      await audit.transaction(db, async (trx) => {
        const current = await models.active(trx).catch(() => null);
        if (current?.version !== model.version || options.modelVersion)
          await models.activate(trx, model.version, options.actor ?? null, residents.scored);
      });
      options.progress.stop();
      return {
        modelVersion: model.version,
        residents: residents.scored,
        changed: residents.changed,
        asOf: run.asOf,
        onWorker: residents.onWorker,
      };
    } finally {
      await worker?.close();
    }
  };

  /**
   * Walks the register a chunk at a time; each chunk's writes and audit entry commit in one transaction. With a
   * worker, the worker reads and scores the first part of the next chunk while this thread scores the rest of the
   * current one and writes it (`workShare` sizes the parts so both finish together). The worker is asked inside
   * the current chunk's transaction, after the write lock is taken, so its snapshot holds everything committed
   * before and nothing another writer commits until the lock is released. The next chunk's transaction takes the
   * lock and uses the worker's scores only if nothing but the current chunk was committed in between (the same
   * write stamp); otherwise it reads and scores the whole chunk itself, as it does the first.
   */
  async function scoreChunks(
    actor: AuditActor | null,
    scorer: ReturnType<typeof chunkScorer>,
    worker: ScoringWorker | null,
    limit: number,
    done: (residents: number) => void,
  ): Promise<{ scored: number; changed: number; onWorker: number }> {
    const model = scorer.run.model;
    const share = workShare();
    let scored = 0;
    let changed = 0;
    let onWorker = 0;
    let keys: readonly ResidentKey[] = await registry.residentKeysAfter({ limit });
    let ahead: Ahead | null = null;
    let stamp: string | null = null;
    while (keys.length > 0) {
      const started = performance.now();
      const first = keys[0]!.residentId;
      const last = keys.at(-1)!.residentId;
      const next = await registry.residentKeysAfter({ after: last, limit });
      // Set inside the previous chunk's transaction callback, which the compiler's narrowing does not follow.
      const asked = ahead as Ahead | null;
      ahead = null;
      const cost = { workerResidents: 0, workerMs: 0, mainResidents: 0, mainMs: 0, waitedMs: 0 };
      await audit.transaction(db, async (trx) => {
        holdWriteLock(database, trx, 'credit_scores');
        const theirs = asked && stamp !== null && writeStamp(database) === stamp ? asked : null;
        const count = worker?.ready && next.length > 0 ? share.workerKeys(next.length) : 0;
        if (worker && count > 0) {
          const part = next.slice(0, count);
          ahead = { count, scores: worker.score(part, rangeOf(part, next[count])) };
          // Awaited by the next chunk, or dropped: a failure then is the next chunk's (or nobody's) to report.
          ahead.scores.catch(() => {});
        }
        const parts: ChunkScores[] = [];
        const from = theirs?.count ?? 0;
        if (from < keys.length) {
          const reading = performance.now();
          const rest = keys.slice(from);
          parts.push(await readChunkScores(database, trx, scorer, rest, rangeOf(rest)));
          cost.mainResidents = rest.length;
          cost.mainMs = performance.now() - reading;
        }
        if (theirs) {
          const waiting = performance.now();
          const answer = await theirs.scores;
          cost.waitedMs = performance.now() - waiting;
          parts.unshift(answer.chunk);
          onWorker += answer.chunk.scored;
          cost.workerResidents = theirs.count;
          cost.workerMs = answer.ms;
        }
        const chunk = joinChunkScores(parts);
        await writeChunkScores(database, trx, chunk);
        await audit.record(trx, {
          actor,
          action: 'credit.score.recompute',
          resourceType: 'credit_score',
          resourceId: `${first}..${last}`,
          after: { model: model.version, residents: chunk.scored, changed: chunk.history.length },
        });
        stamp = writeStamp(database);
        scored += chunk.scored;
        changed += chunk.history.length;
      });
      share.measured({ ...cost, otherMs: performance.now() - started - cost.mainMs - cost.waitedMs });
      done(keys.length);
      keys = next;
      // On SQLite every step above settles at once: without a turn of the event loop the worker's messages (that it
      // is ready) and anything else waiting — a progress bar, a request — would wait for the whole run.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { scored, changed, onWorker };
  }
}
