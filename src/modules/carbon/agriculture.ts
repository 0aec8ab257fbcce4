import { type CalculationIssue, type GridChoice, resolveActivityFactor } from './calculator';
import { type FactorLibrary, selectFactor } from './factors';

/** 农业碳中和账户 — a farm's annual emissions against its sinks. */
export const LIVESTOCK_TYPES = [
  'dairy_cattle',
  'other_cattle',
  'buffalo',
  'sheep',
  'goats',
  'swine',
] as const;
export type LivestockType = (typeof LIVESTOCK_TYPES)[number];
export const WATER_REGIMES = ['continuous', 'single_drainage', 'multiple_drainage'] as const;
export type WaterRegime = (typeof WATER_REGIMES)[number];
export const FARM_LABELS = ['碳中和', '近零', '减排中'] as const;
export type FarmLabel = (typeof FARM_LABELS)[number];

/** Label cut-offs on sinks / emissions, from label-thresholds.json (an assumption: none are published). */
export interface FarmNeutralityBands {
  basis: 'assumption' | 'published';
  description: string;
  labels: { label: FarmLabel; minRatio: number | null }[];
}

/** One year's farm data; livestock counts are the average population over the year. */
export interface FarmInput {
  year: number;
  gridFactor?: GridChoice;
  nitrogenFertilizerKgN?: number;
  rice?: { areaMu: number; daysFlooded: number; waterRegime?: WaterRegime }[];
  livestock?: Partial<Record<LivestockType, number>>;
  dieselTonnes?: number;
  electricityKWh?: number;
  sinks?: {
    forestMu?: number;
    strawReturnedTonnes?: number;
    strawReturnedMu?: number;
    organicFertilizerTonnes?: number;
  };
}

export type FarmSource =
  | 'fertilizer_n2o'
  | 'rice_ch4'
  | 'enteric_ch4'
  | 'manure_ch4'
  | 'manure_n2o'
  | 'diesel'
  | 'electricity'
  | 'forest'
  | 'straw_return'
  | 'organic_fertilizer';

export interface FarmLine {
  source: FarmSource;
  /** Integer grams CO2e (CH4 and N2O through AR5 GWP100), positive for emissions and for sinks alike. */
  grams: number;
  factorIds: string[];
}

export interface FarmAccount {
  year: number;
  emissions: FarmLine[];
  sinks: FarmLine[];
  emissionsGrams: number;
  sinksGrams: number;
  netGrams: number;
  /** sinks / emissions, 4 decimals; null when there are no emissions. */
  neutralityRatio: number | null;
  label: FarmLabel;
  factorIds: string[];
  /** Fallback reasons of any factor used outside its validity (e.g. a year with no grid factor yet). */
  fallbacks: string[];
}

export function parseFarmNeutrality(json: unknown): FarmNeutralityBands {
  const bands = json as FarmNeutralityBands;
  const labels = bands?.labels ?? [];
  if (labels.map((l) => l.label).join() !== FARM_LABELS.join())
    throw new Error('farmNeutrality: labels must be 碳中和, 近零, 减排中');
  labels.forEach((l, i) => {
    const next = labels[i + 1]?.minRatio;
    if ((i === labels.length - 1) !== (l.minRatio === null))
      throw new Error('farmNeutrality: only the last label has minRatio null');
    if (typeof next === 'number' && !((l.minRatio as number) > next))
      throw new Error('farmNeutrality: minRatio must fall');
  });
  return bands;
}

/** The label: with no emissions a farm is neutral; otherwise the first band the ratio reaches. */
export function farmLabel(neutralityRatio: number | null, bands: FarmNeutralityBands): FarmLabel {
  if (neutralityRatio === null) return FARM_LABELS[0];
  return bands.labels.find((b) => b.minRatio === null || neutralityRatio >= b.minRatio)?.label ?? '减排中';
}

const MU_PER_HECTARE = 15;
const N2O_PER_N = 44 / 28;
/** Farm quantities beyond this (kg N, mu, head, t, kWh) are typos, not farms. */
const MAX_FARM_AMOUNT = 1e9;

function checkFarmInput(input: FarmInput): CalculationIssue[] {
  const issues: CalculationIssue[] = [];
  const check = (path: string, value: number | undefined, max = MAX_FARM_AMOUNT) => {
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isFinite(value))
      issues.push({ path, code: 'amount_not_finite', params: { amount: String(value) } });
    else if (value < 0) issues.push({ path, code: 'amount_negative', params: { amount: value } });
    else if (value > max)
      issues.push({ path, code: 'amount_too_large', params: { amount: value, unit: '', max, baseUnit: '' } });
  };
  if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2100)
    issues.push({ path: 'year', code: 'period_format', params: { period: String(input.year) } });
  check('nitrogenFertilizerKgN', input.nitrogenFertilizerKgN);
  (input.rice ?? []).forEach((plot, i) => {
    check(`rice[${i}].areaMu`, plot.areaMu);
    check(`rice[${i}].daysFlooded`, plot.daysFlooded, 366);
    if (plot.waterRegime !== undefined && !WATER_REGIMES.includes(plot.waterRegime))
      issues.push({
        path: `rice[${i}].waterRegime`,
        code: 'unknown_kind',
        params: { kind: String(plot.waterRegime), allowed: WATER_REGIMES.join(', ') },
      });
  });
  for (const [type, heads] of Object.entries(input.livestock ?? {})) {
    if (!(LIVESTOCK_TYPES as readonly string[]).includes(type))
      issues.push({
        path: `livestock.${type}`,
        code: 'unknown_kind',
        params: { kind: type, allowed: LIVESTOCK_TYPES.join(', ') },
      });
    else check(`livestock.${type}`, heads);
  }
  check('dieselTonnes', input.dieselTonnes);
  check('electricityKWh', input.electricityKWh);
  for (const [name, value] of Object.entries(input.sinks ?? {})) check(`sinks.${name}`, value);
  return issues;
}

/**
 * A farm's annual account: emissions by source (IPCC Tier 1 defaults named in the factor library), sinks,
 * net, neutrality ratio and label. Only the factors a farm's inputs need are looked up, so a missing factor
 * for an absent source never blocks the account.
 */
export function calculateFarmAccount(
  library: FactorLibrary,
  input: FarmInput,
  bands: FarmNeutralityBands,
): { ok: true; account: FarmAccount } | { ok: false; issues: CalculationIssue[] } {
  const issues = checkFarmInput(input);
  if (issues.length > 0) return { ok: false, issues };
  const period = `${input.year}-01`;
  const used = new Set<string>();
  const fallbacks = new Set<string>();
  let lineFactors = new Set<string>();
  const factor = (kind: string): number => {
    const selection = selectFactor(library, kind, { region: 'any', period });
    if (!selection) {
      issues.push({
        path: kind,
        code: 'factor_missing',
        params: { kind, factor: kind, period: String(input.year) },
      });
      return 0;
    }
    used.add(selection.factor.id);
    lineFactors.add(selection.factor.id);
    if (selection.reason) fallbacks.add(`${selection.factor.id}: ${selection.reason}`);
    return selection.factor.value;
  };
  // Each line records the factor versions it used, so a farm account is reproducible line by line.
  const line = (source: FarmSource, compute: () => number): FarmLine => {
    lineFactors = new Set();
    const grams = Math.round(compute());
    return { source, grams, factorIds: [...lineFactors] };
  };
  // kg CH4 or kg N2O → grams CO2e.
  const ch4 = (kg: number) => kg * factor('gwp.ch4') * 1_000;
  const n2o = (kg: number) => kg * factor('gwp.n2o') * 1_000;

  const emissions: FarmLine[] = [];
  const sinks: FarmLine[] = [];
  const n = input.nitrogenFertilizerKgN;
  if (n !== undefined) {
    emissions.push(
      line('fertilizer_n2o', () => {
        const direct = factor('agri.n_fertilizer.ef1');
        const volatilised = factor('agri.n_fertilizer.frac_gasf') * factor('agri.n_fertilizer.ef4');
        const leached = factor('agri.n_fertilizer.frac_leach') * factor('agri.n_fertilizer.ef5');
        return n2o(n * (direct + volatilised + leached) * N2O_PER_N);
      }),
    );
  }
  if (input.rice && input.rice.length > 0) {
    const plots = input.rice;
    emissions.push(
      line('rice_ch4', () => {
        const baseline = factor('agri.rice.baseline') * factor('agri.rice.sf_preseason');
        const kg = plots.reduce(
          (sum, p) =>
            sum +
            (p.areaMu / MU_PER_HECTARE) *
              p.daysFlooded *
              factor(`agri.rice.sf_water.${p.waterRegime ?? 'continuous'}`),
          0,
        );
        return ch4(kg * baseline);
      }),
    );
  }
  const herd = Object.entries(input.livestock ?? {}) as [LivestockType, number][];
  if (herd.length > 0) {
    const perHead = (kind: (type: LivestockType) => number) =>
      herd.reduce((sum, [type, heads]) => sum + heads * kind(type), 0);
    emissions.push(line('enteric_ch4', () => ch4(perHead((t) => factor(`agri.enteric.${t}`)))));
    emissions.push(line('manure_ch4', () => ch4(perHead((t) => factor(`agri.manure_ch4.${t}`)))));
    emissions.push(
      line('manure_n2o', () =>
        n2o(
          perHead((t) => factor(`agri.manure.nex.${t}`)) *
            factor('agri.manure.ef3_solid_storage') *
            N2O_PER_N,
        ),
      ),
    );
  }
  const gridFactor = input.gridFactor ?? 'national';
  for (const [source, kind, amount] of [
    ['diesel', 'diesel', input.dieselTonnes],
    ['electricity', 'electricity', input.electricityKWh],
  ] as const) {
    if (amount === undefined) continue;
    const resolved = resolveActivityFactor(library, kind, { period, gridFactor });
    if (!resolved.ok) {
      issues.push({ path: kind, code: 'factor_missing', params: { kind, factor: resolved.missing, period } });
      continue;
    }
    if (resolved.applied.fallbackReason)
      fallbacks.add(`${resolved.applied.id}: ${resolved.applied.fallbackReason}`);
    for (const id of resolved.factorIds) used.add(id);
    emissions.push({
      source,
      grams: Math.round(amount * resolved.gramsPerBaseUnit),
      factorIds: resolved.factorIds,
    });
  }
  const s = input.sinks ?? {};
  const tonnes = (t: number) => t * 1_000_000;
  if (s.forestMu !== undefined)
    sinks.push(line('forest', () => tonnes((s.forestMu ?? 0) * factor('agri.sink.forest'))));
  if (s.strawReturnedTonnes !== undefined || s.strawReturnedMu !== undefined)
    sinks.push(
      line('straw_return', () => {
        const byWeight = s.strawReturnedTonnes
          ? s.strawReturnedTonnes * factor('agri.sink.straw_return_t')
          : 0;
        const byArea = s.strawReturnedMu ? s.strawReturnedMu * factor('agri.sink.straw_return_mu') : 0;
        return tonnes(byWeight + byArea);
      }),
    );
  if (s.organicFertilizerTonnes !== undefined)
    sinks.push(
      line('organic_fertilizer', () =>
        tonnes((s.organicFertilizerTonnes ?? 0) * factor('agri.sink.organic_fertilizer')),
      ),
    );
  if (issues.length > 0) return { ok: false, issues };

  const emissionsGrams = emissions.reduce((sum, l) => sum + l.grams, 0);
  const sinksGrams = sinks.reduce((sum, l) => sum + l.grams, 0);
  const neutralityRatio =
    emissionsGrams > 0 ? Math.round((sinksGrams / emissionsGrams) * 10_000) / 10_000 : null;
  return {
    ok: true,
    account: {
      year: input.year,
      emissions,
      sinks,
      emissionsGrams,
      sinksGrams,
      netGrams: emissionsGrams - sinksGrams,
      neutralityRatio,
      label: farmLabel(neutralityRatio, bands),
      factorIds: [...used],
      fallbacks: [...fallbacks],
    },
  };
}
