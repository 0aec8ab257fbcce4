import { type CarbonLevel, carbonLevel } from './carbon-efficiency';
import { type EmissionFactor, type FactorBasis, type FactorLibrary, selectFactor } from './factors';
import { ACTIVITY_KINDS, type ActivityKind, baseUnit, convert, FUEL_KINDS, type FuelKind } from './units';

/** Which grid factor electricity uses: the national average or the East China regional grid (Zhejiang). */
export const GRID_CHOICES = ['national', 'east-china'] as const;
export type GridChoice = (typeof GRID_CHOICES)[number];

export interface ActivityInput {
  kind: string;
  amount: number;
  unit: string;
}

/** 碳排放核算 input: one enterprise's activity data for a month. */
export interface CalculationInput {
  period: string;
  gridFactor?: GridChoice;
  activities: readonly ActivityInput[];
  /** 万元 */
  valueAdded?: number;
  /** GB/T 4754 class, carried for the caller; the calculation does not depend on it. */
  industry?: string;
}

/** The factor behind a line, as shown to the user and stored for reproduction. */
export interface AppliedFactor {
  id: string;
  /** Per base unit, e.g. 0.5306 kgCO2/kWh or 1.900299 tCO2/t (fuels: derived, rounded to 6 decimals). */
  value: number;
  unit: string;
  source: string;
  year: number | null;
  basis: FactorBasis | 'reported';
  fallback: boolean;
  fallbackReason?: string;
  fallbackReasonZh?: string;
  /** Fuels only: E = amount × NCV × carbon content × oxidation × 44/12, and the three rows used. */
  formula?: string;
  parameters?: Pick<EmissionFactor, 'id' | 'kind' | 'value' | 'unit' | 'year'>[];
}

export interface CalculationLine {
  kind: ActivityKind;
  amount: number;
  unit: string;
  baseAmount: number;
  baseUnit: string;
  /** Integer grams CO2e; negative for own renewable generation. */
  grams: number;
  tonnes: number;
  factor: AppliedFactor;
  assumption?: string;
}

export interface CalculationResult {
  period: string;
  gridFactor: GridChoice;
  totalTonnes: number;
  totalGrams: number;
  lines: CalculationLine[];
  /** t CO2 per 万元, 4 decimals; null without a positive value-added. */
  intensity: number | null;
  level: CarbonLevel | null;
  factorIds: string[];
  /** True when any line used a fallback factor. */
  fallback: boolean;
}

export type CalculationIssueCode =
  | 'period_format'
  | 'future_period'
  | 'grid_factor'
  | 'amount_not_finite'
  | 'amount_negative'
  | 'amount_too_large'
  | 'unknown_kind'
  | 'unknown_unit'
  | 'value_added_invalid'
  | 'value_added_too_large'
  | 'factor_missing'
  | 'result_too_large'
  | 'renewable_exceeds_electricity';

/** One thing wrong with the input, addressed by path, so the service can answer 422 with details. */
export interface CalculationIssue {
  path: string;
  code: CalculationIssueCode;
  params: Record<string, string | number>;
}

export type CalculationOutcome =
  | { ok: true; result: CalculationResult }
  | { ok: false; issues: CalculationIssue[] };

/** Smallest non-zero value added (万元) an intensity is computed from: 100 yuan; below that L is noise. */
export const MIN_VALUE_ADDED = 0.01;

/**
 * Largest value added (万元) accepted: 1e9 万元 (10 万亿 yuan) is past any single enterprise's month, and keeps
 * the fen amount (×1e6) an exact integer well inside PostgreSQL bigint.
 */
export const MAX_VALUE_ADDED = 1e9;

/** Amounts beyond this many base units (kWh, t, GJ, 10^4Nm3, tCO2) are not data, they are typos. */
export const MAX_BASE_AMOUNT = 1e12;

export const isPeriod = (period: unknown): period is string =>
  typeof period === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(period);

/** Grams CO2 per base unit for each factor unit we can apply. */
const GRAMS_PER_FACTOR_UNIT: Readonly<Record<string, { per: string; grams: number }>> = {
  'kgCO2/kWh': { per: 'kWh', grams: 1_000 },
  'tCO2/MWh': { per: 'kWh', grams: 1_000 },
  'tCO2/GJ': { per: 'GJ', grams: 1_000_000 },
  'kgCO2/GJ': { per: 'GJ', grams: 1_000 },
};

export type ResolvedFactor =
  | { ok: true; applied: AppliedFactor; gramsPerBaseUnit: number; factorIds: string[] }
  | { ok: false; missing: string };

const applied = (factor: EmissionFactor, fallback: ReturnType<typeof selectFactor>): AppliedFactor => ({
  id: factor.id,
  value: factor.value,
  unit: factor.unit,
  source: factor.source,
  year: factor.year,
  basis: factor.basis,
  fallback: fallback?.fallback ?? false,
  ...(fallback?.reason ? { fallbackReason: fallback.reason, fallbackReasonZh: fallback.reasonZh } : {}),
});

function resolveFuel(library: FactorLibrary, kind: FuelKind, period: string): ResolvedFactor {
  const base = baseUnit(kind);
  const expected = { ncv: `GJ/${base}`, carbon_content: 'tC/TJ', oxidation: 'fraction' } as const;
  const picks = (Object.keys(expected) as (keyof typeof expected)[]).map((part) => {
    const selection = selectFactor(library, `${kind}.${part}`, { region: 'any', period });
    return selection?.factor.unit === expected[part] ? selection : null;
  });
  const [ncv, carbon, oxidation] = picks;
  if (!ncv || !carbon || !oxidation) return { ok: false, missing: `${kind}.ncv/carbon_content/oxidation` };
  // tCO2 per unit = NCV (GJ/unit) × CC (tC/TJ) / 1000 × OF × 44/12; in grams that is × 1e6, folded into × 1000.
  const gramsPerBaseUnit =
    (ncv.factor.value * carbon.factor.value * oxidation.factor.value * 44 * 1_000) / 12;
  const fellBack = picks.find((p) => p?.fallback) ?? null;
  const parts = [ncv.factor, carbon.factor, oxidation.factor];
  return {
    ok: true,
    gramsPerBaseUnit,
    factorIds: parts.map((f) => f.id),
    applied: {
      ...applied(ncv.factor, fellBack),
      id: parts.map((f) => f.id).join('+'),
      value: Math.round(gramsPerBaseUnit) / 1_000_000,
      unit: `tCO2/${base}`,
      year: Math.max(...parts.map((f) => f.year)),
      formula: 'amount × NCV × carbon content × oxidation × 44/12',
      parameters: parts.map(({ id, kind: k, value, unit, year }) => ({ id, kind: k, value, unit, year })),
    },
  };
}

/**
 * The factor for an activity kind in a period: grid factor for electricity and own renewables (by `gridFactor`),
 * the heat default, a fuel's derived factor, or none for process emissions already reported in CO2.
 */
export function resolveActivityFactor(
  library: FactorLibrary,
  kind: ActivityKind,
  { period, gridFactor }: { period: string; gridFactor: GridChoice },
): ResolvedFactor {
  if (kind === 'process')
    return {
      ok: true,
      gramsPerBaseUnit: 1_000_000,
      factorIds: [],
      applied: {
        id: 'reported',
        value: 1,
        unit: 'tCO2/tCO2',
        source: 'reported by the enterprise',
        year: null,
        basis: 'reported',
        fallback: false,
      },
    };
  if ((FUEL_KINDS as readonly string[]).includes(kind)) return resolveFuel(library, kind as FuelKind, period);
  const electric = kind === 'electricity' || kind === 'own_renewable';
  const factorKind = electric ? 'electricity_grid' : kind;
  const selection = selectFactor(library, factorKind, { region: electric ? gridFactor : 'any', period });
  const scale = selection ? GRAMS_PER_FACTOR_UNIT[selection.factor.unit] : undefined;
  if (!selection || !scale || scale.per !== baseUnit(kind)) return { ok: false, missing: factorKind };
  return {
    ok: true,
    gramsPerBaseUnit: selection.factor.value * scale.grams,
    factorIds: [selection.factor.id],
    applied: applied(selection.factor, selection),
  };
}

function checkActivity(activity: ActivityInput, index: number, issues: CalculationIssue[]) {
  const at = (field: string) => `activities[${index}]${field ? `.${field}` : ''}`;
  const { kind, amount, unit } = activity ?? ({} as ActivityInput);
  if (typeof kind !== 'string' || !(ACTIVITY_KINDS as readonly string[]).includes(kind)) {
    issues.push({
      path: at('kind'),
      code: 'unknown_kind',
      params: { kind: String(kind), allowed: ACTIVITY_KINDS.join(', ') },
    });
    return null;
  }
  if (typeof amount !== 'number' || !Number.isFinite(amount)) {
    issues.push({ path: at('amount'), code: 'amount_not_finite', params: { amount: String(amount) } });
    return null;
  }
  if (amount < 0) {
    issues.push({ path: at('amount'), code: 'amount_negative', params: { amount } });
    return null;
  }
  const conversion = convert(kind, amount, String(unit));
  if (!conversion.ok) {
    issues.push({
      path: at('unit'),
      code: 'unknown_unit',
      params: { unit: String(unit), kind, allowed: conversion.allowed.join(', ') },
    });
    return null;
  }
  if (conversion.value > MAX_BASE_AMOUNT) {
    issues.push({
      path: at('amount'),
      code: 'amount_too_large',
      params: { amount, unit: String(unit), max: MAX_BASE_AMOUNT, baseUnit: conversion.baseUnit },
    });
    return null;
  }
  return { kind: kind as ActivityKind, conversion };
}

/**
 * Emissions of one period's activities, E = Σ fuel × NCV × CC × OF × 44/12 + process + electricity × grid
 * + heat × heat factor − own renewables × grid. Sums integer grams so totals never drift; returns every
 * issue at once instead of throwing, so an API can answer 422 with all of them.
 * `currentPeriod` (YYYY-MM) rejects periods after it; the caller supplies it because this core has no clock.
 */
export function calculateEmissions(
  library: FactorLibrary,
  input: CalculationInput,
  options: { currentPeriod?: string } = {},
): CalculationOutcome {
  const issues: CalculationIssue[] = [];
  const gridFactor = input.gridFactor ?? 'national';
  if (!isPeriod(input.period))
    issues.push({ path: 'period', code: 'period_format', params: { period: String(input.period) } });
  else if (options.currentPeriod && input.period > options.currentPeriod)
    issues.push({
      path: 'period',
      code: 'future_period',
      params: { period: input.period, current: options.currentPeriod },
    });
  if (!GRID_CHOICES.includes(gridFactor))
    issues.push({
      path: 'gridFactor',
      code: 'grid_factor',
      params: { gridFactor: String(gridFactor), allowed: GRID_CHOICES.join(', ') },
    });
  const { valueAdded } = input;
  if (
    valueAdded !== undefined &&
    (typeof valueAdded !== 'number' ||
      !Number.isFinite(valueAdded) ||
      valueAdded < 0 ||
      (valueAdded > 0 && valueAdded < MIN_VALUE_ADDED))
  )
    issues.push({
      path: 'valueAdded',
      code: 'value_added_invalid',
      params: { valueAdded: String(valueAdded) },
    });
  else if (valueAdded !== undefined && valueAdded > MAX_VALUE_ADDED)
    issues.push({
      path: 'valueAdded',
      code: 'value_added_too_large',
      params: { valueAdded: String(valueAdded), max: MAX_VALUE_ADDED },
    });
  const checked = (input.activities ?? []).map((activity, index) => checkActivity(activity, index, issues));
  if (issues.length > 0) return { ok: false, issues };

  const lines: CalculationLine[] = [];
  const factorIds = new Set<string>();
  checked.forEach((entry, index) => {
    if (!entry) return;
    const resolved = resolveActivityFactor(library, entry.kind, { period: input.period, gridFactor });
    if (!resolved.ok) {
      issues.push({
        path: `activities[${index}].kind`,
        code: 'factor_missing',
        params: { kind: entry.kind, factor: resolved.missing, period: input.period },
      });
      return;
    }
    const sign = entry.kind === 'own_renewable' ? -1 : 1;
    const grams = sign * Math.round(entry.conversion.value * resolved.gramsPerBaseUnit) || 0;
    if (!Number.isSafeInteger(grams))
      issues.push({ path: `activities[${index}].amount`, code: 'result_too_large', params: {} });
    for (const id of resolved.factorIds) factorIds.add(id);
    const activity = input.activities[index] as ActivityInput;
    lines.push({
      kind: entry.kind,
      amount: activity.amount,
      unit: activity.unit,
      baseAmount: entry.conversion.value,
      baseUnit: entry.conversion.baseUnit,
      grams,
      tonnes: grams / 1_000_000,
      factor: resolved.applied,
      ...(entry.conversion.assumption ? { assumption: entry.conversion.assumption } : {}),
    });
  });
  // Own generation offsets the electricity the enterprise uses; it cannot turn its other emissions negative.
  const purchased = lines.filter((l) => l.kind === 'electricity').reduce((sum, l) => sum + l.grams, 0);
  const offset = -lines.filter((l) => l.kind === 'own_renewable').reduce((sum, l) => sum + l.grams, 0);
  if (offset > purchased) {
    issues.push({
      path: 'activities',
      code: 'renewable_exceeds_electricity',
      params: { renewable: offset / 1_000_000, electricity: purchased / 1_000_000 },
    });
  }
  const totalGrams = lines.reduce((sum, line) => sum + line.grams, 0);
  if (issues.length === 0 && !Number.isSafeInteger(totalGrams))
    issues.push({ path: 'activities', code: 'result_too_large', params: {} });
  if (issues.length > 0) return { ok: false, issues };

  // Intensity and level use the same rounded L the user sees, so a shown 0.6000 is never 中碳.
  const intensity = valueAdded ? Math.round((totalGrams / 1_000_000 / valueAdded) * 10_000) / 10_000 : null;
  return {
    ok: true,
    result: {
      period: input.period,
      gridFactor,
      totalTonnes: Math.round(totalGrams / 10_000) / 100,
      totalGrams,
      lines,
      intensity,
      level: intensity === null ? null : carbonLevel(intensity),
      factorIds: [...factorIds],
      fallback: lines.some((line) => line.factor.fallback),
    },
  };
}
