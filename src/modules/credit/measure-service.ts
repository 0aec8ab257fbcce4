import { randomUUID } from 'node:crypto';
import type { AuditService } from '../../kernel/audit';
import type { Actor } from '../../kernel/auth';
import { shanghaiDate } from '../../kernel/calendar';
import { isUniqueViolation, type SanquDatabase, tablesOf } from '../../kernel/db';
import { AppError, notFound } from '../../kernel/errors';
import { type ExchangeService, exchangeActorOf } from '../../kernel/exchange';
import type { CreditMeasureTable, CreditTables } from './credit.tables';
import { type Measure, qualifies, shippedMeasures } from './measures';
import type { createModelService } from './model-service';
import { tierRank } from './score-model';
import type { ScoreService } from './score-service';

/** The exchange dataset and purpose a resident consents to so a provider may ask about a measure. */
export const ELIGIBILITY_DATASET = 'credit.eligibility';
export const ELIGIBILITY_PURPOSE = 'incentive_eligibility';

const toMeasure = (row: CreditMeasureTable): Measure => ({
  id: row.id,
  kind: row.kind as Measure['kind'],
  providerId: row.provider_id,
  providerZh: row.provider_name_zh,
  providerEn: row.provider_name_en,
  zh: row.name_zh,
  en: row.name_en,
  benefitZh: row.benefit_zh,
  benefitEn: row.benefit_en,
  minTier: row.min_tier,
  disclosesTier: row.discloses_tier === 1,
  validFrom: row.valid_from,
  validUntil: row.valid_until,
});

const toRow = (m: Measure): CreditMeasureTable => ({
  id: m.id,
  kind: m.kind,
  provider_id: m.providerId,
  provider_name_zh: m.providerZh,
  provider_name_en: m.providerEn,
  name_zh: m.zh,
  name_en: m.en,
  benefit_zh: m.benefitZh,
  benefit_en: m.benefitEn,
  min_tier: m.minTier,
  discloses_tier: m.disclosesTier ? 1 : 0,
  valid_from: m.validFrom,
  valid_until: m.validUntil,
});

export interface Eligibility {
  measureId: string;
  eligible: boolean;
  /** Only for measures whose benefit depends on the tier. */
  tier?: string;
  checkedAt: string;
}

/**
 * 守信联合激励 — the catalogue of measures, what a resident qualifies for, and the provider's question "does
 * this resident qualify for my measure?": answered yes/no (and the tier where the benefit depends on it) through
 * the exchange, so it needs the resident's consent to that provider and is logged for the resident to see.
 * Never the score or its records.
 */
export function createMeasureService(
  database: SanquDatabase,
  audit: AuditService,
  exchange: ExchangeService,
  models: ReturnType<typeof createModelService>,
  scores: ScoreService,
  now: () => Date,
) {
  const db = tablesOf<CreditTables>(database.db);

  async function get(id: string): Promise<Measure> {
    const row = await db.selectFrom('credit_measures').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('incentive measure', id);
    return toMeasure(row);
  }

  async function decide(measure: Measure, residentId: string) {
    const [{ tier }, model] = await Promise.all([scores.current(residentId), models.active()]);
    return { eligible: qualifies(measure, tier, shanghaiDate(now()), (code) => tierRank(model, code)), tier };
  }

  /** The provider may only ask about its own measures, with the resident's consent. */
  function askFor(actor: Actor, measure: Measure, residentId: string, fields: string[]) {
    if (actor.subjectId !== measure.providerId)
      throw new AppError(403, 'NOT_YOUR_MEASURE', 'creditNotYourMeasure', { id: measure.id });
    return {
      actor: exchangeActorOf(actor),
      subject: { type: 'resident' as const, id: residentId.toUpperCase() },
      dataset: ELIGIBILITY_DATASET,
      purpose: ELIGIBILITY_PURPOSE,
      fields,
      requiresConsent: true,
    };
  }

  return {
    get,

    async list(): Promise<Measure[]> {
      const rows = await db
        .selectFrom('credit_measures')
        .selectAll()
        .orderBy('kind', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toMeasure);
    },

    /** Every measure with whether the resident qualifies now (their own view). */
    async forResident(residentId: string): Promise<(Measure & { qualifies: boolean })[]> {
      const [rows, { tier }, model] = await Promise.all([
        this.list(),
        scores.current(residentId),
        models.active(),
      ]);
      const today = shanghaiDate(now());
      return rows.map((m) => ({
        ...m,
        qualifies: qualifies(m, tier, today, (code) => tierRank(model, code)),
      }));
    },

    async check(
      actor: Actor,
      measureId: string,
      residentId: string,
      requestId: string | null = null,
    ): Promise<Eligibility> {
      const measure = await get(measureId);
      const fields = measure.disclosesTier ? ['eligible', 'tier'] : ['eligible'];
      const answer = await exchange.read({ ...askFor(actor, measure, residentId, fields), requestId }, () =>
        decide(measure, residentId),
      );
      return {
        measureId,
        eligible: answer.eligible,
        ...(measure.disclosesTier && answer.eligible ? { tier: answer.tier } : {}),
        checkedAt: now().toISOString(),
      };
    },

    /** Records a use of a measure the resident qualifies for; the same `useKey` again returns the first record. */
    async recordUse(
      actor: Actor,
      measureId: string,
      input: { residentId: string; useKey: string },
      requestId: string | null = null,
    ) {
      const measure = await get(measureId);
      const residentId = input.residentId.toUpperCase();
      const answer = await exchange.read(
        { ...askFor(actor, measure, residentId, ['eligible']), requestId },
        () => decide(measure, residentId),
      );
      const existing = () =>
        db
          .selectFrom('credit_measure_uses')
          .selectAll()
          .where('measure_id', '=', measureId)
          .where('use_key', '=', input.useKey)
          .executeTakeFirst();
      const known = await existing();
      if (known) return sameUse(known, residentId);
      if (!answer.eligible) throw new AppError(409, 'NOT_ELIGIBLE', 'creditNotEligible', { id: measureId });
      const row = {
        id: randomUUID(),
        measure_id: measureId,
        resident_id: residentId,
        provider_id: measure.providerId,
        use_key: input.useKey,
        used_at: now().toISOString(),
        recorded_by: actor.id,
      };
      try {
        await audit.transaction(db, async (trx) => {
          await trx.insertInto('credit_measure_uses').values(row).execute();
          await audit.record(trx, {
            actor,
            action: 'credit.measure.use',
            resourceType: 'credit_measure_use',
            resourceId: row.id,
            after: row,
            requestId,
          });
        });
      } catch (error) {
        const raced = isUniqueViolation(error) ? await existing() : undefined;
        if (raced) return sameUse(raced, residentId);
        throw error;
      }
      return { id: row.id, measureId, usedAt: row.used_at, repeated: false };
    },

    /** A resident's uses of measures, newest first. */
    async usesOf(residentId: string) {
      const rows = await db
        .selectFrom('credit_measure_uses')
        .selectAll()
        .where('resident_id', '=', residentId.toUpperCase())
        .orderBy('used_at', 'desc')
        .limit(200)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        measureId: r.measure_id,
        providerId: r.provider_id,
        usedAt: r.used_at,
      }));
    },

    /** Brings the shipped catalogue into the table: new measures are added, existing ones left as officers keep them. */
    async syncShipped(): Promise<number> {
      const stored = new Set(
        (await db.selectFrom('credit_measures').select('id').execute()).map((r) => r.id),
      );
      const missing = shippedMeasures().filter((m) => !stored.has(m.id));
      if (missing.length === 0) return 0;
      await audit.transaction(db, async (trx) => {
        await trx.insertInto('credit_measures').values(missing.map(toRow)).execute();
        await audit.record(trx, {
          actor: null,
          action: 'credit.measure.sync',
          resourceType: 'credit_measure',
          resourceId: '*',
          after: missing.map((m) => m.id),
        });
      });
      return missing.length;
    },
  };
}

/** A repeated use key: the first record, if it was for the same resident; else the key was reused for someone else. */
function sameUse(
  row: { id: string; measure_id: string; resident_id: string; used_at: string },
  residentId: string,
) {
  if (row.resident_id !== residentId) throw new AppError(409, 'USE_KEY_REUSED', 'creditUseKeyReused', {});
  return { id: row.id, measureId: row.measure_id, usedAt: row.used_at, repeated: true };
}
