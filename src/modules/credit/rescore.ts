import { shanghaiDate } from '../../kernel/calendar';
import { type AnyDb, tablesOf } from '../../kernel/db';
import { isScoredOn } from './adults';
import type { CreditRecordTable, CreditTables } from './credit.tables';
import { recordTypes } from './record-types';
import { computeScore, type RecordStatus, type Score, type ScoredRecord, typeMap } from './score';
import type { ScoreModel } from './score-model';

export const toScored = (
  row: Pick<CreditRecordTable, 'id' | 'type' | 'quantity' | 'occurred_on' | 'valid_until' | 'status'>,
): ScoredRecord => ({
  id: row.id,
  type: row.type,
  quantity: Number(row.quantity),
  occurredOn: row.occurred_on,
  validUntil: row.valid_until,
  status: row.status as RecordStatus,
});

/**
 * A score's dimensions as stored: each dimension's contribution, `{"identity":60,…}` — the JSON of that object,
 * written directly (codes are plain identifiers, contributions finite numbers) because a population recompute
 * writes it 2.5M times.
 */
export function dimensionsJson(score: Score): string {
  let json = '{';
  for (const d of score.dimensions) json += `${json.length > 1 ? ',' : ''}"${d.code}":${d.contribution}`;
  return `${json}}`;
}

/** Column orders of the bulk writes of scores and history rows (population recompute). */
export const SCORE_COLUMNS = [
  'resident_id',
  'division_code',
  'score',
  'tier',
  'model_version',
  'dimensions',
  'computed_at',
] as const;
export const HISTORY_COLUMNS = [
  'resident_id',
  'score',
  'tier',
  'model_version',
  'computed_at',
  'cause',
] as const;

/**
 * Recomputes one resident's score inside the caller's transaction (the one that changed their records), so the
 * score never disagrees with the records: reads their records, scores them, replaces the current score, and adds a
 * history row when score, tier or model changed. Returns the new score and the previous one; null for a minor.
 */
export async function rescore(
  trx: AnyDb,
  model: ScoreModel,
  resident: { residentId: string; divisionCode: string },
  cause: string,
  at: Date,
): Promise<{ score: Score; previous: number | null } | null> {
  const db = tablesOf<CreditTables>(trx);
  const asOf = shanghaiDate(at);
  // Minors have records (a 16-year-old volunteers) but no score until they come of age.
  if (!isScoredOn(resident.residentId, asOf)) return null;
  const rows = await db
    .selectFrom('credit_records')
    .select(['id', 'type', 'quantity', 'occurred_on', 'valid_until', 'status'])
    .where('resident_id', '=', resident.residentId)
    .execute();
  const score = computeScore(model, typeMap(recordTypes()), rows.map(toScored), asOf);
  const previous = await db
    .selectFrom('credit_scores')
    .select(['score', 'tier', 'model_version'])
    .where('resident_id', '=', resident.residentId)
    .executeTakeFirst();
  const computedAt = at.toISOString();
  const row = {
    resident_id: resident.residentId,
    division_code: resident.divisionCode,
    score: score.score,
    tier: score.tier,
    model_version: score.modelVersion,
    dimensions: dimensionsJson(score),
    computed_at: computedAt,
  };
  if (previous) {
    // The key is left out of the SET list: naming it would rewrite its index entry too (one more page per commit).
    const { resident_id: _, ...changes } = row;
    await db
      .updateTable('credit_scores')
      .set(changes)
      .where('resident_id', '=', resident.residentId)
      .execute();
  } else {
    await db.insertInto('credit_scores').values(row).execute();
  }
  const changed =
    !previous ||
    Number(previous.score) !== score.score ||
    previous.tier !== score.tier ||
    previous.model_version !== score.modelVersion;
  if (changed)
    await db
      .insertInto('credit_score_history')
      .values({
        resident_id: resident.residentId,
        score: score.score,
        tier: score.tier,
        model_version: score.modelVersion,
        computed_at: computedAt,
        cause,
      })
      .execute();
  return { score, previous: previous ? Number(previous.score) : null };
}
