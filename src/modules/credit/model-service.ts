import type { AuditActor, AuditService } from '../../kernel/audit';
import { type AnyDb, type SanquDatabase, tablesOf } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import type { CreditTables } from './credit.tables';
import { recordTypes } from './record-types';
import { compareVersions, modelProblems, type ScoreModel, shippedModels } from './score-model';

export interface ModelVersion {
  version: string;
  model: ScoreModel;
  createdAt: string;
  createdBy: string | null;
  /** When it was last put in force, null if never. */
  activatedAt: string | null;
  active: boolean;
}

/**
 * 评分模型版本 — stored versions and the one in force. Versions are added, never changed; the version in force
 * changes only through a population recompute (recompute-service), so no score changes silently.
 */
export function createModelService(database: SanquDatabase, audit: AuditService, now: () => Date) {
  const db = tablesOf<CreditTables>(database.db);
  let cached: { activation: number; model: ScoreModel } | null = null;

  async function activeIn(from: AnyDb): Promise<ScoreModel> {
    const trx = tablesOf<CreditTables>(from);
    const activation = await trx
      .selectFrom('credit_model_activations')
      .select(['id', 'version'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!activation)
      throw new Error('no credit score model is in force: the start hook activates the shipped one');
    if (cached?.activation === Number(activation.id)) return cached.model;
    const row = await trx
      .selectFrom('credit_models')
      .select('config')
      .where('version', '=', activation.version)
      .executeTakeFirstOrThrow();
    cached = { activation: Number(activation.id), model: JSON.parse(row.config) as ScoreModel };
    return cached.model;
  }

  async function get(version: string): Promise<ScoreModel | null> {
    const row = await db
      .selectFrom('credit_models')
      .select('config')
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? (JSON.parse(row.config) as ScoreModel) : null;
  }

  return {
    /** The model scores are made with now; `from` reads inside a caller's transaction. */
    active: (from: AnyDb = database.db) => activeIn(from),

    get,

    async versions(): Promise<ModelVersion[]> {
      const [models, activations] = await Promise.all([
        db.selectFrom('credit_models').selectAll().execute(),
        db.selectFrom('credit_model_activations').selectAll().orderBy('id').execute(),
      ]);
      const current = activations.at(-1)?.version ?? null;
      const lastActivated = new Map(activations.map((a) => [a.version, a.activated_at]));
      return models
        .map((row) => ({
          version: row.version,
          model: JSON.parse(row.config) as ScoreModel,
          createdAt: row.created_at,
          createdBy: row.created_by,
          activatedAt: lastActivated.get(row.version) ?? null,
          active: row.version === current,
        }))
        .sort((a, b) => compareVersions(b.version, a.version));
    },

    /** Stores a new version after checking it can score; an existing version number is a 409. It is not put in force. */
    async add(model: ScoreModel, actor: AuditActor, requestId: string | null = null): Promise<ModelVersion> {
      const problems = modelProblems(model, recordTypes());
      if (problems.length > 0) throw new AppError(422, 'INVALID_MODEL', 'creditModelInvalid', {}, problems);
      const createdAt = now().toISOString();
      await audit.transaction(db, async (trx) => {
        const exists = await trx
          .selectFrom('credit_models')
          .select('version')
          .where('version', '=', model.version)
          .executeTakeFirst();
        if (exists) throw new AppError(409, 'MODEL_EXISTS', 'creditModelExists', { version: model.version });
        await trx
          .insertInto('credit_models')
          .values({
            version: model.version,
            config: JSON.stringify(model),
            created_at: createdAt,
            created_by: actor.id,
          })
          .execute();
        await audit.record(trx, {
          actor,
          action: 'credit.model.add',
          resourceType: 'credit_model',
          resourceId: model.version,
          after: model,
          requestId,
        });
      });
      return {
        version: model.version,
        model,
        createdAt,
        createdBy: actor.id,
        activatedAt: null,
        active: false,
      };
    },

    /**
     * Brings the shipped versions (data/credit/models) into the table and, on a fresh database, puts the latest in
     * force (there are no scores yet, so nothing changes silently). A shipped version that differs from its stored
     * copy stops the start: changed figures need a new version.
     */
    async syncShipped(): Promise<void> {
      const shipped = shippedModels();
      const types = recordTypes();
      for (const model of shipped) {
        const problems = modelProblems(model, types);
        if (problems.length > 0)
          throw new Error(
            `data/credit/models/${model.version}.json: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
          );
      }
      const stored = new Map(
        (await db.selectFrom('credit_models').selectAll().execute()).map((r) => [r.version, r.config]),
      );
      for (const model of shipped) {
        const copy = stored.get(model.version);
        if (copy !== undefined && copy !== JSON.stringify(model))
          throw new Error(
            `credit model ${model.version} in data/credit differs from the stored version: give changed figures a new version`,
          );
      }
      const missing = shipped.filter((m) => !stored.has(m.version));
      const activated = await db
        .selectFrom('credit_model_activations')
        .select('id')
        .limit(1)
        .executeTakeFirst();
      if (missing.length === 0 && activated) return;
      const at = now().toISOString();
      await audit.transaction(db, async (trx) => {
        if (missing.length > 0) {
          await trx
            .insertInto('credit_models')
            .values(
              missing.map((m) => ({
                version: m.version,
                config: JSON.stringify(m),
                created_at: at,
                created_by: null,
              })),
            )
            .execute();
          await audit.record(trx, {
            actor: null,
            action: 'credit.model.sync',
            resourceType: 'credit_model',
            resourceId: '*',
            after: missing.map((m) => m.version),
          });
        }
        if (!activated && shipped.length > 0) await activate(trx, shipped.at(-1)!.version, null, 0, at);
      });
    },

    activate,
  };

  /** Records `version` as in force, inside the caller's (recompute's) transaction. */
  async function activate(
    trx: AnyDb,
    version: string,
    actor: AuditActor | null,
    residents: number,
    at = now().toISOString(),
  ) {
    await tablesOf<CreditTables>(trx)
      .insertInto('credit_model_activations')
      .values({ version, activated_at: at, activated_by: actor?.id ?? null, residents })
      .execute();
    await audit.record(trx, {
      actor,
      action: 'credit.model.activate',
      resourceType: 'credit_model',
      resourceId: version,
      after: { version, residents },
    });
  }
}
