import { type SanquDatabase, tablesOf } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import { isPeriod } from './calculator';
import type { CarbonEnterpriseResultTable, CarbonTables } from './carbon.tables';
import { type CarbonGradeNumber, type CarbonLevel, carbonGrade, carbonLevel } from './carbon-efficiency';
import type { EnterpriseMonth, FactorProvenance } from './enterprise-month';
import type { CarbonFactorService } from './factor-service';
import type { FourColourLabel, LabelResult } from './four-colour';
import { intensityOf, monthFigures } from './industrial';
import { activityRows, isCounted, toActivity, valueAddedRows } from './industrial-store';
import { addMonths, periodsBetween } from './periods';

/** At most ten years of months in one read. */
export const MAX_MONTHS = 120;

const tonnes = (grams: number) => Math.round(grams / 10_000) / 100;

/** 年度结果 — a calendar year of an enterprise's months, summed. */
export interface EnterpriseYear {
  uscc: string;
  year: number;
  months: EnterpriseMonth[];
  closedMonths: number;
  provisionalMonths: number;
  totalTonnes: number;
  energyTonnes: number;
  processTonnes: number;
  /** 万元 over the months that report it; null when none does. */
  valueAdded: number | null;
  /** Emissions of the months with value added / their value added. */
  intensity: number | null;
  level: CarbonLevel | null;
  /** The year's average intensity of the benchmark class, from the closed months of every enterprise in it. */
  benchmarkClass: string | null;
  industryAverage: number | null;
  k: number | null;
  grade: CarbonGradeNumber | null;
  unconfirmedRows: number;
  factors: FactorProvenance[];
}

/** The label of a closed month with each dimension's part. */
export interface EnterpriseLabel {
  uscc: string;
  period: string;
  label: FourColourLabel;
  intensity: number;
  level: CarbonLevel;
  industryAverage: number | null;
  benchmarkClass: string | null;
  k: number | null;
  grade: CarbonGradeNumber | null;
  explanation: LabelResult;
  closeRunId: string;
  computedAt: string;
}

/**
 * `unconfirmedRows` is the live count; the month also counts the rows that waited at the close (its figures and
 * missing label stand until it is closed again, even if an officer has confirmed them since).
 */
const closedMonth = (row: CarbonEnterpriseResultTable, unconfirmedRows: number): EnterpriseMonth => {
  const fen = row.value_added_fen === null ? null : Number(row.value_added_fen);
  return {
    uscc: row.uscc,
    period: row.period,
    status: 'closed',
    totalTonnes: tonnes(Number(row.grams_total)),
    energyTonnes: tonnes(Number(row.grams_energy)),
    processTonnes: tonnes(Number(row.grams_process)),
    valueAdded: fen === null ? null : fen / 1_000_000,
    intensity: row.intensity === null ? null : Number(row.intensity),
    level: row.level as CarbonLevel | null,
    industryAverage: row.industry_average === null ? null : Number(row.industry_average),
    k: row.k === null ? null : Number(row.k),
    grade: row.grade === null ? null : (Number(row.grade) as CarbonGradeNumber),
    label: row.label as FourColourLabel | null,
    explanation: row.explanation ? (JSON.parse(row.explanation) as LabelResult) : null,
    factors: JSON.parse(row.factors) as FactorProvenance[],
    unconfirmedRows: Math.max(Number(row.unconfirmed_rows), unconfirmedRows),
  };
};

function checkRange(from: string, to: string) {
  const bad = !isPeriod(from) || !isPeriod(to) || from > to || addMonths(from, MAX_MONTHS - 1) < to;
  if (bad)
    throw new AppError(422, 'INVALID_PERIOD_RANGE', 'periodRangeInvalid', { from, to, max: MAX_MONTHS });
}

/** Reads of the industrial accounts: months (closed or provisional), years and labels. */
export function createIndustrialResultService(database: SanquDatabase, factors: CarbonFactorService) {
  const db = tablesOf<CarbonTables>(database.db);

  async function monthlyResults(
    uscc: string,
    fromPeriod: string,
    toPeriod: string,
  ): Promise<EnterpriseMonth[]> {
    checkRange(fromPeriod, toPeriod);
    const key = uscc.toUpperCase();
    const [closed, activity, valueAdded] = await Promise.all([
      db
        .selectFrom('carbon_enterprise_results')
        .selectAll()
        .where('uscc', '=', key)
        .where('period', '>=', fromPeriod)
        .where('period', '<=', toPeriod)
        .execute(),
      activityRows(db, key, fromPeriod, toPeriod),
      valueAddedRows(db, key, fromPeriod, toPeriod),
    ]);
    const closedBy = new Map(closed.map((r) => [r.period, r]));
    const fenBy = new Map(valueAdded.map((r) => [r.period, Number(r.value_added_fen)]));
    const library = activity.length > 0 ? await factors.library() : null;
    const months: EnterpriseMonth[] = [];
    for (const period of periodsBetween(fromPeriod, toPeriod)) {
      const rows = activity.filter((r) => r.period === period);
      const unconfirmed = rows.filter((r) => !isCounted(r)).length;
      const done = closedBy.get(period);
      if (done) {
        months.push(closedMonth(done, unconfirmed));
        continue;
      }
      const fen = fenBy.get(period) ?? null;
      if (rows.length === 0 && fen === null) continue;
      const figures = library
        ? monthFigures(library, period, rows.filter(isCounted).map(toActivity), fen)
        : null;
      const grams = figures ?? { totalGrams: 0, energyGrams: 0, processGrams: 0, factors: [] };
      const intensity = intensityOf(grams.totalGrams, fen);
      months.push({
        uscc: key,
        period,
        status: 'provisional',
        totalTonnes: tonnes(grams.totalGrams),
        energyTonnes: tonnes(grams.energyGrams),
        processTonnes: tonnes(grams.processGrams),
        valueAdded: fen === null ? null : fen / 1_000_000,
        intensity,
        level: intensity === null ? null : carbonLevel(intensity),
        industryAverage: null,
        k: null,
        grade: null,
        label: null,
        explanation: null,
        factors: grams.factors,
        unconfirmedRows: unconfirmed,
      });
    }
    return months;
  }

  /** The year's benchmark: Σ emissions / Σ value added of the closed months of the class (or 2-digit division). */
  async function yearAverage(benchmark: string, year: number): Promise<number | null> {
    const row = await db
      .selectFrom('carbon_enterprise_results')
      .select((eb) => [
        eb.fn.sum<number>('grams_total').as('grams'),
        eb.fn.sum<number>('value_added_fen').as('fen'),
      ])
      .where('industry_code', 'like', `${benchmark}%`)
      .where('period', '>=', `${year}-01`)
      .where('period', '<=', `${year}-12`)
      .where('value_added_fen', '>', 0)
      .where('unconfirmed_rows', '=', 0)
      .executeTakeFirst();
    const grams = Number(row?.grams ?? 0);
    const fen = Number(row?.fen ?? 0);
    return fen > 0 ? Math.round((grams / 1_000_000 / (fen / 1_000_000)) * 1e6) / 1e6 : null;
  }

  return {
    monthlyResults,

    /** A calendar year of the enterprise's months: totals, intensity over the months with value added, K and grade. */
    async annualResult(uscc: string, year: number): Promise<EnterpriseYear> {
      if (!Number.isInteger(year) || year < 2020 || year > 2100)
        throw new AppError(422, 'INVALID_PERIOD_RANGE', 'periodRangeInvalid', {
          from: year,
          to: year,
          max: 12,
        });
      const months = await monthlyResults(uscc, `${year}-01`, `${year}-12`);
      const sum = (pick: (m: EnterpriseMonth) => number) => months.reduce((s, m) => s + pick(m), 0);
      const withValue = months.filter((m) => m.valueAdded !== null && m.valueAdded > 0);
      const fen = withValue.reduce((s, m) => s + Math.round((m.valueAdded ?? 0) * 1_000_000), 0);
      const grams = withValue.reduce((s, m) => s + Math.round(m.totalTonnes * 1_000_000), 0);
      const intensity = intensityOf(grams, fen > 0 ? fen : null);
      const latest = await db
        .selectFrom('carbon_enterprise_results')
        .select('benchmark_class')
        .where('uscc', '=', uscc.toUpperCase())
        .where('period', '>=', `${year}-01`)
        .where('period', '<=', `${year}-12`)
        .where('benchmark_class', 'is not', null)
        .orderBy('period', 'desc')
        .executeTakeFirst();
      const benchmarkClass = latest?.benchmark_class ?? null;
      const average = benchmarkClass ? await yearAverage(benchmarkClass, year) : null;
      const unconfirmedRows = months.reduce((s, m) => s + m.unconfirmedRows, 0);
      // Rows waiting for confirmation understate the year's intensity: figures, but no K or grade.
      const graded = intensity === null || unconfirmedRows > 0 ? null : carbonGrade(intensity, average);
      const factorsById = new Map(months.flatMap((m) => m.factors).map((f) => [f.id, f]));
      return {
        uscc: uscc.toUpperCase(),
        year,
        months,
        closedMonths: months.filter((m) => m.status === 'closed').length,
        provisionalMonths: months.filter((m) => m.status === 'provisional').length,
        totalTonnes: Math.round(sum((m) => m.totalTonnes) * 100) / 100,
        energyTonnes: Math.round(sum((m) => m.energyTonnes) * 100) / 100,
        processTonnes: Math.round(sum((m) => m.processTonnes) * 100) / 100,
        valueAdded: withValue.length > 0 ? fen / 1_000_000 : null,
        intensity,
        level: intensity === null ? null : carbonLevel(intensity),
        benchmarkClass,
        industryAverage: average,
        k: graded?.ratio ?? null,
        grade: graded?.grade ?? null,
        unconfirmedRows,
        factors: [...factorsById.values()],
      };
    },

    /** The four-colour label of a closed month with the explanation of each dimension; 404 before the close. */
    async labelOf(uscc: string, period: string): Promise<EnterpriseLabel> {
      if (!isPeriod(period))
        throw new AppError(422, 'INVALID_PERIOD_RANGE', 'periodRangeInvalid', {
          from: period,
          to: period,
          max: 1,
        });
      const row = await db
        .selectFrom('carbon_enterprise_results')
        .selectAll()
        .where('uscc', '=', uscc.toUpperCase())
        .where('period', '=', period)
        .executeTakeFirst();
      if (!row) throw new AppError(404, 'PERIOD_NOT_CLOSED', 'industrialNotClosed', { uscc, period });
      if (row.label === null || row.explanation === null || row.intensity === null)
        throw new AppError(404, 'NO_LABEL', 'industrialNoLabel', { uscc, period });
      const month = closedMonth(row, 0);
      return {
        uscc: row.uscc,
        period,
        label: row.label as FourColourLabel,
        intensity: Number(row.intensity),
        level: row.level as CarbonLevel,
        industryAverage: month.industryAverage,
        benchmarkClass: row.benchmark_class,
        k: month.k,
        grade: month.grade,
        explanation: month.explanation as LabelResult,
        closeRunId: row.close_run_id,
        computedAt: row.computed_at,
      };
    },
  };
}
