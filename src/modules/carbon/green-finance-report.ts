import type { CarbonGradeNumber, CarbonLevel } from './carbon-efficiency';
import { carbonLevel } from './carbon-efficiency';
import type { EnterpriseMonth, FactorProvenance } from './enterprise-month';
import type { FourColourLabel, LabelResult } from './four-colour';
import { type LoanSpreads, type SuggestedRate, suggestedRate } from './green-finance-config';
import { addMonths, periodsBetween } from './periods';

/** The exchange dataset and purpose of the report: what an enterprise authorises a bank to read, and why. */
export const CREDIT_REPORT_DATASET = 'carbon.credit_report';
export const LOAN_ASSESSMENT = 'loan_assessment';
/** What the report returns, as the enterprise sees it in its access log. */
export const CREDIT_REPORT_FIELDS = [
  'enterprise',
  'monthly_emissions',
  'intensity_trend',
  'carbon_efficiency_grade',
  'four_colour_label',
  'factor_provenance',
  'suggested_rate',
] as const;

/** A trend within ±2% of the first month reads as flat: month-to-month noise is not a direction. */
const FLAT_BAND = 0.02;

export interface ReportEnterprise {
  uscc: string;
  name: string;
  industryCode: string;
  industryName: string;
  countyCode: string;
}

export interface ReportMonth {
  period: string;
  status: EnterpriseMonth['status'];
  totalTonnes: number;
  energyTonnes: number;
  processTonnes: number;
  valueAdded: number | null;
  intensity: number | null;
  level: CarbonLevel | null;
  grade: CarbonGradeNumber | null;
  label: FourColourLabel | null;
  /** Activity rows left out of the figures until an officer confirms them; a closed month with any has no label. */
  unconfirmedRows: number;
}

/** 碳征信报告 — what a bank reads with the enterprise's consent. */
export interface CreditReport {
  enterprise: ReportEnterprise;
  generatedAt: string;
  /** Twelve months up to the last closed month; null before the first close. */
  window: { from: string; to: string } | null;
  months: ReportMonth[];
  /** Months of the window with no figures at all. */
  missingPeriods: string[];
  summary: {
    totalTonnes: number;
    /** 万元 over the months that report it. */
    valueAdded: number | null;
    /** Σ t / Σ 万元 over the months with value added. */
    intensity: number | null;
    level: CarbonLevel | null;
    /** (last L − first L) / first L over the window's months with an intensity. */
    intensityChange: number | null;
    trend: 'falling' | 'flat' | 'rising' | null;
    /** Activity rows of the window waiting for confirmation: their months' figures are understated. */
    unconfirmedRows: number;
    /** The months those rows belong to. */
    unconfirmedPeriods: string[];
  };
  /** 碳效码 of the last closed month without unconfirmed rows (DB33/T 1347-2023). */
  efficiency: {
    period: string;
    level: CarbonLevel | null;
    grade: CarbonGradeNumber | null;
    k: number | null;
    industryAverage: number | null;
  } | null;
  /** 四色 label of that month with each dimension's part. */
  label: { period: string; label: FourColourLabel; explanation: LabelResult | null } | null;
  /** Every factor version behind the window's figures, once each. */
  factors: FactorProvenance[];
  suggestedRate: SuggestedRate | null;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

const toReportMonth = (m: EnterpriseMonth): ReportMonth => ({
  period: m.period,
  status: m.status,
  totalTonnes: m.totalTonnes,
  energyTonnes: m.energyTonnes,
  processTonnes: m.processTonnes,
  valueAdded: m.valueAdded,
  intensity: m.intensity,
  level: m.level,
  grade: m.grade,
  label: m.label,
  unconfirmedRows: m.unconfirmedRows,
});

function summarise(months: readonly EnterpriseMonth[]): CreditReport['summary'] {
  const totalTonnes = round(
    months.reduce((sum, m) => sum + m.totalTonnes, 0),
    2,
  );
  const withValue = months.filter((m) => m.valueAdded !== null && m.valueAdded > 0);
  const valueAdded = withValue.length
    ? round(
        withValue.reduce((s, m) => s + (m.valueAdded ?? 0), 0),
        6,
      )
    : null;
  const intensity =
    valueAdded === null ? null : round(withValue.reduce((s, m) => s + m.totalTonnes, 0) / valueAdded, 4);
  // A month with unconfirmed rows understates its intensity, so it does not move the trend.
  const intensities = months
    .filter((m) => m.intensity !== null && m.unconfirmedRows === 0)
    .map((m) => m.intensity as number);
  const first = intensities[0];
  const last = intensities.at(-1);
  const intensityChange =
    intensities.length >= 2 && first !== undefined && last !== undefined && first > 0
      ? round((last - first) / first, 4)
      : null;
  const trend =
    intensityChange === null
      ? null
      : intensityChange < -FLAT_BAND
        ? 'falling'
        : intensityChange > FLAT_BAND
          ? 'rising'
          : 'flat';
  return {
    totalTonnes,
    valueAdded,
    intensity,
    level: intensity === null ? null : carbonLevel(intensity),
    intensityChange,
    trend,
    unconfirmedRows: months.reduce((s, m) => s + m.unconfirmedRows, 0),
    unconfirmedPeriods: months.filter((m) => m.unconfirmedRows > 0).map((m) => m.period),
  };
}

/** Factor versions in first-use order, each id once (a month lists each factor it used). */
function provenance(months: readonly EnterpriseMonth[]): FactorProvenance[] {
  const byId = new Map<string, FactorProvenance>();
  for (const month of months)
    for (const factor of month.factors) if (!byId.has(factor.id)) byId.set(factor.id, factor);
  return [...byId.values()];
}

/**
 * Builds the report from the enterprise's months: the window is the twelve months ending at the last closed month
 * (a later provisional month is not yet a figure a bank should price on); grade, label and rate are those of the
 * window's last closed month without unconfirmed rows (one with them has no label: a figure flagged as implausible
 * is left out until confirmed, and flagging one's own figure must not buy a better rate).
 * @example buildCreditReport({ enterprise, months: await industrial.monthlyResults(uscc, from, to), generatedAt, spreads })
 */
export function buildCreditReport(input: {
  enterprise: ReportEnterprise;
  months: readonly EnterpriseMonth[];
  generatedAt: Date;
  spreads: LoanSpreads;
}): CreditReport {
  const closed = input.months
    .filter((m) => m.status === 'closed')
    .sort((a, b) => a.period.localeCompare(b.period));
  const lastClosed = closed.at(-1) ?? null;
  const base = { enterprise: input.enterprise, generatedAt: input.generatedAt.toISOString() };
  if (!lastClosed)
    return {
      ...base,
      window: null,
      months: [],
      missingPeriods: [],
      summary: summarise([]),
      efficiency: null,
      label: null,
      factors: [],
      suggestedRate: null,
    };
  const window = { from: addMonths(lastClosed.period, -11), to: lastClosed.period };
  const inWindow = input.months
    .filter((m) => m.period >= window.from && m.period <= window.to)
    .sort((a, b) => a.period.localeCompare(b.period));
  const present = new Set(inWindow.map((m) => m.period));
  const basis = inWindow.filter((m) => m.status === 'closed' && m.unconfirmedRows === 0).at(-1) ?? null;
  return {
    ...base,
    window,
    months: inWindow.map(toReportMonth),
    missingPeriods: periodsBetween(window.from, window.to).filter((p) => !present.has(p)),
    summary: summarise(inWindow),
    efficiency: basis && {
      period: basis.period,
      level: basis.level,
      grade: basis.grade,
      k: basis.k,
      industryAverage: basis.industryAverage,
    },
    label: basis?.label ? { period: basis.period, label: basis.label, explanation: basis.explanation } : null,
    factors: provenance(inWindow),
    suggestedRate: suggestedRate(basis?.label ?? null, input.spreads),
  };
}
