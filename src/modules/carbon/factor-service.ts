import type { AuditActor, AuditService } from '../../kernel/audit';
import { isUniqueViolation, type SanquDatabase, tablesOf } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import type { CarbonFactorTable, CarbonTables } from './carbon.tables';
import {
  createFactorLibrary,
  type EmissionFactor,
  type FactorBasis,
  type FactorLibrary,
  type FactorRegion,
  factorProblem,
} from './factors';
import { loadFactorLibrary } from './load-factors';

export type CarbonFactorService = ReturnType<typeof createCarbonFactorService>;

const toFactor = (row: CarbonFactorTable): EmissionFactor => ({
  id: row.id,
  kind: row.kind,
  region: row.region as FactorRegion,
  value: Number(row.value),
  unit: row.unit,
  gas: row.gas,
  basis: row.basis as FactorBasis,
  source: row.source,
  year: Number(row.year),
  validFrom: row.valid_from,
  validTo: row.valid_to,
  notes: row.notes ?? '',
});

const toRow = (factor: EmissionFactor, createdBy: string | null, createdAt: string): CarbonFactorTable => ({
  id: factor.id,
  kind: factor.kind,
  region: factor.region,
  value: factor.value,
  unit: factor.unit,
  gas: factor.gas,
  basis: factor.basis,
  source: factor.source,
  year: factor.year,
  valid_from: factor.validFrom,
  valid_to: factor.validTo,
  notes: factor.notes || null,
  created_by: createdBy,
  created_at: createdAt,
});

/**
 * 排放因子库 — the factor versions in force: those shipped in data/carbon (synced in at start-up) plus those
 * officers add. A version is never updated or deleted, so any stored result can be recomputed from the ids it
 * recorded.
 */
export function createCarbonFactorService(
  database: SanquDatabase,
  audit: AuditService,
  shipped: () => FactorLibrary = () => loadFactorLibrary(),
  now: () => Date = () => new Date(),
) {
  const db = tablesOf<CarbonTables>(database.db);

  /**
   * A new version must be usable by the calculator: the unit of the kind's existing versions, and a positive value
   * (sinks aside, a negative factor would make emissions vanish). A version can never be removed, so a bad one
   * would stay in selection for good.
   */
  async function unusable(factor: EmissionFactor): Promise<string | null> {
    const rows = await db
      .selectFrom('carbon_factors')
      .select('unit')
      .where('kind', '=', factor.kind)
      .execute();
    const units = new Set(rows.map((r) => r.unit));
    if (units.size === 0) return `unknown factor kind ${factor.kind}`;
    if (!units.has(factor.unit))
      return `unit ${factor.unit} is not used for ${factor.kind}; use ${[...units].join(' or ')}`;
    if (factor.value <= 0 && !factor.kind.includes('sink'))
      return `value must be positive (got ${factor.value})`;
    return null;
  }

  return {
    /**
     * Adds the shipped versions the database does not have yet. A shipped version whose figures differ from the
     * stored one with the same id is refused: ids are never reused for new figures.
     */
    async syncShipped(): Promise<number> {
      const stored = new Map(
        (await db.selectFrom('carbon_factors').selectAll().execute()).map((r) => [r.id, toFactor(r)]),
      );
      const missing = shipped().factors.filter((f) => {
        const existing = stored.get(f.id);
        // Wording (source, notes) may be corrected in place; figures and validity may not.
        const same = (a: EmissionFactor, b: EmissionFactor) =>
          (Object.keys(a) as (keyof EmissionFactor)[]).every(
            (k) => k === 'notes' || k === 'source' || a[k] === b[k],
          );
        if (existing && !same(existing, f)) {
          throw new Error(
            `emission factor ${f.id} in data/carbon differs from the stored version: give changed figures a new id`,
          );
        }
        return !existing;
      });
      if (missing.length === 0) return 0;
      const createdAt = now().toISOString();
      await audit.transaction(db, async (trx) => {
        await trx
          .insertInto('carbon_factors')
          .values(missing.map((f) => toRow(f, null, createdAt)))
          .execute();
        await audit.record(trx, {
          actor: null,
          action: 'carbon.factor.sync',
          resourceType: 'carbon_factor',
          resourceId: '*',
          after: missing.map((f) => f.id),
        });
      });
      return missing.length;
    },

    /**
     * Every version, in the order added (a later version wins a tie in selection). Read per calculation, not
     * cached: the table is small, and a version one server process adds must count in all of them at once.
     */
    async library(): Promise<FactorLibrary> {
      const rows = await db
        .selectFrom('carbon_factors')
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return createFactorLibrary(rows.map(toFactor));
    },

    /** An officer's new version. Checked like the shipped ones; audited; an existing id is a 409. */
    async addVersion(factor: EmissionFactor, actor: AuditActor): Promise<EmissionFactor> {
      const problem = factorProblem(factor) ?? (await unusable(factor));
      if (problem) throw new AppError(422, 'INVALID_FACTOR', 'invalidValue', { reason: problem });
      const row = toRow(factor, actor.id, now().toISOString());
      try {
        await audit.transaction(db, async (trx) => {
          await trx.insertInto('carbon_factors').values(row).execute();
          await audit.record(trx, {
            actor,
            action: 'carbon.factor.add',
            resourceType: 'carbon_factor',
            resourceId: factor.id,
            after: row,
          });
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError(409, 'FACTOR_EXISTS', 'factorExists', { id: factor.id });
        throw error;
      }
      return factor;
    },
  };
}
