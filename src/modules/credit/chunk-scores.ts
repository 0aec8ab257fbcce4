import { sql } from 'kysely';
import {
  type AnyDb,
  type BulkValue,
  forEachRow,
  insertRows,
  joinedInGroup,
  type SanquDatabase,
  tablesOf,
  updateRows,
} from '../../kernel/db';
import { isScoredOn } from './adults';
import type { CreditTables } from './credit.tables';
import type { RecordType } from './record-types';
import { dimensionsJson, HISTORY_COLUMNS, SCORE_COLUMNS } from './rescore';
import { computeScoreTotals, type RecordStatus, type ScoredRecord, typeMap } from './score';
import type { ScoreModel } from './score-model';

/** What one population recompute scores with, the same for every chunk; plain data, so a worker thread gets it too. */
export interface RecomputeRun {
  model: ScoreModel;
  types: readonly RecordType[];
  /** The day scored, YYYY-MM-DD in Shanghai. */
  asOf: string;
  /** The run's time as stored on scores and history rows (ISO 8601, UTC). */
  computedAt: string;
  /** The history rows' cause, `recompute:<version>`. */
  cause: string;
}

/**
 * The resident IDs a chunk (or part of one) covers: `first` to `last` inclusive, or to `before` exclusive when the
 * rest of the chunk is scored elsewhere. Scores and records of IDs in the range but not among its keys are the
 * range's too (stale scores go, records of unknown IDs score nobody).
 */
export type IdRange = { first: string; last: string } | { first: string; before: string };

/** The range of `keys` (in ID order) up to `next`, the first key of the part that follows, if any. */
export const rangeOf = (keys: readonly ResidentKey[], next?: ResidentKey): IdRange =>
  next
    ? { first: keys[0]!.residentId, before: next.residentId }
    : { first: keys[0]!.residentId, last: keys.at(-1)!.residentId };

/** A register key as the recompute walks it. */
export interface ResidentKey {
  residentId: string;
  divisionCode: string;
}

/** The writes one chunk's scores need, computed from what was stored before; plain data (a worker posts it). */
export interface ChunkScores {
  /** Adults scored. */
  scored: number;
  /** New score rows, in `SCORE_COLUMNS` order. */
  inserts: BulkValue[][];
  /** Stored scores rewritten: `UPDATE_COLUMNS` then the resident ID. */
  updates: BulkValue[][];
  /** History rows (score, tier or model changed), in `HISTORY_COLUMNS` order. */
  history: BulkValue[][];
  /** Stored scores in the range of residents not scored (minors, IDs no longer on the register). */
  stale: string[];
}

/** The columns a rewrite sets: all but the key (naming the key would rewrite its index entry too). */
const UPDATE_COLUMNS = SCORE_COLUMNS.filter((c) => c !== 'resident_id');
const NO_RECORDS: readonly ScoredRecord[] = [];

/** The run prepared for scoring chunks: the catalogue as a map, the adult check, the run's day as UTC instants. */
export interface ChunkScorer {
  run: RecomputeRun;
  types: ReturnType<typeof typeMap>;
  isAdult: (residentId: string) => boolean;
  /** [start, end) of the run's Shanghai day as ISO instants, compared as text with stored `computed_at`. */
  day: readonly [string, string];
}

export function chunkScorer(run: RecomputeRun): ChunkScorer {
  const start = new Date(`${run.asOf}T00:00:00+08:00`);
  return {
    run,
    types: typeMap(run.types),
    isAdult: adultsOn(run.asOf),
    day: [start.toISOString(), new Date(start.getTime() + 86_400_000).toISOString()],
  };
}

/** `isScoredOn` for one day, asked once per birth date: it reads only the date of birth in the ID (positions 7-14). */
function adultsOn(asOf: string): (residentId: string) => boolean {
  const byBirth = new Map<string, boolean>();
  return (residentId) => {
    const birth = residentId.slice(6, 14);
    let adult = byBirth.get(birth);
    if (adult === undefined) {
      adult = isScoredOn(residentId, asOf);
      byBirth.set(birth, adult);
    }
    return adult;
  };
}

/**
 * Reads a resident's records from their joined fields (type, quantity, occurred_on, valid_until, status per record)
 * into record objects reused from one resident to the next: the score function keeps none of them, and 16M records
 * need not become 16M objects. The array returned is valid until the next call.
 */
function joinedRecordReader(): (joined: string) => readonly ScoredRecord[] {
  const pool: ScoredRecord[] = [];
  const records: ScoredRecord[] = [];
  return (joined) => {
    const fields = joined.split(' ');
    records.length = 0;
    for (let i = 0; i + 4 < fields.length; i += 5) {
      if (pool.length === records.length)
        pool.push({
          id: '',
          type: '',
          quantity: 0,
          occurredOn: '',
          validUntil: '',
          status: 'active',
        });
      const record = pool[records.length]!;
      record.type = fields[i]!;
      record.quantity = Number(fields[i + 1]);
      record.occurredOn = fields[i + 2]!;
      record.validUntil = fields[i + 3]!;
      record.status = fields[i + 4] as RecordStatus;
      records.push(record);
    }
    return records;
  };
}

/**
 * Scores the register keys of one chunk or part of one (`range`) from what `trx` reads, and says what to
 * write. The chunk's stored scores are read first; then its records stream in resident order, one row of joined
 * fields per resident, and each resident is scored as their row passes, so only one resident's records are alive
 * at a time. A stored score that comes out the same — division, score, tier, model and dimensions — and was
 * computed on the run's day is left as it is (a same-day re-run rewrites nothing); any other is rewritten, a new
 * one inserted, and a history row added when score, tier or model changed. Reads only: the caller writes
 * (`writeChunkScores`), in the same snapshot or one it has checked is the same.
 */
export async function readChunkScores(
  database: SanquDatabase,
  trx: AnyDb,
  scorer: ChunkScorer,
  keys: readonly ResidentKey[],
  range: IdRange,
): Promise<ChunkScores> {
  const db = tablesOf<CreditTables>(trx);
  const { run } = scorer;
  const { model } = run;
  const [dayStart, dayEnd] = scorer.day;
  const previous = new Map<string, unknown[]>();
  await forEachRow(
    database,
    trx,
    db
      .selectFrom('credit_scores')
      .select(['resident_id', 'division_code', 'score', 'tier', 'model_version', 'dimensions', 'computed_at'])
      .where('resident_id', '>=', range.first)
      .where('resident_id', 'last' in range ? '<=' : '<', 'last' in range ? range.last : range.before),
    (row) => previous.set(row[0] as string, row),
  );
  const unscored = new Map(keys.map((key) => [key.residentId, key]));
  const chunk: ChunkScores = { scored: 0, inserts: [], updates: [], history: [], stale: [] };
  const score = (residentId: string, records: readonly ScoredRecord[]) => {
    const key = unscored.get(residentId);
    // Records of an ID the register does not hold (in this range) score nobody.
    if (!key) return;
    unscored.delete(residentId);
    if (!scorer.isAdult(residentId)) return;
    chunk.scored++;
    const computed = computeScoreTotals(model, scorer.types, records, run.asOf);
    const dimensions = dimensionsJson(computed);
    const before = previous.get(residentId);
    previous.delete(residentId);
    const changed =
      !before ||
      Number(before[2]) !== computed.score ||
      before[3] !== computed.tier ||
      before[4] !== model.version;
    if (changed)
      chunk.history.push([
        residentId,
        computed.score,
        computed.tier,
        model.version,
        run.computedAt,
        run.cause,
      ]);
    if (!before) {
      chunk.inserts.push([
        residentId,
        key.divisionCode,
        computed.score,
        computed.tier,
        model.version,
        dimensions,
        run.computedAt,
      ]);
      return;
    }
    const computedAt = before[6] as string;
    if (
      !changed &&
      before[1] === key.divisionCode &&
      before[5] === dimensions &&
      computedAt >= dayStart &&
      computedAt < dayEnd
    )
      return;
    chunk.updates.push([
      key.divisionCode,
      computed.score,
      computed.tier,
      model.version,
      dimensions,
      run.computedAt,
      residentId,
    ]);
  };
  const readRecords = joinedRecordReader();
  // One row per resident, their records' fields joined by spaces (codes, numbers and dates hold none), in the order
  // the resident index reads them: a row reaches JavaScript in about a microsecond, a record's fields in the string
  // in a tenth of that. SQLite and PostgreSQL write a double in as many digits as it takes to read it back exactly.
  await forEachRow(
    database,
    trx,
    db
      .selectFrom('credit_records')
      .select([
        'resident_id',
        joinedInGroup(
          database.dialect,
          sql`type || ' ' || quantity || ' ' || occurred_on || ' ' || valid_until || ' ' || status`,
          ' ',
        ).as('records'),
      ])
      .where('resident_id', '>=', range.first)
      .where('resident_id', 'last' in range ? '<=' : '<', 'last' in range ? range.last : range.before)
      .groupBy('resident_id')
      .orderBy('resident_id'),
    (row) => score(row[0] as string, readRecords(row[1] as string)),
  );
  for (const key of [...unscored.keys()]) score(key, NO_RECORDS);
  chunk.stale = [...previous.keys()];
  return chunk;
}

/** The scores of a chunk's parts, in ID order, as one chunk's. */
export function joinChunkScores(parts: readonly ChunkScores[]): ChunkScores {
  if (parts.length === 1) return parts[0]!;
  return {
    scored: parts.reduce((sum, part) => sum + part.scored, 0),
    inserts: parts.flatMap((part) => part.inserts),
    updates: parts.flatMap((part) => part.updates),
    history: parts.flatMap((part) => part.history),
    stale: parts.flatMap((part) => part.stale),
  };
}

/** Writes what `readChunkScores` found inside the caller's transaction `trx`. */
export async function writeChunkScores(
  database: SanquDatabase,
  trx: AnyDb,
  chunk: ChunkScores,
): Promise<void> {
  if (chunk.stale.length > 0)
    await tablesOf<CreditTables>(trx)
      .deleteFrom('credit_scores')
      .where('resident_id', 'in', chunk.stale)
      .execute();
  await updateRows(database, trx, 'credit_scores', UPDATE_COLUMNS, ['resident_id'], chunk.updates);
  await insertRows(database, trx, 'credit_scores', SCORE_COLUMNS, chunk.inserts);
  await insertRows(database, trx, 'credit_score_history', HISTORY_COLUMNS, chunk.history);
}
