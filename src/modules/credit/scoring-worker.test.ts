import { resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '../../kernel/calendar';
import { tablesOf } from '../../kernel/db';
import { testDialects } from '../../kernel/db/test-databases';
import type { Progress } from '../../kernel/progress';
import { silentProgress } from '../../kernel/progress';
import { isScoredOn } from './adults';
import { chunkScorer, type RecomputeRun, rangeOf, readChunkScores } from './chunk-scores';
import type { CreditTables } from './credit.tables';
import { type CreditFixture, startCreditFixture } from './credit-test-support';
import { createRecomputeService } from './recompute-service';
import { recordTypes } from './record-types';
import { SCORE_COLUMNS, toScored } from './rescore';
import { computeScore, typeMap } from './score';
import { startScoringWorker } from './scoring-worker';
import { loadSeedRecords } from './seed';

const today = shanghaiDate(new Date());
/** Small chunks, so the fixture's 400 residents make about ten and the worker scores all but the first. */
const CHUNK = 37;

describe.each(testDialects)('population recompute with a scoring worker on %s', (dialect) => {
  let f: CreditFixture;
  const db = () => tablesOf<CreditTables>(f.t.platform.database.db);
  const stored = async () =>
    (await db().selectFrom('credit_scores').select(SCORE_COLUMNS).orderBy('resident_id').execute()).map(
      (row) => ({ ...row, score: Number(row.score) }),
    );
  const withoutTimes = (rows: Awaited<ReturnType<typeof stored>>) =>
    rows.map(({ computed_at: _, ...row }) => row);

  /** Every stored score is computeScore's over the resident's records as they are now, and every adult has one. */
  async function expectScoresMatchRecords() {
    const model = await f.t.platform.credit.models.active();
    const types = typeMap(recordTypes());
    const records = await db()
      .selectFrom('credit_records')
      .select(['resident_id', 'id', 'type', 'quantity', 'occurred_on', 'valid_until', 'status'])
      .orderBy('resident_id')
      .orderBy('id')
      .execute();
    const byResident = new Map<string, typeof records>();
    for (const record of records)
      byResident.set(record.resident_id, [...(byResident.get(record.resident_id) ?? []), record]);
    const keys = await f.t.platform.registry.residentKeysAfter({ limit: 10_000 });
    const adults = keys.filter((k) => isScoredOn(k.residentId, today));
    const rows = await stored();
    expect(rows.map((r) => r.resident_id)).toEqual(adults.map((k) => k.residentId));
    for (const [i, key] of adults.entries()) {
      const score = computeScore(model, types, (byResident.get(key.residentId) ?? []).map(toScored), today);
      expect(rows[i]).toMatchObject({
        division_code: key.divisionCode,
        score: score.score,
        tier: score.tier,
        dimensions: JSON.stringify(Object.fromEntries(score.dimensions.map((d) => [d.code, d.contribution]))),
      });
    }
  }

  beforeAll(async () => {
    f = await startCreditFixture(dialect);
    // The seed's record histories for every resident of the fixture's city: a few to a few dozen each.
    await loadSeedRecords(f.t.platform, 11, silentProgress);
  }, 120_000);
  afterAll(() => f?.t.dispose());

  it('stores the same scores, history and audit entries with the worker as without it', async () => {
    const withWorker = await f.t.platform.credit.recompute({
      progress: silentProgress,
      residentsPerChunk: CHUNK,
      waitForWorker: true,
    });
    // PostgreSQL scores on the platform's thread; on SQLite the worker takes part of every chunk but the first.
    if (dialect === 'sqlite') expect(withWorker.onWorker).toBeGreaterThan(CHUNK);
    else expect(withWorker.onWorker).toBe(0);
    const scores = await stored();
    await expectScoresMatchRecords();
    await db().deleteFrom('credit_scores').execute();
    const alone = await f.t.platform.credit.recompute({
      progress: silentProgress,
      residentsPerChunk: CHUNK,
      worker: false,
    });
    expect(alone).toEqual({ ...withWorker, onWorker: 0 });
    expect(withWorker.changed).toBe(withWorker.residents);
    expect(withoutTimes(await stored())).toEqual(withoutTimes(scores));
    const history = await db()
      .selectFrom('credit_score_history')
      .select((eb) => eb.fn.countAll<number>().as('rows'))
      .executeTakeFirstOrThrow();
    expect(Number(history.rows)).toBe(2 * withWorker.residents);
  });

  it('rewrites nothing on a same-day re-run, and every score on the next day', async () => {
    const before = await stored();
    const again = await f.t.platform.credit.recompute({
      progress: silentProgress,
      residentsPerChunk: CHUNK,
      waitForWorker: true,
    });
    expect(again.changed).toBe(0);
    // Same day, same result: the rows keep the time they were computed at.
    expect(await stored()).toEqual(before);
    const platform = f.t.platform;
    const tomorrow = new Date(Date.now() + 86_400_000);
    const nextDay = createRecomputeService(
      platform.database,
      platform.audit,
      platform.registry,
      platform.credit.models,
      () => tomorrow,
    );
    await nextDay({ progress: silentProgress, residentsPerChunk: CHUNK, waitForWorker: true });
    const after = await stored();
    expect(after.map((r) => r.resident_id)).toEqual(before.map((r) => r.resident_id));
    expect(after.every((r) => r.computed_at === tomorrow.toISOString())).toBe(true);
  });

  it.runIf(dialect === 'sqlite')(
    'scores records written between chunks, by another connection or by this one, as they are when written',
    async () => {
      const keys = await f.t.platform.registry.residentKeysAfter({ limit: 10_000 });
      const adults = keys.filter((k) => isScoredOn(k.residentId, today));
      const sqlite = f.t.platform.database.sqlite!;
      const other = new SQLite(sqlite.name);
      const insert = (connection: SQLite.Database, n: number) => {
        // A resident of a chunk the worker has probably scored already (two and four chunks on).
        const resident = adults.find((k) => k.residentId > keys[(n + 1) * CHUNK]!.residentId)!;
        connection
          .prepare(
            `insert into credit_records (id, source, source_record_id, resident_id, division_code, type, department,
              quantity, occurred_on, valid_until, evidence_ref, status, revision, created_at, created_by, updated_at)
             values (?, 'civilization/330800', ?, ?, ?, 'blood_donation', 'health', 1, ?, ?, null, 'active', 1,
              '2026-01-01T00:00:00.000Z', 'test', '2026-01-01T00:00:00.000Z')`,
          )
          .run(
            `between-${n}`,
            `between-${n}`,
            resident.residentId,
            resident.divisionCode,
            today,
            addDays(today, 30),
          );
      };
      let chunks = 0;
      const progress: Progress = {
        start() {},
        increment() {
          chunks++;
          if (chunks === 2) insert(other, 2);
          if (chunks === 5) insert(sqlite, 5);
        },
        stop() {},
      };
      try {
        const result = await f.t.platform.credit.recompute({
          progress,
          residentsPerChunk: CHUNK,
          waitForWorker: true,
        });
        expect(result.onWorker).toBeGreaterThan(0);
      } finally {
        other.close();
      }
      expect(chunks).toBeGreaterThan(6);
      await expectScoresMatchRecords();
    },
  );
});

describe('the scoring worker', () => {
  let f: CreditFixture;
  beforeAll(async () => {
    f = await startCreditFixture('sqlite');
    await loadSeedRecords(f.t.platform, 12, silentProgress);
  }, 120_000);
  afterAll(() => f?.t.dispose());

  const run = async (): Promise<RecomputeRun> => {
    const model = await f.t.platform.credit.models.active();
    return {
      model,
      types: recordTypes(),
      asOf: today,
      computedAt: new Date().toISOString(),
      cause: `recompute:${model.version}`,
    };
  };

  it('reads and scores a chunk on its own connection as this thread does in a transaction', async () => {
    const database = f.t.platform.database;
    const keys = await f.t.platform.registry.residentKeysAfter({ limit: 10_000 });
    const scoring = await run();
    const worker = startScoringWorker(resolve(database.sqlite!.name), scoring);
    try {
      const ranges = [keys.slice(0, 150), keys.slice(150)];
      for (const range of ranges) {
        const here = await database.db
          .transaction()
          .execute((trx) => readChunkScores(database, trx, chunkScorer(scoring), range, rangeOf(range)));
        const there = await worker.score(range, rangeOf(range));
        expect(there.chunk.scored).toBeGreaterThan(0);
        expect(there.chunk).toEqual(here);
      }
    } finally {
      await worker.close();
    }
  });

  it('answers with an error when it cannot read, and closes', async () => {
    const worker = startScoringWorker('/nonexistent/sanqu.db', await run());
    const key = { residentId: 'A', divisionCode: '330800' };
    await expect(worker.score([key], rangeOf([key]))).rejects.toThrow();
    await worker.close();
    await expect(worker.score([key], rangeOf([key]))).rejects.toThrow();
  });
});
