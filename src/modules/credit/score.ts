import { toDayNumber } from '../../kernel/calendar';
import type { Dimension, RecordType } from './record-types';
import { type ScoreModel, tierOf } from './score-model';

/** A record's state. Disputed records keep counting until the department decides (its data stands until corrected). */
export const RECORD_STATUSES = ['active', 'disputed', 'withdrawn', 'repaired'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];
const COUNTING: readonly RecordStatus[] = ['active', 'disputed'];

/** What the score function needs of a record. Dates are YYYY-MM-DD; `validUntil` is the first day it no longer counts. */
export interface ScoredRecord {
  id: string;
  type: string;
  quantity: number;
  occurredOn: string;
  validUntil: string;
  status: RecordStatus;
}

export interface RecordImpact {
  id: string;
  type: string;
  dimension: Dimension;
  /** Points after unit cap and decay, before the dimension's weight. */
  points: number;
  /** Share of the full effect still in force: 1 for fresh or non-decaying records, 0 once expired. */
  strength: number;
}

export interface DimensionScore {
  code: Dimension;
  /** Sum of its records' points. */
  raw: number;
  /** raw × weight, before cap and floor. */
  weighted: number;
  /** What it adds to the base after cap and floor. */
  contribution: number;
  cap: number;
  floor: number;
  limitedBy: 'cap' | 'floor' | null;
}

export interface Score {
  score: number;
  tier: string;
  modelVersion: string;
  asOf: string;
  dimensions: DimensionScore[];
  /** Every record that counted, largest effect first. */
  impacts: RecordImpact[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The share of a record's effect in force on `asOf`: none before the fact or from `validUntil` on; for `linear`
 * decay it falls evenly from 1 on the day of the fact to 0 on `validUntil`.
 */
export function strengthOn(
  record: Pick<ScoredRecord, 'occurredOn' | 'validUntil'>,
  decay: 'linear' | 'none',
  asOf: string,
) {
  return strengthOnDay(record, decay, toDayNumber(asOf));
}

/** strengthOn with `asOf` as a day number: computeScore converts it once, not once per record. */
function strengthOnDay(
  record: Pick<ScoredRecord, 'occurredOn' | 'validUntil'>,
  decay: 'linear' | 'none',
  day: number,
) {
  const from = toDayNumber(record.occurredOn);
  const until = toDayNumber(record.validUntil);
  if (day < from || day >= until) return 0;
  return decay === 'none' ? 1 : (until - day) / (until - from);
}

/**
 * 信安分 — scores one resident's records under `model` on `asOf`. Pure: the same inputs give the same score.
 * base + Σ clamp(weight × Σ record points, −floor, cap) per dimension, rounded and kept within [min, max].
 * A record of a type the catalogue or the model does not know counts nothing (the service refuses such records).
 * @example computeScore(model, types, [{ id: 'r1', type: 'blood_donation', quantity: 1, occurredOn: '2026-05-01',
 *   validUntil: '2029-05-01', status: 'active' }], '2026-12-04').score // base + 30
 */
export function computeScore(
  model: ScoreModel,
  types: ReadonlyMap<string, RecordType>,
  records: readonly ScoredRecord[],
  asOf: string,
): Score {
  const impacts: RecordImpact[] = [];
  const score = scoreRecords(model, types, records, asOf, impacts);
  const weightOf = new Map(model.dimensions.map((d) => [d.code, d.weight]));
  impacts.sort(
    (a, b) =>
      Math.abs(b.points * (weightOf.get(b.dimension) ?? 1)) -
        Math.abs(a.points * (weightOf.get(a.dimension) ?? 1)) || (a.id < b.id ? -1 : 1),
  );
  return { ...score, impacts };
}

/**
 * computeScore without the per-record impacts (`impacts` is empty): the same score, tier and dimensions by the same
 * code, for a population recompute, which stores only those.
 */
export function computeScoreTotals(
  model: ScoreModel,
  types: ReadonlyMap<string, RecordType>,
  records: readonly ScoredRecord[],
  asOf: string,
): Score {
  return scoreRecords(model, types, records, asOf, null);
}

/** The score; each counting record's impact is pushed onto `impacts` unless it is null. */
function scoreRecords(
  model: ScoreModel,
  types: ReadonlyMap<string, RecordType>,
  records: readonly ScoredRecord[],
  asOf: string,
  impacts: RecordImpact[] | null,
): Score {
  const raw = new Map<Dimension, number>();
  // Converted on the first record that needs it, so an unreadable asOf fails exactly where it always did.
  let day: number | undefined;
  for (const record of records) {
    if (!COUNTING.includes(record.status)) continue;
    const type = types.get(record.type);
    const priced = model.types[record.type];
    if (!type || !priced) continue;
    day ??= toDayNumber(asOf);
    const strength = strengthOnDay(record, priced.decay, day);
    if (strength === 0) continue;
    const units = Math.min(Math.max(record.quantity, 0), type.maxQuantity);
    const points = priced.pointsPerUnit * units * strength;
    if (points === 0) continue;
    impacts?.push({
      id: record.id,
      type: record.type,
      dimension: type.dimension,
      points: round2(points),
      strength,
    });
    raw.set(type.dimension, (raw.get(type.dimension) ?? 0) + points);
  }
  const dimensions = model.dimensions.map((d): DimensionScore => {
    const sum = raw.get(d.code) ?? 0;
    const weighted = sum * d.weight;
    const contribution = Math.min(d.cap, Math.max(-d.floor, weighted));
    const limitedBy = weighted > d.cap ? 'cap' : weighted < -d.floor ? 'floor' : null;
    return {
      code: d.code,
      raw: round2(sum),
      weighted: round2(weighted),
      contribution: round2(contribution),
      cap: d.cap,
      floor: d.floor,
      limitedBy,
    };
  });
  const total = model.base + dimensions.reduce((sum, d) => sum + d.contribution, 0);
  const score = Math.min(model.max, Math.max(model.min, Math.round(total)));
  return {
    score,
    tier: tierOf(model, score).code,
    modelVersion: model.version,
    asOf,
    dimensions,
    impacts: [],
  };
}

/** The catalogue as the score function takes it. */
export const typeMap = (types: readonly RecordType[]) => new Map(types.map((t) => [t.code, t]));
