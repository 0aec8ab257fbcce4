import type { Farm } from '../registry';
import {
  calculateFarmAccount,
  FARM_LABELS,
  type FarmInput,
  type FarmLabel,
  type FarmNeutralityBands,
} from './agriculture';
import type { CarbonFarmResultTable } from './carbon.tables';
import type { FactorLibrary } from './factors';

/** What the close learns from the farms of a year. */
export interface FarmCloseSummary {
  year: number;
  farms: number;
  withoutInputs: number;
  /** Farms whose stored inputs no longer give an account (e.g. a factor they need is missing). */
  failed: number[];
  labels: Record<FarmLabel, number>;
  byCounty: {
    countyCode: string;
    farms: number;
    emissionsGrams: number;
    sinksGrams: number;
    netGrams: number;
    labels: Record<FarmLabel, number>;
  }[];
}

export const emptyFarmLabels = () =>
  Object.fromEntries(FARM_LABELS.map((l) => [l, 0])) as Record<FarmLabel, number>;

/**
 * The close's farm part, pure: each farm's account for `year` from its inputs (farms without inputs are counted,
 * not closed), the result rows to store and the totals by county and label.
 */
export function closeFarms(
  farms: readonly Farm[],
  inputs: ReadonlyMap<number, Omit<FarmInput, 'year'>>,
  library: FactorLibrary,
  bands: FarmNeutralityBands,
  options: { year: number; period: string; runId: string; final: boolean },
  closedAt: string,
): { rows: CarbonFarmResultTable[]; summary: FarmCloseSummary } {
  const summary: FarmCloseSummary = {
    year: options.year,
    farms: 0,
    withoutInputs: 0,
    failed: [],
    labels: emptyFarmLabels(),
    byCounty: [],
  };
  const counties = new Map<string, FarmCloseSummary['byCounty'][number]>();
  const rows: CarbonFarmResultTable[] = [];
  for (const farm of farms) {
    const input = inputs.get(farm.id);
    if (!input) {
      summary.withoutInputs++;
      continue;
    }
    const outcome = calculateFarmAccount(library, { ...input, year: options.year }, bands);
    if (!outcome.ok) {
      summary.failed.push(farm.id);
      continue;
    }
    const a = outcome.account;
    const countyCode = farm.divisionCode.slice(0, 6);
    rows.push({
      farm_id: farm.id,
      year: options.year,
      county_code: countyCode,
      village_code: farm.divisionCode,
      close_period: options.period,
      run_id: options.runId,
      final: options.final ? 1 : 0,
      emissions_grams: a.emissionsGrams,
      sinks_grams: a.sinksGrams,
      net_grams: a.netGrams,
      neutrality_ratio: a.neutralityRatio,
      label: a.label,
      account: JSON.stringify(a),
      closed_at: closedAt,
    });
    summary.farms++;
    summary.labels[a.label]++;
    const county = counties.get(countyCode) ?? {
      countyCode,
      farms: 0,
      emissionsGrams: 0,
      sinksGrams: 0,
      netGrams: 0,
      labels: emptyFarmLabels(),
    };
    county.farms++;
    county.emissionsGrams += a.emissionsGrams;
    county.sinksGrams += a.sinksGrams;
    county.netGrams += a.netGrams;
    county.labels[a.label]++;
    counties.set(countyCode, county);
  }
  summary.byCounty = [...counties.values()].sort((a, b) => (a.countyCode < b.countyCode ? -1 : 1));
  return { rows, summary };
}
