import {
  type ActivityInput,
  type CalculationIssue,
  type CalculationResult,
  calculateEmissions,
  isPeriod,
  resolveActivityFactor,
} from './calculator';
import { type CarbonLevel, carbonLevel } from './carbon-efficiency';
import type { FactorProvenance } from './enterprise-month';
import type { FactorLibrary } from './factors';
import { convert, isActivityKind } from './units';

/**
 * 工业企业碳账户 — the pure rules of industrial accounts: which periods may be entered, how a month's figures are
 * computed from its activity rows, and money conversions. The service loads and stores; this decides.
 */

/** Accounts start with the city's industrial carbon accounts (2021); a year earlier allows the 2020 baseline. */
export const EARLIEST_PERIOD = '2020-01';

/** Enterprises report against the national average grid factor, as the MEE's enterprise reporting rules ask. */
export const INDUSTRIAL_GRID = 'national' as const;

/** 万元 to integer fen (1 万元 = 10,000 yuan = 1,000,000 fen). */
export const wanToFen = (wan: number): number => Math.round(wan * 1_000_000);
export const fenToWan = (fen: number): number => fen / 1_000_000;

export type IndustrialIssueCode = 'period_too_early' | 'duplicate_kind' | 'no_activities';

/** A calculator issue or one of the industrial rules', addressed by path. */
export interface IndustrialIssue {
  path: string;
  code: CalculationIssue['code'] | IndustrialIssueCode;
  params: Record<string, string | number>;
}

/**
 * Checks one month's entry: the calculator's rules (kinds, units, amounts, future periods, value added up to
 * MAX_VALUE_ADDED 万元 so its fen fits bigint, own generation against electricity) plus the industrial ones (no
 * period before 2020, one row per kind).
 * `activities` is the month as it will stand after the entry, so own generation is checked against the
 * electricity already on file.
 */
export function checkMonthEntry(
  library: FactorLibrary,
  entry: { period: string; activities: readonly ActivityInput[]; valueAdded?: number },
  currentPeriod: string,
): IndustrialIssue[] {
  const issues: IndustrialIssue[] = [];
  if (isPeriod(entry.period) && entry.period < EARLIEST_PERIOD)
    issues.push({
      path: 'period',
      code: 'period_too_early',
      params: { period: entry.period, earliest: EARLIEST_PERIOD },
    });
  const seen = new Set<string>();
  entry.activities.forEach((activity, index) => {
    if (seen.has(activity.kind))
      issues.push({
        path: `activities[${index}].kind`,
        code: 'duplicate_kind',
        params: { kind: activity.kind },
      });
    seen.add(activity.kind);
  });
  if (issues.length > 0) return issues;
  const outcome = calculateEmissions(
    library,
    {
      period: entry.period,
      gridFactor: INDUSTRIAL_GRID,
      activities: entry.activities,
      ...(entry.valueAdded !== undefined ? { valueAdded: entry.valueAdded } : {}),
    },
    { currentPeriod },
  );
  return outcome.ok ? [] : outcome.issues;
}

/** A month's emissions split the way the accounts report them, with the factors behind them. */
export interface MonthFigures {
  totalGrams: number;
  /** Fuels, electricity, heat, less own renewable generation. */
  energyGrams: number;
  processGrams: number;
  /** 万元, null when not reported. */
  valueAdded: number | null;
  intensity: number | null;
  level: CarbonLevel | null;
  factors: FactorProvenance[];
  /** Each line's grams by kind (for plausibility and display). */
  gramsByKind: Record<string, number>;
}

/** t CO2 per 万元 to 4 decimals, as the calculator shows it; null without positive value added. */
export function intensityOf(grams: number, valueAddedFen: number | null): number | null {
  if (valueAddedFen === null || !(valueAddedFen > 0)) return null;
  return Math.round((grams / 1_000_000 / fenToWan(valueAddedFen)) * 10_000) / 10_000;
}

const provenance = (result: CalculationResult): FactorProvenance[] => {
  const byId = new Map<string, FactorProvenance>();
  for (const line of result.lines) {
    const f = line.factor;
    byId.set(f.id, {
      id: f.id,
      kind: line.kind === 'own_renewable' ? 'electricity' : line.kind,
      value: f.value,
      unit: f.unit,
      source: f.source,
      year: f.year,
      fallback: f.fallback,
    });
  }
  return [...byId.values()];
};

/**
 * The figures of one month from the rows that count (confirmed or never flagged). Stored rows passed the entry
 * checks; if excluding an unconfirmed electricity row leaves own generation larger than electricity, the own
 * generation is left out too rather than the month failing.
 * Returns null only when the rows cannot be computed at all (no factor for a kind).
 */
export function monthFigures(
  library: FactorLibrary,
  period: string,
  activities: readonly ActivityInput[],
  valueAddedFen: number | null,
): MonthFigures | null {
  const run = (rows: readonly ActivityInput[]) =>
    calculateEmissions(library, { period, gridFactor: INDUSTRIAL_GRID, activities: rows });
  let outcome = run(activities);
  if (!outcome.ok && outcome.issues.every((i) => i.code === 'renewable_exceeds_electricity'))
    outcome = run(activities.filter((a) => a.kind !== 'own_renewable'));
  if (!outcome.ok) return null;
  const { result } = outcome;
  const processGrams = result.lines.filter((l) => l.kind === 'process').reduce((s, l) => s + l.grams, 0);
  const intensity = intensityOf(result.totalGrams, valueAddedFen);
  return {
    totalGrams: result.totalGrams,
    energyGrams: result.totalGrams - processGrams,
    processGrams,
    valueAdded: valueAddedFen === null ? null : fenToWan(valueAddedFen),
    intensity,
    level: intensity === null ? null : carbonLevel(intensity),
    factors: provenance(result),
    gramsByKind: Object.fromEntries(result.lines.map((l) => [l.kind, l.grams])),
  };
}

/** Grams of one row alone, sign ignored (for the plausibility rule); null when the row cannot be computed. */
export function rowGrams(library: FactorLibrary, period: string, activity: ActivityInput): number | null {
  if (!isActivityKind(activity.kind)) return null;
  const conversion = convert(activity.kind, activity.amount, activity.unit);
  if (!conversion.ok) return null;
  const resolved = resolveActivityFactor(library, activity.kind, { period, gridFactor: INDUSTRIAL_GRID });
  if (!resolved.ok) return null;
  return Math.round(Math.abs(conversion.value * resolved.gramsPerBaseUnit));
}
