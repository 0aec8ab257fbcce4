/**
 * 合理性校验 — whether one month's activity figure is plausible for the enterprise's size. An implausible figure
 * is not refused (a new kiln or a merger can be real): it is stored with a warning and left out of the figures
 * until an officer confirms it.
 *
 * [assume] The ceilings are ours, derived from the most carbon-intensive industries the registry holds:
 * - per 万元 of annual output: cement (C3011) runs ≈ 20 t CO2 per 万元 of output (≈ 30 t of cement per 万元 at
 *   ≈ 330 yuan/t × ≈ 0.65 t CO2/t including process emissions); coal power is of the same order. Five times the
 *   worst industry, 100 t per 万元, is "far beyond anything plausible".
 * - per employee: a cement plant of ≈ 1 Mt CO2/yr employs ≈ 400-600 people, ≈ 2,000 t per head; five times that,
 *   10,000 t per employee and year.
 * The ceiling is the larger of the two, so an enterprise whose registry output or head count is out of date is
 * not flagged on that alone.
 */
export const PLAUSIBILITY_RULE = {
  version: '2026.1-assumption',
  tonnesPerWanOutput: 100,
  tonnesPerEmployee: 10_000,
  /** Small firms still get a floor: a boiler of a few MW is plausible anywhere. */
  minimumTonnes: 2_000,
} as const;

export interface EnterpriseSize {
  employees: number;
  /** Annual output value in fen (registry). */
  outputValueFen: number;
}

export interface PlausibilityCheck {
  plausible: boolean;
  /** What the one month's figure implies over a year, t CO2 (absolute: own generation counts too). */
  annualTonnes: number;
  ceilingTonnes: number;
  basis: 'employees' | 'output' | 'minimum';
  ruleVersion: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The most CO2 a year the enterprise's size makes plausible, and which measure set it. */
export function plausibleCeiling(size: EnterpriseSize): Pick<PlausibilityCheck, 'ceilingTonnes' | 'basis'> {
  const byEmployees = Math.max(0, size.employees || 0) * PLAUSIBILITY_RULE.tonnesPerEmployee;
  const byOutput = (Math.max(0, size.outputValueFen || 0) / 1_000_000) * PLAUSIBILITY_RULE.tonnesPerWanOutput;
  const ceiling = Math.max(byEmployees, byOutput, PLAUSIBILITY_RULE.minimumTonnes);
  const basis = ceiling === byOutput ? 'output' : ceiling === byEmployees ? 'employees' : 'minimum';
  return { ceilingTonnes: round2(ceiling), basis };
}

/**
 * Checks one month's row: its emissions (integer grams, sign ignored) times 12 against the ceiling.
 * @example checkPlausibility(1_000_000_000_000, { employees: 50, outputValueFen: 3_000_000_000 })
 *   // 1 Mt in a month from 50 people and 30 M yuan output: { plausible: false, annualTonnes: 12000000, … }
 */
export function checkPlausibility(monthGrams: number, size: EnterpriseSize): PlausibilityCheck {
  const annualTonnes = round2((Math.abs(monthGrams) * 12) / 1_000_000);
  const { ceilingTonnes, basis } = plausibleCeiling(size);
  return {
    plausible: annualTonnes <= ceilingTonnes,
    annualTonnes,
    ceilingTonnes,
    basis,
    ruleVersion: PLAUSIBILITY_RULE.version,
  };
}
