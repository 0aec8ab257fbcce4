import type { AuditActor, AuditService } from '../../kernel/audit';
import { type SanquDatabase, tablesOf } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import type { RegistryService } from '../registry';
import { isPeriod } from './calculator';
import type {
  CarbonEnterpriseActivityTable,
  CarbonEnterpriseResultTable,
  CarbonTables,
} from './carbon.tables';
import type { CarbonFactorService } from './factor-service';
import { intensityOf, monthFigures } from './industrial';
import { type CloseInput, closeEnterprises, type IndustrialCloseSummary } from './industrial-close';
import { isCounted, toActivity } from './industrial-store';
import { loadLabelThresholds } from './load-factors';
import { addMonths } from './periods';

/** Closed months of the previous twelve needed before the history dimension counts (else it scores neutral). */
export const MIN_HISTORY_MONTHS = 3;

export interface IndustrialCloseResult extends IndustrialCloseSummary {
  period: string;
  runId: string;
  /** Enterprises with data whose figures could not be computed (no factor), left out of the close. */
  skipped: string[];
}

const CHUNK = 400;

/** 月度结账 (industrial part): every enterprise with data for the period, computed and stored in one go. */
export function createIndustrialCloseService(
  database: SanquDatabase,
  audit: AuditService,
  registry: RegistryService,
  factors: CarbonFactorService,
  now: () => Date = () => new Date(),
) {
  const db = tablesOf<CarbonTables>(database.db);

  /**
   * Each enterprise's intensity over the closed months of the twelve before `period` (its previous annual
   * intensity, value-added weighted), when at least MIN_HISTORY_MONTHS of them have value added.
   */
  async function previousIntensities(period: string): Promise<Map<string, number | null>> {
    const rows = await db
      .selectFrom('carbon_enterprise_results')
      .select((eb) => [
        'uscc',
        eb.fn.sum<number>('grams_total').as('grams'),
        eb.fn.sum<number>('value_added_fen').as('fen'),
        eb.fn.countAll<number>().as('months'),
      ])
      .where('period', '>=', addMonths(period, -12))
      .where('period', '<=', addMonths(period, -1))
      .where('value_added_fen', '>', 0)
      // A month closed with rows waiting for confirmation understates its intensity: no baseline either.
      .where('unconfirmed_rows', '=', 0)
      .groupBy('uscc')
      .execute();
    return new Map(
      rows.map((r) => [
        r.uscc,
        Number(r.months) >= MIN_HISTORY_MONTHS ? intensityOf(Number(r.grams), Number(r.fen)) : null,
      ]),
    );
  }

  return {
    /**
     * Closes `period` for industrial accounts: emissions from the counted activity rows with the factors valid
     * for the period (fallbacks flagged in the provenance), L, the industry average per GB/T 4754 class from the
     * city's own data, K, 碳效码 grade and level, and the four-colour label with its explanation. A month with
     * activity rows waiting for confirmation keeps its figures and level but gets no K, grade or label and is
     * left out of the averages and county totals (re-close once the rows are confirmed). Replaces the
     * period's rows in one transaction (re-running gives the same rows under the new run id); one audit entry.
     * @example await platform.carbon.industrial.closePeriod('2026-10', 'run-42')
     */
    async closePeriod(
      period: string,
      runId: string,
      actor: AuditActor | null = null,
    ): Promise<IndustrialCloseResult> {
      if (!isPeriod(period))
        throw new AppError(422, 'INVALID_PERIOD_RANGE', 'periodRangeInvalid', {
          from: period,
          to: period,
          max: 1,
        });
      const [activity, valueAdded, history, library] = await Promise.all([
        db.selectFrom('carbon_enterprise_activity').selectAll().where('period', '=', period).execute(),
        db.selectFrom('carbon_enterprise_value_added').selectAll().where('period', '=', period).execute(),
        previousIntensities(period),
        factors.library(),
      ]);
      const rowsBy = new Map<string, CarbonEnterpriseActivityTable[]>();
      for (const row of activity) rowsBy.set(row.uscc, [...(rowsBy.get(row.uscc) ?? []), row]);
      const fenBy = new Map(valueAdded.map((r) => [r.uscc, Number(r.value_added_fen)]));
      const enterprises = await registry.enterprisesByUscc([...new Set([...rowsBy.keys(), ...fenBy.keys()])]);
      const inputs: CloseInput[] = [];
      const skipped: string[] = [];
      for (const enterprise of enterprises) {
        const rows = rowsBy.get(enterprise.uscc) ?? [];
        const fen = fenBy.get(enterprise.uscc) ?? null;
        const figures = monthFigures(library, period, rows.filter(isCounted).map(toActivity), fen);
        if (!figures) {
          skipped.push(enterprise.uscc);
          continue;
        }
        inputs.push({
          uscc: enterprise.uscc,
          countyCode: enterprise.countyCode,
          industryCode: enterprise.industryCode,
          figures,
          valueAddedFen: fen,
          previousIntensity: history.get(enterprise.uscc) ?? null,
          unconfirmedRows: rows.filter((r) => !isCounted(r)).length,
        });
      }
      const closed = closeEnterprises(inputs, loadLabelThresholds());
      const computedAt = now().toISOString();
      const rows: CarbonEnterpriseResultTable[] = closed.enterprises.map((e) => ({
        uscc: e.input.uscc,
        period,
        county_code: e.input.countyCode,
        industry_code: e.input.industryCode,
        benchmark_class: e.benchmarkClass,
        grams_total: e.input.figures.totalGrams,
        grams_energy: e.input.figures.energyGrams,
        grams_process: e.input.figures.processGrams,
        value_added_fen: e.input.valueAddedFen,
        intensity: e.input.figures.intensity,
        industry_average: e.industryAverage,
        k: e.k,
        grade: e.grade,
        level: e.input.figures.level,
        label: e.label,
        explanation: e.explanation ? JSON.stringify(e.explanation) : null,
        factors: JSON.stringify(e.input.figures.factors),
        unconfirmed_rows: e.input.unconfirmedRows,
        close_run_id: runId,
        computed_at: computedAt,
      }));
      await audit.transaction(db, async (trx) => {
        // A re-close may change labels a bank has already priced on: what it replaces (changed or dropped) is
        // kept in carbon_enterprise_results_replaced, so "what did it say before" has an answer.
        const previous = await trx
          .selectFrom('carbon_enterprise_results')
          .select(['uscc', 'label', 'grade', 'intensity', 'close_run_id'])
          .where('period', '=', period)
          .execute();
        const next = new Map(rows.map((r) => [r.uscc, r]));
        const replaced = previous.filter((old) => {
          const now = next.get(old.uscc);
          return (
            !now || now.label !== old.label || now.grade !== old.grade || now.intensity !== old.intensity
          );
        });
        for (let start = 0; start < replaced.length; start += CHUNK)
          await trx
            .insertInto('carbon_enterprise_results_replaced')
            .values(
              replaced.slice(start, start + CHUNK).map((old) => ({
                ...old,
                period,
                replaced_by_run_id: runId,
                replaced_at: computedAt,
              })),
            )
            .onConflict((oc) => oc.doNothing())
            .execute();
        await trx.deleteFrom('carbon_enterprise_results').where('period', '=', period).execute();
        for (let start = 0; start < rows.length; start += CHUNK)
          await trx
            .insertInto('carbon_enterprise_results')
            .values(rows.slice(start, start + CHUNK))
            .execute();
        await audit.record(trx, {
          actor,
          action: 'carbon.industrial.close',
          resourceType: 'carbon_enterprise_results',
          resourceId: period,
          before: previous.length === 0 ? null : { enterprises: previous.length, replaced: replaced.length },
          after: {
            runId,
            enterprises: rows.length,
            labels: closed.summary.labels,
            awaitingConfirmation: closed.summary.awaitingConfirmation,
            skipped,
          },
        });
      });
      return { period, runId, skipped, ...closed.summary };
    },
  };
}
