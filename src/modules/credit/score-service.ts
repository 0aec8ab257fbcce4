import { shanghaiDate } from '../../kernel/calendar';
import { type SanquDatabase, tablesOf } from '../../kernel/db';
import { divisionCodeRange } from '../../kernel/divisions';
import type { CreditTables } from './credit.tables';
import { type Explanation, explainScore } from './explanation';
import type { createModelService } from './model-service';
import { recordTypes } from './record-types';
import { toScored } from './rescore';
import { typeMap } from './score';
import type { ScoreModel } from './score-model';

export interface ScoreView {
  residentId: string;
  score: number;
  tier: string;
  modelVersion: string;
  computedAt: string;
  /** False when the resident has no stored score yet (no records and no recompute): shown as the model's base. */
  stored: boolean;
}

export interface HistoryPoint {
  score: number;
  tier: string;
  modelVersion: string;
  computedAt: string;
  cause: string;
}

export interface DistributionRow {
  countyCode: string;
  tier: string;
  residents: number;
  averageScore: number;
}

/** Reading scores: a resident's current score, its explanation and history, and the distribution for officers. */
export function createScoreService(
  database: SanquDatabase,
  models: ReturnType<typeof createModelService>,
  now: () => Date,
) {
  const db = tablesOf<CreditTables>(database.db);

  async function current(residentId: string): Promise<ScoreView & { model: ScoreModel }> {
    const id = residentId.toUpperCase();
    const row = await db
      .selectFrom('credit_scores')
      .selectAll()
      .where('resident_id', '=', id)
      .executeTakeFirst();
    if (row) {
      const model = (await models.get(row.model_version)) ?? (await models.active());
      return {
        residentId: id,
        score: Number(row.score),
        tier: row.tier,
        modelVersion: row.model_version,
        computedAt: row.computed_at,
        stored: true,
        model,
      };
    }
    const model = await models.active();
    const explained = explainScore(model, typeMap(recordTypes()), [], shanghaiDate(now()));
    return {
      residentId: id,
      score: explained.score.score,
      tier: explained.score.tier,
      modelVersion: model.version,
      computedAt: now().toISOString(),
      stored: false,
      model,
    };
  }

  return {
    current,

    /**
     * The score with its explanation, computed from the resident's records under the model and on the day that made
     * the stored score, so the parts add up to the number shown.
     */
    async explain(
      residentId: string,
    ): Promise<{ view: ScoreView; model: ScoreModel; explanation: Explanation }> {
      const { model, ...view } = await current(residentId);
      const rows = await db
        .selectFrom('credit_records')
        .select(['id', 'type', 'quantity', 'occurred_on', 'valid_until', 'status'])
        .where('resident_id', '=', view.residentId)
        .execute();
      const explanation = explainScore(
        model,
        typeMap(recordTypes()),
        rows.map(toScored),
        shanghaiDate(new Date(view.computedAt)),
      );
      return { view, model, explanation };
    },

    /** Score changes, oldest first (at most the last 120). */
    async history(residentId: string): Promise<HistoryPoint[]> {
      const rows = await db
        .selectFrom('credit_score_history')
        .selectAll()
        .where('resident_id', '=', residentId.toUpperCase())
        .orderBy('id', 'desc')
        .limit(120)
        .execute();
      return rows.reverse().map((r) => ({
        score: Number(r.score),
        tier: r.tier,
        modelVersion: r.model_version,
        computedAt: r.computed_at,
        cause: r.cause,
      }));
    },

    /** Residents and average score per county and tier, within a division (prefix). */
    async distribution(divisionCode: string): Promise<DistributionRow[]> {
      const rows = await db
        .selectFrom('credit_scores')
        .select((eb) => [
          eb.fn<string>('substr', ['division_code', eb.val(1), eb.val(6)]).as('county'),
          'tier',
          eb.fn.countAll<number>().as('residents'),
          eb.fn.avg<number>('score').as('average'),
        ])
        .where('division_code', '>=', divisionCodeRange(divisionCode).from)
        .where('division_code', '<', divisionCodeRange(divisionCode).to)
        .groupBy(['county', 'tier'])
        .orderBy('county')
        .orderBy('tier')
        .execute();
      return rows.map((r) => ({
        countyCode: r.county,
        tier: r.tier,
        residents: Number(r.residents),
        averageScore: Math.round(Number(r.average) * 10) / 10,
      }));
    },
  };
}

export type ScoreService = ReturnType<typeof createScoreService>;
