import type { AuditActor, AuditService } from '../../kernel/audit';
import { shanghaiDate } from '../../kernel/calendar';
import { type SanquDatabase, tablesOf } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import type { Progress } from '../../kernel/progress';
import type { RegistryService } from '../registry';
import { isScoredOn } from './adults';
import type { CreditScoreTable, CreditTables } from './credit.tables';
import type { createModelService } from './model-service';
import { recordTypes } from './record-types';
import { dimensionsJson, toScored } from './rescore';
import { computeScore, type ScoredRecord, typeMap } from './score';

/** Residents per transaction: big enough to amortise the commit, small enough to keep the writer lock short. */
const RESIDENTS_PER_CHUNK = 5_000;

export interface RecomputeResult {
  modelVersion: string;
  /** Adults scored (minors are skipped). */
  residents: number;
  changed: number;
  asOf: string;
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
  }): Promise<RecomputeResult> {
    const model = options.modelVersion ? await models.get(options.modelVersion) : await models.active();
    if (!model)
      throw new AppError(404, 'NOT_FOUND', 'notFound', {
        resource: 'credit model',
        id: options.modelVersion ?? '',
      });
    const at = now();
    const asOf = shanghaiDate(at);
    const computedAt = at.toISOString();
    const types = typeMap(recordTypes());
    const counts = await registry.countsByCounty();
    options.progress.start(
      `信安分 ${model.version}`,
      counts.reduce((sum, c) => sum + c.residents, 0),
    );
    let residents = 0;
    let changed = 0;
    let after: string | undefined;
    for (;;) {
      const keys = await registry.residentKeysAfter({ after, limit: RESIDENTS_PER_CHUNK });
      if (keys.length === 0) break;
      const first = keys[0]!.residentId;
      const last = keys.at(-1)!.residentId;
      await audit.transaction(db, async (trx) => {
        const records = await trx
          .selectFrom('credit_records')
          .select(['id', 'resident_id', 'type', 'quantity', 'occurred_on', 'valid_until', 'status'])
          .where('resident_id', '>=', first)
          .where('resident_id', '<=', last)
          .execute();
        const byResident = new Map<string, ScoredRecord[]>();
        for (const row of records) {
          const list = byResident.get(row.resident_id);
          if (list) list.push(toScored(row));
          else byResident.set(row.resident_id, [toScored(row)]);
        }
        const previous = new Map(
          (
            await trx
              .selectFrom('credit_scores')
              .select(['resident_id', 'score', 'tier', 'model_version'])
              .where('resident_id', '>=', first)
              .where('resident_id', '<=', last)
              .execute()
          ).map((r) => [r.resident_id, r]),
        );
        const rows: CreditScoreTable[] = [];
        const history = [];
        for (const key of keys) {
          if (!isScoredOn(key.residentId, asOf)) continue;
          const score = computeScore(model, types, byResident.get(key.residentId) ?? [], asOf);
          rows.push({
            resident_id: key.residentId,
            division_code: key.divisionCode,
            score: score.score,
            tier: score.tier,
            model_version: model.version,
            dimensions: dimensionsJson(score),
            computed_at: computedAt,
          });
          const before = previous.get(key.residentId);
          if (
            !before ||
            Number(before.score) !== score.score ||
            before.tier !== score.tier ||
            before.model_version !== model.version
          )
            history.push({
              resident_id: key.residentId,
              score: score.score,
              tier: score.tier,
              model_version: model.version,
              computed_at: computedAt,
              cause: `recompute:${model.version}`,
            });
        }
        await trx
          .deleteFrom('credit_scores')
          .where('resident_id', '>=', first)
          .where('resident_id', '<=', last)
          .execute();
        for (let i = 0; i < rows.length; i += 500)
          await trx
            .insertInto('credit_scores')
            .values(rows.slice(i, i + 500))
            .execute();
        for (let i = 0; i < history.length; i += 500)
          await trx
            .insertInto('credit_score_history')
            .values(history.slice(i, i + 500))
            .execute();
        await audit.record(trx, {
          actor: options.actor ?? null,
          action: 'credit.score.recompute',
          resourceType: 'credit_score',
          resourceId: `${first}..${last}`,
          after: { model: model.version, residents: rows.length, changed: history.length },
        });
        changed += history.length;
        residents += rows.length;
      });
      options.progress.increment(keys.length);
      after = last;
    }
    await audit.transaction(db, async (trx) => {
      const current = await models.active(trx).catch(() => null);
      if (current?.version !== model.version || options.modelVersion)
        await models.activate(trx, model.version, options.actor ?? null, residents);
    });
    options.progress.stop();
    return { modelVersion: model.version, residents, changed, asOf };
  };
}
