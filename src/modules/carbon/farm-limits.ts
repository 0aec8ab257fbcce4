import type { FarmInput, LivestockType } from './agriculture';

/**
 * Upper bounds per mu (亩) of the farm's registered area beyond which a farm input is a typo, not a farm. They are
 * several times the most intensive practice we know of (an assumption, not a published table): ~20 kg N/mu is
 * usual and 60 intensive for vegetables; three crops a year at most; 10-20 kg diesel per mu; multi-storey pig
 * houses and greenhouses explain the large livestock and electricity bounds.
 */
export const FARM_LIMITS_PER_MU = {
  nitrogenFertilizerKgN: 100,
  riceAreaMu: 3,
  dieselTonnes: 0.2,
  electricityKWh: 10_000,
  forestMu: 1,
  strawReturnedMu: 3,
  strawReturnedTonnes: 3,
  organicFertilizerTonnes: 10,
} as const;

export const LIVESTOCK_HEADS_PER_MU: Readonly<Record<LivestockType, number>> = {
  dairy_cattle: 20,
  other_cattle: 20,
  buffalo: 20,
  sheep: 100,
  goats: 100,
  swine: 500,
};

export interface FarmAreaIssue {
  path: string;
  code: 'implausible_for_area';
  params: { amount: number; max: number; areaMu: number };
}

/**
 * The inputs that are absurd for a farm of `areaMu`; each names the field, the amount and the bound.
 * Amounts the pure core refuses anyway (negative, not a number) are left to it.
 * @example farmAreaIssues({ year: 2025, dieselTonnes: 50 }, 10) // [{ path: 'dieselTonnes', …, max: 2 }]
 */
export function farmAreaIssues(input: FarmInput, areaMu: number): FarmAreaIssue[] {
  const issues: FarmAreaIssue[] = [];
  const area = Math.max(1, areaMu);
  const check = (path: string, amount: number | undefined, perMu: number) => {
    if (typeof amount !== 'number' || !Number.isFinite(amount)) return;
    // A relative tolerance, so 0.2 t/mu × 2,301 mu = 460.2 t is not refused for floating-point noise.
    const max = perMu * area;
    if (amount > max * (1 + 1e-9))
      issues.push({
        path,
        code: 'implausible_for_area',
        params: { amount, max: Math.round(max * 1000) / 1000, areaMu },
      });
  };
  const L = FARM_LIMITS_PER_MU;
  check('nitrogenFertilizerKgN', input.nitrogenFertilizerKgN, L.nitrogenFertilizerKgN);
  const riceArea = (input.rice ?? []).reduce((sum, plot) => sum + (Number(plot.areaMu) || 0), 0);
  if (input.rice && input.rice.length > 0) check('rice', riceArea, L.riceAreaMu);
  check('dieselTonnes', input.dieselTonnes, L.dieselTonnes);
  check('electricityKWh', input.electricityKWh, L.electricityKWh);
  for (const [type, heads] of Object.entries(input.livestock ?? {})) {
    const perMu = LIVESTOCK_HEADS_PER_MU[type as LivestockType];
    if (perMu !== undefined) check(`livestock.${type}`, heads, perMu);
  }
  const sinks = input.sinks ?? {};
  check('sinks.forestMu', sinks.forestMu, L.forestMu);
  check('sinks.strawReturnedMu', sinks.strawReturnedMu, L.strawReturnedMu);
  check('sinks.strawReturnedTonnes', sinks.strawReturnedTonnes, L.strawReturnedTonnes);
  check('sinks.organicFertilizerTonnes', sinks.organicFertilizerTonnes, L.organicFertilizerTonnes);
  return issues;
}
