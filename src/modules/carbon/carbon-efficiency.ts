/**
 * 碳效码 — Zhejiang's carbon-efficiency code, provincial standard DB33/T 1347-2023 (in force 2024-01-15).
 * L = CO2 (t) / value-added (万元); K = L / the industry-average L for the same period.
 */
export const CARBON_LEVELS = ['低碳', '中碳', '高碳'] as const;
export type CarbonLevel = (typeof CARBON_LEVELS)[number];

export type CarbonGradeNumber = 1 | 2 | 3 | 4 | 5;

/** Upper bounds (inclusive) of grades 1-4 on K; above the last is grade 5. */
export const GRADE_BOUNDS = [0.6, 0.8, 1.2, 2.0] as const;
/** Upper bounds (inclusive) of 低碳 and 中碳 on L; above is 高碳. */
export const LEVEL_BOUNDS = { low: 0.6, medium: 2.0 } as const;

/**
 * The level by intensity L (t CO2 per 万元): L ≤ 0.6 低碳; 0.6 < L ≤ 2.0 中碳; L > 2.0 高碳.
 * A negative L (own renewables exceeding all emissions) is 低碳.
 */
export function carbonLevel(intensity: number): CarbonLevel {
  if (Number.isNaN(intensity)) throw new RangeError('carbon intensity is not a number');
  if (intensity <= LEVEL_BOUNDS.low) return '低碳';
  if (intensity <= LEVEL_BOUNDS.medium) return '中碳';
  return '高碳';
}

// K is rounded to 4 decimals before grading so the grade agrees with the K shown
// (1.23 / 2.05 is 0.6000000000000001 in floating point, but it is K = 0.6, grade 1).
const roundRatio = (k: number) => Math.round(k * 10_000) / 10_000;

export type CarbonGrade =
  | { grade: CarbonGradeNumber; ratio: number }
  | { grade: null; ratio: null; reason: 'no_industry_average' | 'zero_industry_average' };

/**
 * The grade 1 (best) … 5 by K = L / industry-average L: K ≤ 0.6 → 1; ≤ 0.8 → 2; ≤ 1.2 → 3; ≤ 2.0 → 4; else 5.
 * Without an industry average (no peers, or peers with zero emissions) there is no grade, and the reason says why.
 * @example carbonGrade(0.72, 1.0) // { grade: 2, ratio: 0.72 }
 */
export function carbonGrade(intensity: number, industryAverage: number | null | undefined): CarbonGrade {
  if (industryAverage === null || industryAverage === undefined || !Number.isFinite(industryAverage))
    return { grade: null, ratio: null, reason: 'no_industry_average' };
  if (industryAverage <= 0) return { grade: null, ratio: null, reason: 'zero_industry_average' };
  if (Number.isNaN(intensity)) throw new RangeError('carbon intensity is not a number');
  const ratio = roundRatio(intensity / industryAverage);
  const index = GRADE_BOUNDS.findIndex((bound) => ratio <= bound);
  return { grade: (index === -1 ? 5 : index + 1) as CarbonGradeNumber, ratio };
}

export interface IntensityRow {
  emissionsTonnes: number;
  /** 万元 */
  valueAdded: number;
}

/**
 * The industry-average L of a GB/T 4754 class and period: total emissions / total value-added.
 * Weighted on purpose, not the mean of the members' L: it is the class's own intensity (the value-added
 * weighted mean of the Ls), so a firm with tiny value-added and an extreme ratio cannot drag the benchmark,
 * and splitting or merging firms does not move it. Null when the class has no positive value-added.
 */
export function industryAverage(rows: readonly IntensityRow[]): number | null {
  let emissions = 0;
  let valueAdded = 0;
  for (const row of rows) {
    if (!Number.isFinite(row.emissionsTonnes) || !Number.isFinite(row.valueAdded)) continue;
    emissions += row.emissionsTonnes;
    valueAdded += row.valueAdded;
  }
  return valueAdded > 0 ? emissions / valueAdded : null;
}
