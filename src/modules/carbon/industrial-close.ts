import { type CarbonGradeNumber, carbonGrade, industryAverage } from './carbon-efficiency';
import type { FourColourLabel, LabelResult, LabelThresholds } from './four-colour';
import { FOUR_COLOUR_LABELS, labelEnterprise } from './four-colour';
import { fenToWan, type MonthFigures } from './industrial';

/**
 * The industrial part of the monthly close (月度结账), as a pure function of the month's figures: industry
 * averages, K, 碳效码 grade, county totals and the four-colour label of every enterprise at once.
 */

/** A class needs this many enterprises with value added before its own average is a benchmark. */
export const MIN_BENCHMARK_PEERS = 3;

export interface CloseInput {
  uscc: string;
  countyCode: string;
  /** GB/T 4754 class, e.g. C2221. */
  industryCode: string;
  figures: MonthFigures;
  valueAddedFen: number | null;
  /** Value-added-weighted intensity over the previous twelve closed months (≥ 3 needed, see closePeriod); null = none. */
  previousIntensity: number | null;
  unconfirmedRows: number;
}

export interface ClosedEnterprise {
  input: CloseInput;
  benchmarkClass: string | null;
  industryAverage: number | null;
  k: number | null;
  grade: CarbonGradeNumber | null;
  label: FourColourLabel | null;
  explanation: LabelResult | null;
}

interface Totals {
  enterprises: number;
  grams: number;
  tonnes: number;
  /** 万元 */
  valueAdded: number;
}

export interface IndustrialCloseSummary {
  enterprises: number;
  byCounty: Record<string, Totals>;
  byIndustry: Record<string, Totals & { industryAverage: number | null }>;
  labels: Record<FourColourLabel, number>;
  /** Enterprises without a label: no value added (emissions only), or rows waiting for confirmation. */
  unlabelled: number;
  /** Of those, enterprises whose month has activity rows waiting for an officer's confirmation. */
  awaitingConfirmation: number;
}

const hasValueAdded = (e: CloseInput) => e.valueAddedFen !== null && e.valueAddedFen > 0;
/**
 * Whether the month's figures may be judged and serve as others' benchmark: a flagged row is left out of the
 * figures until confirmed, so until then the intensity is understated (flagging one's own figure must not pay).
 */
const judgeable = (e: CloseInput) => hasValueAdded(e) && e.unconfirmedRows === 0;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function averagesBy(inputs: readonly CloseInput[], keyOf: (e: CloseInput) => string) {
  const groups = new Map<string, CloseInput[]>();
  for (const e of inputs.filter(judgeable)) groups.set(keyOf(e), [...(groups.get(keyOf(e)) ?? []), e]);
  const out = new Map<string, { members: number; average: number | null }>();
  for (const [key, members] of groups) {
    const average = industryAverage(
      members.map((m) => ({
        emissionsTonnes: m.figures.totalGrams / 1_000_000,
        valueAdded: fenToWan(m.valueAddedFen ?? 0),
      })),
    );
    out.set(key, { members: members.length, average: average === null ? null : round6(average) });
  }
  return out;
}

function addTo(totals: Record<string, Totals>, key: string, e: CloseInput) {
  const t = totals[key] ?? { enterprises: 0, grams: 0, tonnes: 0, valueAdded: 0 };
  t.enterprises += 1;
  t.grams += e.figures.totalGrams;
  t.tonnes = Math.round(t.grams / 10_000) / 100;
  t.valueAdded = Math.round((t.valueAdded + fenToWan(e.valueAddedFen ?? 0)) * 1_000_000) / 1_000_000;
  totals[key] = t;
}

/**
 * Closes one period: the industry average of each GB/T 4754 class (its own if it has at least
 * MIN_BENCHMARK_PEERS members with value added, else its 2-digit division's, else none), K and grade, the
 * county totals behind the regional dimension, and the label with its explanation. An enterprise with rows
 * waiting for confirmation keeps its figures but gets no K, grade or label and counts in no average or county total.
 */
export function closeEnterprises(
  inputs: readonly CloseInput[],
  thresholds: LabelThresholds,
): { enterprises: ClosedEnterprise[]; summary: IndustrialCloseSummary } {
  const byClass = averagesBy(inputs, (e) => e.industryCode);
  const byDivision = averagesBy(inputs, (e) => e.industryCode.slice(0, 3));
  // County totals count only judgeable enterprises (value added, nothing unconfirmed), so both shares have the same members.
  const county = new Map<string, { grams: number; fen: number }>();
  for (const e of inputs.filter(judgeable)) {
    const c = county.get(e.countyCode) ?? { grams: 0, fen: 0 };
    c.grams += e.figures.totalGrams;
    c.fen += e.valueAddedFen ?? 0;
    county.set(e.countyCode, c);
  }
  const summary: IndustrialCloseSummary = {
    enterprises: inputs.length,
    byCounty: {},
    byIndustry: {},
    labels: Object.fromEntries(FOUR_COLOUR_LABELS.map((l) => [l, 0])) as Record<FourColourLabel, number>,
    unlabelled: 0,
    awaitingConfirmation: 0,
  };
  const enterprises = inputs.map((input): ClosedEnterprise => {
    addTo(summary.byCounty, input.countyCode, input);
    addTo(summary.byIndustry, input.industryCode, input);
    const own = byClass.get(input.industryCode);
    const division = byDivision.get(input.industryCode.slice(0, 3));
    const benchmarkClass =
      own && own.members >= MIN_BENCHMARK_PEERS
        ? input.industryCode
        : division && division.members >= MIN_BENCHMARK_PEERS
          ? input.industryCode.slice(0, 3)
          : null;
    const average =
      benchmarkClass === null
        ? null
        : ((benchmarkClass === input.industryCode ? own : division)?.average ?? null);
    const intensity = input.figures.intensity;
    if (input.unconfirmedRows > 0) summary.awaitingConfirmation += 1;
    if (intensity === null || input.unconfirmedRows > 0) {
      summary.unlabelled += 1;
      return {
        input,
        benchmarkClass,
        industryAverage: average,
        k: null,
        grade: null,
        label: null,
        explanation: null,
      };
    }
    const graded = carbonGrade(intensity, average);
    const totals = county.get(input.countyCode);
    const explanation = labelEnterprise(
      {
        intensity,
        industryAverage: average,
        previousIntensity: input.previousIntensity,
        regional: totals
          ? {
              emissionsTonnes: input.figures.totalGrams / 1_000_000,
              valueAdded: fenToWan(input.valueAddedFen ?? 0),
              countyEmissionsTonnes: totals.grams / 1_000_000,
              countyValueAdded: fenToWan(totals.fen),
            }
          : null,
      },
      thresholds,
    );
    summary.labels[explanation.label] += 1;
    return {
      input,
      benchmarkClass,
      industryAverage: average,
      k: graded.ratio,
      grade: graded.grade,
      label: explanation.label,
      explanation,
    };
  });
  for (const [code, totals] of Object.entries(summary.byIndustry))
    summary.byIndustry[code] = { ...totals, industryAverage: byClass.get(code)?.average ?? null };
  return { enterprises, summary };
}
