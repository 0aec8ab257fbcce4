import { type CsvRecord, parseCsvRecords } from '../../kernel/tabular';

/**
 * Where a per-unit figure comes from: `published` is taken as printed in the named source, `derived` is computed
 * from named published factors with the stated assumptions in the notes, `assumption` is ours (notes say why).
 */
export const BASES = ['published', 'derived', 'assumption'] as const;
export type Basis = (typeof BASES)[number];

/** 绿色行为: a green behaviour a resident's carbon account credits, with its reduction per unit and daily cap. */
export interface Behaviour {
  /** Stable code sources send, e.g. 'bus_trip' */
  code: string;
  nameZh: string;
  nameEn: string;
  /** What one unit of `amount` is, e.g. 'km', 'kg', 'trip' */
  unit: string;
  /** Grams CO2e reduced per unit (at most 3 decimals, so sums stay exact in milli-units) */
  gramsPerUnit: number;
  /** Anti-gaming: units credited per person and Asia/Shanghai day, beyond which events earn nothing */
  dailyCapUnits: number;
  basis: Basis;
  source: string;
  notes: string;
  /** Line in the CSV, for error messages */
  line: number;
}

export type BehaviourCatalogue = ReadonlyMap<string, Behaviour>;

/** A data-file problem; the message names the file and line so an officer can fix the row. */
export class CarbonDataError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${source} line ${line}: ${detail}`);
    this.name = 'CarbonDataError';
  }
}

export const BEHAVIOUR_COLUMNS = [
  'code',
  'name_zh',
  'name_en',
  'unit',
  'grams_per_unit',
  'daily_cap_units',
  'basis',
  'source',
  'notes',
] as const;

const CODE = /^[a-z][a-z0-9_]{1,47}$/;
const DECIMAL = /^\d+(\.\d{1,3})?$/;

/** Parses behaviours.csv; every problem (bad number, zero cap, repeated code, missing source) names its line. */
export function parseBehaviourCatalogue(text: string, source = 'behaviours.csv'): BehaviourCatalogue {
  const catalogue = new Map<string, Behaviour>();
  for (const { line, cells } of parseCsvRows(text, BEHAVIOUR_COLUMNS, source)) {
    const fail = (detail: string) => new CarbonDataError(source, line, detail);
    if (!CODE.test(cells.code)) throw fail(`code "${cells.code}" must be lower_snake_case`);
    const earlier = catalogue.get(cells.code);
    if (earlier) throw fail(`code ${cells.code} already defined on line ${earlier.line}`);
    for (const column of ['name_zh', 'name_en', 'unit'] as const) {
      if (cells[column] === '') throw fail(`${column} must not be empty`);
    }
    const basis = BASES.find((candidate) => candidate === cells.basis);
    if (!basis) throw fail(`basis must be one of ${BASES.join(', ')}, found "${cells.basis}"`);
    // A figure either traces to a named source or says, in its notes, why we assumed it.
    if (basis !== 'assumption' && cells.source === '') throw fail(`basis ${basis} needs a source`);
    if (basis === 'assumption' && cells.notes === '')
      throw fail('basis assumption needs notes giving the reasoning');
    catalogue.set(cells.code, {
      code: cells.code,
      nameZh: cells.name_zh,
      nameEn: cells.name_en,
      unit: cells.unit,
      gramsPerUnit: positiveDecimal(cells.grams_per_unit, 'grams_per_unit', fail),
      dailyCapUnits: positiveDecimal(cells.daily_cap_units, 'daily_cap_units', fail),
      basis,
      source: cells.source,
      notes: cells.notes,
      line,
    });
  }
  if (catalogue.size === 0) throw new CarbonDataError(source, 1, 'no behaviours');
  return catalogue;
}

function positiveDecimal(text: string, column: string, fail: (detail: string) => Error): number {
  if (!DECIMAL.test(text)) throw fail(`${column} "${text}" must be a number with at most 3 decimals`);
  const value = Number(text);
  if (value <= 0) throw fail(`${column} must be positive, found ${text}`);
  return value;
}

export interface CsvRow<Column extends string> {
  line: number;
  cells: Record<Column, string>;
}

/**
 * Reads a CSV (RFC 4180 via parseCsvRecords: notes may hold commas and quotes) whose header must be exactly
 * `columns`, into rows of named, trimmed cells; a row with the wrong number of fields names its line.
 */
export function parseCsvRows<Column extends string>(
  text: string,
  columns: readonly Column[],
  source: string,
): CsvRow<Column>[] {
  let records: CsvRecord[];
  try {
    records = parseCsvRecords(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CarbonDataError(source, Number(/line (\d+)/.exec(message)?.[1] ?? 1), message);
  }
  const [header, ...rows] = records;
  if (header?.cells.join(',') !== columns.join(',')) {
    throw new CarbonDataError(source, 1, `header must be "${columns.join(',')}"`);
  }
  return rows.map(({ line, cells }) => {
    if (cells.length !== columns.length) {
      throw new CarbonDataError(source, line, `expected ${columns.length} fields, found ${cells.length}`);
    }
    const named = Object.fromEntries(columns.map((column, i) => [column, cells[i]?.trim() ?? '']));
    return { line, cells: named as Record<Column, string> };
  });
}
