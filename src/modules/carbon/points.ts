import type { BehaviourEvent } from './behaviour-events';
import { eventKey, timestampMillis } from './behaviour-events';
import type { BehaviourCatalogue } from './behaviours';
import { BASES, type Basis, CarbonDataError } from './behaviours';

/** Shenzhen's carbon-inclusion rule: points last at most 10 years. */
export const MAX_EXPIRY_MONTHS = 120;

/**
 * 碳积分 rules. `nonTransferable: true` and `cashValue: false` are literal types: a file that says otherwise is
 * refused at load, so no configuration can make points a currency.
 */
export interface PointsConfig {
  version: string;
  /** Whole grams CO2e per point, e.g. 10 */
  gramsPerPoint: number;
  /** 1..120 months from the day points were earned */
  expiryMonths: number;
  nonTransferable: true;
  cashValue: false;
  basis: Basis;
  source: string;
  notes?: string;
}

const CONFIG_FIELDS = new Set([
  'version',
  'gramsPerPoint',
  'expiryMonths',
  'nonTransferable',
  'cashValue',
  'basis',
  'source',
  'notes',
]);

/** Validates points.json; throws CarbonDataError naming the field (line 1: JSON has no useful line here). */
export function parsePointsConfig(value: unknown, source = 'points.json'): PointsConfig {
  const fail = (detail: string) => new CarbonDataError(source, 1, detail);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw fail('must be a JSON object');
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !CONFIG_FIELDS.has(key));
  if (unknown.length > 0) throw fail(`unknown fields: ${unknown.join(', ')}`);
  const {
    version,
    gramsPerPoint,
    expiryMonths,
    nonTransferable,
    cashValue,
    basis,
    source: cited,
    notes,
  } = record;
  if (typeof version !== 'string' || version === '') throw fail('version must be a non-empty string');
  if (typeof gramsPerPoint !== 'number' || !Number.isSafeInteger(gramsPerPoint) || gramsPerPoint < 1) {
    throw fail('gramsPerPoint must be a positive whole number of grams');
  }
  if (typeof expiryMonths !== 'number' || !Number.isInteger(expiryMonths) || expiryMonths < 1) {
    throw fail('expiryMonths must be a positive whole number');
  }
  if (expiryMonths > MAX_EXPIRY_MONTHS) {
    throw fail(`expiryMonths ${expiryMonths} exceeds ${MAX_EXPIRY_MONTHS} (points last at most 10 years)`);
  }
  if (nonTransferable !== true) throw fail('nonTransferable must be true: points never move between people');
  if (cashValue !== false) throw fail('cashValue must be false: points have no cash value');
  const knownBasis = BASES.find((candidate) => candidate === basis);
  if (!knownBasis) throw fail(`basis must be one of ${BASES.join(', ')}`);
  if (typeof cited !== 'string' || cited === '') throw fail('source must be a non-empty string');
  if (notes !== undefined && typeof notes !== 'string') throw fail('notes must be a string');
  return {
    version,
    gramsPerPoint,
    expiryMonths,
    nonTransferable,
    cashValue,
    basis: knownBasis,
    source: cited,
    ...(notes === undefined ? {} : { notes }),
  };
}

/** Asia/Shanghai has kept UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * The Asia/Shanghai calendar day of a timestamp: caps and daily aggregates count per this day, whatever offset the
 * source used. `dayKey('2026-03-01T23:30:00Z') === '2026-03-02'`.
 */
export function dayKey(occurredAt: string): string {
  const millis = timestampMillis(occurredAt);
  if (millis === null) throw new RangeError(`"${occurredAt}" is not an ISO-8601 timestamp with an offset`);
  return dayOfMillis(millis);
}

const DAY_MS = 86_400_000;
// Formatting a date is slow next to the rest of assessing an event, and a batch spans a few days only.
const dayNames = new Map<number, string>();

/** The Asia/Shanghai calendar day of an instant in epoch milliseconds (dayKey without parsing). */
export function dayOfMillis(millis: number): string {
  const index = Math.floor((millis + SHANGHAI_OFFSET_MS) / DAY_MS);
  let name = dayNames.get(index);
  if (name === undefined) {
    name = new Date(index * DAY_MS).toISOString().slice(0, 10);
    if (dayNames.size > 100_000) dayNames.clear();
    dayNames.set(index, name);
  }
  return name;
}

const utcDays = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * `new Date(millis).toISOString()` for years 1970-9999, a few times faster: the date part is formatted once per
 * UTC day and kept, the time of day is arithmetic. Every stored event's occurred_at goes through here.
 */
export function isoOfMillis(millis: number): string {
  const index = Math.floor(millis / DAY_MS);
  let date = utcDays.get(index);
  if (date === undefined) {
    if (millis < 0 || millis >= MAX_ISO_MILLIS) return new Date(millis).toISOString();
    date = new Date(index * DAY_MS).toISOString().slice(0, 11);
    if (utcDays.size > 100_000) utcDays.clear();
    utcDays.set(index, date);
  }
  let rest = millis - index * DAY_MS;
  const ms = rest % 1000;
  rest = (rest - ms) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  return `${date}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z`;
}

/** 10000-01-01T00:00:00Z: from here toISOString writes six-digit years. */
const MAX_ISO_MILLIS = 253_402_300_800_000;

/**
 * The first Asia/Shanghai day on which points earned at `earnedAt` can no longer be spent: the earning day plus
 * `expiryMonths`, clamped to the month's end (earned 2028-02-29, 12 months -> '2029-02-28').
 */
export function expiryDate(earnedAt: string, config: Pick<PointsConfig, 'expiryMonths'>): string {
  return expiryOfDay(dayKey(earnedAt), config);
}

/** expiryDate for points earned on Asia/Shanghai `day` ('YYYY-MM-DD'). */
export function expiryOfDay(day: string, config: Pick<PointsConfig, 'expiryMonths'>): string {
  const months = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + config.expiryMonths;
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const date = Math.min(Number(day.slice(8, 10)), lastDay);
  return `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** What one event earns. All four are exact: units in thousandths, grams and points whole. */
export interface Assessment {
  /** Units that count after the daily cap, e.g. 2.5 of 4 km when 27.5 km were already credited that day */
  creditedUnits: number;
  grams: number;
  points: number;
  /** True when the cap cut the event's amount (possibly to zero) */
  capped: boolean;
}

/** Amounts are quantised to thousandths of a unit (metres, grams, Wh) so sums never drift. */
const toMilli = (units: number): number => Math.round(units * 1000);

/** Whole grams for `milliUnits` of a behaviour with `milliGramsPerUnit`; both integers, so the product is exact. */
const gramsAt = (milliUnits: number, milliGramsPerUnit: number): number =>
  Math.floor((milliUnits * milliGramsPerUnit) / 1_000_000);

/**
 * Credits one event given the units of the same behaviour the person already has that Asia/Shanghai day.
 *
 * Rounding happens on the running daily total, not per event: an event earns
 * `floor(floor(after × g) / gpp) − floor(floor(before × g) / gpp)`, so the events of one (person, behaviour, day)
 * always sum to exactly what the daily aggregate `floor(floor(units × g) / gpp)` gives, and no fraction is lost.
 * Two identical bus trips may therefore earn 13 and 14 points. Aggregates across behaviours are sums of these
 * per-behaviour figures (flooring the grams of several behaviours together could give a point more).
 */
export function assessBehaviour(
  catalogue: BehaviourCatalogue,
  config: Pick<PointsConfig, 'gramsPerPoint'>,
  event: Pick<BehaviourEvent, 'behaviour' | 'amount'>,
  usedTodayUnits: number,
): Assessment {
  const behaviour = catalogue.get(event.behaviour);
  if (!behaviour) throw new RangeError(`unknown behaviour ${event.behaviour}`);
  if (!(event.amount > 0) || !Number.isFinite(event.amount))
    throw new RangeError(`bad amount ${event.amount}`);
  const used = Math.max(0, toMilli(usedTodayUnits));
  const amount = toMilli(event.amount);
  const credited = Math.min(amount, Math.max(0, toMilli(behaviour.dailyCapUnits) - used));
  const perUnit = toMilli(behaviour.gramsPerUnit);
  const gramsBefore = gramsAt(used, perUnit);
  const gramsAfter = gramsAt(used + credited, perUnit);
  const points =
    Math.floor(gramsAfter / config.gramsPerPoint) - Math.floor(gramsBefore / config.gramsPerPoint);
  return {
    creditedUnits: credited / 1000,
    grams: gramsAfter - gramsBefore,
    points,
    capped: credited < amount,
  };
}

/** What undoes an assessment exactly: the same units, grams and points, negated (0 stays 0, never -0). */
export interface Reversal {
  creditedUnits: number;
  grams: number;
  points: number;
}

/**
 * The posting that cancels an event's credit. Later events of that day keep what they earned (no retroactive
 * re-crediting of capped events), so after a reversal a day's points may sit up to one point below the aggregate.
 */
export function reversalOf(assessment: Assessment): Reversal {
  return {
    creditedUnits: 0 - assessment.creditedUnits,
    grams: 0 - assessment.grams,
    points: 0 - assessment.points,
  };
}

/** Key of the units one person has used of one behaviour on one Asia/Shanghai day. */
export function usageKey(subjectId: string, behaviour: string, day: string): string {
  return `${subjectId}|${behaviour}|${day}`;
}

export interface BatchAssessment {
  event: BehaviourEvent;
  /** Asia/Shanghai day the cap was counted on */
  day: string;
  assessment: Assessment;
}

/**
 * Assesses many events, applying each person's daily caps across them in a fixed order — occurredAt instant, then
 * eventId, then source — so the same events earn the same whatever order or batches they arrived in (given the same
 * starting usage). `usedUnits` (by usageKey) is what each person had before; the returned map adds this batch.
 * Results come back in that fixed order. Event keys (source, eventId) must be unique: dedupe first.
 */
export function assessBatch(
  catalogue: BehaviourCatalogue,
  config: Pick<PointsConfig, 'gramsPerPoint'>,
  events: readonly (BehaviourEvent & { at?: number })[],
  usedUnits: ReadonlyMap<string, number> = new Map(),
): { results: BatchAssessment[]; usedUnits: Map<string, number> } {
  const seen = new Set<string>();
  for (const event of events) {
    const key = eventKey(event);
    if (seen.has(key)) throw new RangeError(`event ${event.eventId} appears twice`);
    seen.add(key);
  }
  const used = new Map<string, number>();
  for (const [key, units] of usedUnits) used.set(key, toMilli(units));
  const results = assessInOrder(catalogue, config, events, used);
  return { results, usedUnits: new Map([...used].map(([key, milli]) => [key, milli / 1000])) };
}

/**
 * assessBatch for the ingest path, which counts usage in thousandths of a unit already: `usedMilli` (by usageKey)
 * is updated in place with this batch's units, so ten thousand events do not copy their usage map twice. The
 * caller has made the events unique (assessBatch checks; this path does not check again).
 */
export function assessInOrder<E extends BehaviourEvent & { at?: number }>(
  catalogue: BehaviourCatalogue,
  config: Pick<PointsConfig, 'gramsPerPoint'>,
  events: readonly E[],
  usedMilli: Map<string, number>,
): (BatchAssessment & { event: E })[] {
  const timed = events.map((event) => {
    // Parsed once by the batch parser when it is there (`at`); thousands of events per batch make this count.
    const at = event.at ?? timestampMillis(event.occurredAt);
    if (at === null) throw new RangeError(`event ${event.eventId}: bad occurredAt ${event.occurredAt}`);
    return { event, at };
  });
  return inAssessmentOrder(timed).map(({ event, at }) => {
    const day = dayOfMillis(at);
    const key = usageKey(event.subjectId, event.behaviour, day);
    const before = usedMilli.get(key) ?? 0;
    const assessment = assessBehaviour(catalogue, config, event, before / 1000);
    usedMilli.set(key, before + toMilli(assessment.creditedUnits));
    return { event, day, assessment };
  });
}

/** Code-unit order, the same on every machine and locale (localeCompare is not). */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Timed {
  event: Pick<BehaviourEvent, 'eventId' | 'source'>;
  at: number;
}

/** The assessment order: occurredAt instant, then eventId, then source. */
const compareTimed = (a: Timed, b: Timed): number =>
  a.at - b.at ||
  compareText(a.event.eventId, b.event.eventId) ||
  compareText(a.event.source ?? '', b.event.source ?? '');

/**
 * `items` sorted by compareTimed, in a new array. A comparator called ~14 times per event was a tenth of accepting
 * a batch, so the instants are sorted as numbers instead: each item becomes `(at − earliest) × n + position` in a
 * Float64Array, whose native sort needs no callback and whose keys stay exact below 2^53 (a batch spans days, its
 * events are at most maxAgeDays old). Runs of equal instants — rare — are then put in order by the full comparator.
 * Fractional instants or a span too wide for exact keys take the comparator path.
 */
export function inAssessmentOrder<T extends Timed>(items: readonly T[]): T[] {
  const n = items.length;
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  let whole = true;
  for (const { at } of items) {
    if (at < earliest) earliest = at;
    if (at > latest) latest = at;
    if (!Number.isInteger(at)) whole = false;
  }
  if (n < 2 || !whole || (latest - earliest + 1) * n > Number.MAX_SAFE_INTEGER)
    return [...items].sort(compareTimed);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (items[i]!.at - earliest) * n + i;
  keys.sort();
  const sorted = new Array<T>(n);
  for (let i = 0; i < n; i++) sorted[i] = items[keys[i]! % n]!;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && sorted[end]!.at === sorted[start]!.at) end++;
    if (end - start > 1) {
      const run = sorted.slice(start, end).sort(compareTimed);
      for (let k = 0; k < run.length; k++) sorted[start + k] = run[k]!;
    }
    start = end;
  }
  return sorted;
}
