import { parseCsvRecords } from '../../kernel/tabular';

/** Where a figure comes from: a published table, a guideline default, an IPCC default, or our own assumption. */
export const FACTOR_BASES = ['published', 'guideline_default', 'ipcc_default', 'assumption'] as const;
export type FactorBasis = (typeof FACTOR_BASES)[number];

export const FACTOR_REGIONS = ['national', 'east-china', 'any'] as const;
export type FactorRegion = (typeof FACTOR_REGIONS)[number];

/**
 * 排放因子 — one version of an emission factor or accounting parameter. A version is identified by `id` and
 * never changes: a corrected or newer figure is a new row with a new id, so old results stay reproducible.
 */
export interface EmissionFactor {
  id: string;
  /** What it applies to, e.g. `electricity_grid`, `raw_coal.ncv`, `agri.enteric.dairy_cattle`. */
  kind: string;
  region: FactorRegion;
  value: number;
  unit: string;
  gas: string;
  basis: FactorBasis;
  source: string;
  /** The data year the figure describes (for grid factors, not the year it was announced). */
  year: number;
  /** First and last month (YYYY-MM, inclusive) it applies to; null = open-ended. */
  validFrom: string | null;
  validTo: string | null;
  notes: string;
}

export interface FactorLibrary {
  /** In the order added: on a tie the row added last wins, so an officer's new version supersedes. */
  readonly factors: readonly EmissionFactor[];
  readonly byId: ReadonlyMap<string, EmissionFactor>;
}

export class FactorCsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file} line ${line}: ${reason}`);
    this.name = 'FactorCsvError';
  }
}

export const FACTOR_COLUMNS = [
  'id',
  'kind',
  'region',
  'value',
  'unit',
  'gas',
  'basis',
  'source',
  'year',
  'valid_from',
  'valid_to',
  'notes',
] as const;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Checks one factor; returns the reason it is unusable, or null. Shared by the CSV and officer-added rows. */
export function factorProblem(factor: EmissionFactor): string | null {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(factor.id))
    return `id "${factor.id}" must be lower-case letters, digits, . _ -`;
  if (factor.kind.trim() === '') return 'kind is empty';
  if (!FACTOR_REGIONS.includes(factor.region))
    return `region "${factor.region}" is not one of ${FACTOR_REGIONS}`;
  if (!Number.isFinite(factor.value)) return `value is not a number`;
  if (factor.unit.trim() === '') return 'unit is empty';
  if (!FACTOR_BASES.includes(factor.basis)) return `basis "${factor.basis}" is not one of ${FACTOR_BASES}`;
  if (factor.source.trim() === '') return 'source is empty: every figure must name its source';
  if (!Number.isInteger(factor.year) || factor.year < 1990 || factor.year > 2100) return 'year is not a year';
  for (const month of [factor.validFrom, factor.validTo]) {
    if (month !== null && !MONTH.test(month)) return `validity month "${month}" is not YYYY-MM`;
  }
  if (factor.validFrom && factor.validTo && factor.validFrom > factor.validTo)
    return 'valid_from is after valid_to';
  return null;
}

/** Builds a library from checked factors; throws on a duplicate id (a version id is never reused). */
export function createFactorLibrary(factors: readonly EmissionFactor[]): FactorLibrary {
  const byId = new Map<string, EmissionFactor>();
  for (const factor of factors) {
    const problem = factorProblem(factor);
    if (problem) throw new Error(`factor ${factor.id}: ${problem}`);
    if (byId.has(factor.id)) throw new Error(`factor id ${factor.id} appears twice`);
    byId.set(factor.id, Object.freeze({ ...factor }));
  }
  return { factors: [...byId.values()], byId };
}

/** Parses data/carbon/emission-factors.csv text; errors name the file line. */
export function parseFactorCsv(text: string, file = 'emission-factors.csv'): FactorLibrary {
  const [header, ...rows] = parseCsvRecords(text);
  if (!header || header.cells.join(',') !== FACTOR_COLUMNS.join(','))
    throw new FactorCsvError(file, header?.line ?? 1, `header must be ${FACTOR_COLUMNS.join(',')}`);
  const factors: EmissionFactor[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of rows) {
    if (cells.length !== FACTOR_COLUMNS.length)
      throw new FactorCsvError(file, line, `has ${cells.length} cells, expected ${FACTOR_COLUMNS.length}`);
    const [id, kind, region, value, unit, gas, basis, source, year, validFrom, validTo, notes] = cells.map(
      (c) => c.trim(),
    ) as [string, string, string, string, string, string, string, string, string, string, string, string];
    const factor: EmissionFactor = {
      id,
      kind,
      region: region as FactorRegion,
      value: value === '' ? Number.NaN : Number(value),
      unit,
      gas,
      basis: basis as FactorBasis,
      source,
      year: year === '' ? Number.NaN : Number(year),
      validFrom: validFrom || null,
      validTo: validTo || null,
      notes,
    };
    const problem = factorProblem(factor);
    if (problem) throw new FactorCsvError(file, line, problem);
    if (seen.has(id)) throw new FactorCsvError(file, line, `id ${id} appears twice`);
    seen.add(id);
    factors.push(factor);
  }
  return createFactorLibrary(factors);
}

export interface FactorSelection {
  factor: EmissionFactor;
  /** True when no version is valid for the period and the nearest published year was used instead. */
  fallback: boolean;
  /** Why, in English and Chinese, e.g. "2025 factor not yet published; using 2023". */
  reason?: string;
  reasonZh?: string;
}

const isValidFor = (factor: EmissionFactor, period: string) =>
  (factor.validFrom === null || factor.validFrom <= period) &&
  (factor.validTo === null || period <= factor.validTo);

/** The later year wins; on equal years the row added last (an officer's newer version). */
const newest = (candidates: readonly EmissionFactor[]) =>
  candidates.reduce((best, f) => (f.year >= best.year ? f : best));

/**
 * Picks the factor version for a period ('YYYY-MM') and region: the row valid for that month, preferring the
 * exact region over 'any'. When none is valid it falls back — to the latest year not after the period's
 * year, or (for a period older than every version) the earliest — and says so. Null when the kind is unknown.
 * @example selectFactor(library, 'electricity_grid', { region: 'national', period: '2026-03' })
 *   // { factor: grid-national-2023, fallback: true, reason: '2026 factor not yet published; using 2023' }
 */
export function selectFactor(
  library: FactorLibrary,
  kind: string,
  { region, period }: { region: FactorRegion; period: string },
): FactorSelection | null {
  const ofKind = library.factors.filter((f) => f.kind === kind);
  const exact = ofKind.filter((f) => f.region === region);
  const candidates = exact.length > 0 ? exact : ofKind.filter((f) => f.region === 'any');
  if (candidates.length === 0) return null;
  const valid = candidates.filter((f) => isValidFor(f, period));
  if (valid.length > 0) return { factor: newest(valid), fallback: false };

  const periodYear = Number(period.slice(0, 4));
  const earlier = candidates.filter((f) => f.year <= periodYear);
  if (earlier.length > 0) {
    const factor = newest(earlier);
    if (factor.year < periodYear)
      return {
        factor,
        fallback: true,
        reason: `${periodYear} factor not yet published; using ${factor.year}`,
        reasonZh: `${periodYear} 年因子尚未发布，沿用 ${factor.year} 年因子`,
      };
    return {
      factor,
      fallback: true,
      reason: `no factor valid for ${period}; using ${factor.id} (${factor.year})`,
      reasonZh: `没有适用于 ${period} 的因子，沿用 ${factor.id}（${factor.year} 年）`,
    };
  }
  const factor = candidates.reduce((best, f) => (f.year < best.year ? f : best));
  return {
    factor,
    fallback: true,
    reason: `no ${periodYear} factor in the library; using ${factor.year}, the earliest available`,
    reasonZh: `因子库中没有 ${periodYear} 年因子，采用最早的 ${factor.year} 年因子`,
  };
}
