import { readFileSync } from 'node:fs';
import { dataPath } from '../../kernel/paths';

/** Which way a record moves the score. Rewards only: negatives lower the score, they never bar a service. */
export const POLARITIES = ['positive', 'negative'] as const;
export type Polarity = (typeof POLARITIES)[number];

/** The score's dimensions (维度), after Hangzhou's 钱江分 plus green life. */
export const DIMENSIONS = ['identity', 'law_abiding', 'life', 'economic', 'prosocial', 'green'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** 信用记录类型 — one kind of credit record and the department entitled to report it. */
export interface RecordType {
  code: string;
  zh: string;
  en: string;
  /** The officer department (and source system) that reports it, e.g. `court`, `tax`, `civilization`. */
  department: string;
  polarity: Polarity;
  dimension: Dimension;
  unit: { zh: string; en: string };
  /** Default validity from the date of the fact, in months; after it the record stops counting. */
  validityMonths: number;
  /** The most units one record may carry (volunteer hours in one record, months of continuity). */
  maxQuantity: number;
  /** True where the unit can be split (volunteer hours); counts, months and cases are whole. */
  fractional: boolean;
  /** True where 信用修复 applies: the condition can be remedied (arrears paid, judgment performed). */
  repairable: boolean;
  /** Units a resident could plausibly add next (20 volunteer hours, 12 months), for "what would raise it"; 0 = not in their hands. */
  suggestedStep: number;
}

/** Checks the shipped catalogue's shape so a bad edit fails at start, not in a score. */
export function parseRecordTypes(json: unknown): RecordType[] {
  const types = (json as { types?: unknown }).types;
  if (!Array.isArray(types)) throw new Error('record-types.json: "types" must be an array');
  const seen = new Set<string>();
  return types.map((t: RecordType, index) => {
    const where = `record-types.json types[${index}]`;
    if (!/^[a-z][a-z_]*$/.test(t.code ?? '')) throw new Error(`${where}: code must be snake_case`);
    if (seen.has(t.code)) throw new Error(`${where}: duplicate code ${t.code}`);
    seen.add(t.code);
    if (!POLARITIES.includes(t.polarity)) throw new Error(`${where}: polarity must be positive or negative`);
    if (!DIMENSIONS.includes(t.dimension)) throw new Error(`${where}: unknown dimension ${t.dimension}`);
    if (!(Number.isInteger(t.validityMonths) && t.validityMonths > 0 && t.validityMonths <= 120))
      throw new Error(`${where}: validityMonths must be 1-120`);
    // A type check, not just `> 0`: a quoted "4" compared as a number and slipped through as a string.
    if (!(typeof t.maxQuantity === 'number' && Number.isFinite(t.maxQuantity) && t.maxQuantity > 0))
      throw new Error(`${where}: maxQuantity must be positive`);
    if (!t.zh || !t.en || !t.department || !t.unit?.zh || !t.unit?.en)
      throw new Error(`${where}: zh, en, department and unit are required`);
    if (!(Number.isInteger(t.suggestedStep) && t.suggestedStep >= 0 && t.suggestedStep <= t.maxQuantity))
      throw new Error(`${where}: suggestedStep must be an integer from 0 to maxQuantity`);
    // Flags must be real booleans: a quoted "false" would otherwise read as true.
    return { ...t, repairable: t.repairable === true, fractional: t.fractional === true };
  });
}

let shipped: RecordType[] | null = null;

/** The record types shipped in data/credit/record-types.json (read once per process). */
export function recordTypes(): readonly RecordType[] {
  shipped ??= parseRecordTypes(JSON.parse(readFileSync(dataPath('credit', 'record-types.json'), 'utf8')));
  return shipped;
}

export function recordType(code: string): RecordType | undefined {
  return recordTypes().find((t) => t.code === code);
}

/** The departments that report credit records, in catalogue order. */
export function sourceDepartments(): string[] {
  return [...new Set(recordTypes().map((t) => t.department))];
}
