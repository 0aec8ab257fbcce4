import { shanghaiDate } from '../../kernel/calendar';
import { parseResidentId, type ResidentIdReason } from '../../kernel/identity';
import type { BehaviourCatalogue } from './behaviours';

/** 绿色行为记录: one green behaviour reported by a source (bus company, recycler, bank, …). */
export interface BehaviourEvent {
  /** Source-assigned, 1-128 characters; (source, eventId) never counts twice */
  eventId: string;
  /** 18-character resident ID (GB 11643), upper-case X */
  subjectId: string;
  /** A behaviour code from behaviours.csv */
  behaviour: string;
  /** Units of the behaviour's unit, > 0 */
  amount: number;
  /** ISO-8601 with offset, e.g. '2026-03-01T08:15:00+08:00' */
  occurredAt: string;
  source?: string;
}

/** A valid event and its position in the batch (array index, or NDJSON line number − 1). */
export interface ValidEvent extends BehaviourEvent {
  index: number;
  /** occurredAt in epoch milliseconds, parsed once here */
  at: number;
}

export type EventRejectionCode =
  | 'malformed_line'
  | 'not_object'
  | 'unknown_field'
  | 'missing_field'
  | 'wrong_type'
  | 'invalid_event_id'
  | 'invalid_subject'
  | 'unknown_behaviour'
  | 'invalid_amount'
  | 'absurd_amount'
  | 'invalid_timestamp'
  | 'in_future'
  | 'too_old'
  | 'duplicate'
  | 'already_received';

/** Why one event was refused; params carry what the sentence needs (never the resident ID itself). */
export interface EventRejection {
  code: EventRejectionCode;
  params: Record<string, string | number>;
}

export interface RejectedEvent {
  index: number;
  eventId?: string;
  reason: EventRejection;
}

export type BatchErrorCode = 'empty' | 'not_json' | 'not_array' | 'too_many_events';

/** A batch refused as a whole: nothing in it is looked at further. */
export interface BatchError {
  code: BatchErrorCode;
  params: Record<string, string | number>;
}

export type BatchParseResult =
  | { ok: true; events: ValidEvent[]; rejected: RejectedEvent[] }
  | { ok: false; error: BatchError };

export interface BatchOptions {
  /** Default 10,000 */
  maxEvents?: number;
  /** The clock, injectable for tests; default the current time */
  now?: Date;
  /** Events older than this many days are refused (late data would rewrite closed months); default 90 */
  maxAgeDays?: number;
  /** Tolerated source clock drift into the future; default 5 */
  clockSkewMinutes?: number;
  /**
   * Resident IDs known to be valid as written (the ingest service's residents with an account): their GB 11643
   * check is skipped. Any other ID is checked in full.
   */
  knownSubject?: (subjectId: string) => boolean;
  /**
   * True when the caller is the source that counts (the ingest service: ids are unique per caller), so events'
   * own `source` fields do not separate ids: the second event with an eventId already in the batch is the
   * duplicate. Default false: (source, eventId) identifies an event.
   */
  idsUniquePerBatch?: boolean;
}

export const BATCH_DEFAULTS = { maxEvents: 10_000, maxAgeDays: 90, clockSkewMinutes: 5 } as const;

/** Amounts above this multiple of the daily cap are not a heavy day but a broken source. */
export const ABSURD_CAP_MULTIPLE = 1000;

const FIELDS = ['eventId', 'subjectId', 'behaviour', 'amount', 'occurredAt', 'source'] as const;
const REQUIRED = FIELDS.filter((field) => field !== 'source');
const KNOWN_FIELDS: ReadonlySet<string> = new Set(FIELDS);
const DAY_MS = 86_400_000;

/** The dedup identity of an event: ids are assigned by each source, so two sources may both send "1". */
export function eventKey(event: Pick<BehaviourEvent, 'eventId' | 'source'>): string {
  return `${event.source ?? ''}\u0000${event.eventId}`;
}

/**
 * Parses a batch sent as a JSON array (a string, or already parsed) or as NDJSON text. Each malformed line or
 * invalid event is rejected on its own; only a body that is empty, not JSON at all, not an array, or longer than
 * `maxEvents` is refused whole. The second event with a (source, eventId) already in the batch is a 'duplicate'.
 */
export function parseBehaviourBatch(
  body: unknown,
  catalogue: BehaviourCatalogue,
  options: BatchOptions = {},
): BatchParseResult {
  const maxEvents = options.maxEvents ?? BATCH_DEFAULTS.maxEvents;
  const items = readItems(body instanceof Uint8Array ? new TextDecoder().decode(body) : body, maxEvents);
  if ('error' in items) return { ok: false, error: items.error };
  const now = (options.now ?? new Date()).getTime();
  const window: Window = {
    latest: now + (options.clockSkewMinutes ?? BATCH_DEFAULTS.clockSkewMinutes) * 60_000,
    maxAgeDays: options.maxAgeDays ?? BATCH_DEFAULTS.maxAgeDays,
    now,
    today: shanghaiDate(new Date(now)),
    knownSubject: options.knownSubject ?? (() => false),
  };
  const events: ValidEvent[] = [];
  const rejected: RejectedEvent[] = [];
  const firstIndex = new Map<string, number>();
  const keyOf = options.idsUniquePerBatch ? (event: ValidEvent) => event.eventId : eventKey;
  const reject = (index: number, value: unknown, reason: EventRejection) => {
    const eventId = idOf(value);
    rejected.push({ index, ...(eventId === undefined ? {} : { eventId }), reason });
  };
  const { values, indexes, malformed } = items;
  for (let i = 0; i < values.length; i++) {
    const index = indexes ? indexes[i]! : i;
    const problem = malformed?.get(index);
    if (problem !== undefined) {
      reject(index, undefined, { code: 'malformed_line', params: { line: index + 1, detail: problem } });
      continue;
    }
    const value = values[i];
    const checked = validateEvent(value, catalogue, window, index);
    if ('code' in checked) {
      reject(index, value, checked);
      continue;
    }
    const key = keyOf(checked);
    const earlier = firstIndex.get(key);
    if (earlier !== undefined) {
      reject(index, value, { code: 'duplicate', params: { eventId: checked.eventId, firstIndex: earlier } });
      continue;
    }
    firstIndex.set(key, index);
    events.push(checked);
  }
  return { ok: true, events, rejected };
}

/**
 * A batch's items: `values[i]` sits at position `indexes[i]` (NDJSON line number − 1; the array index when
 * `indexes` is absent), and `malformed` holds the lines that are not JSON by position. No object per item: a
 * batch has ten thousand.
 */
interface Items {
  values: unknown[];
  indexes?: number[];
  malformed?: Map<number, string>;
}

function readItems(body: unknown, maxEvents: number): Items | { error: BatchError } {
  const tooMany = (count: number) => ({
    error: { code: 'too_many_events' as const, params: { count, max: maxEvents } },
  });
  if (Array.isArray(body)) {
    if (body.length > maxEvents) return tooMany(body.length);
    return { values: body };
  }
  if (typeof body !== 'string') return { error: { code: 'not_array', params: { found: kindOf(body) } } };
  const text = body.replace(/^\uFEFF/, '').trim();
  if (text === '') return { error: { code: 'empty', params: {} } };
  // A body that opens with '[' claims to be one JSON array: it parses whole or not at all.
  if (text.startsWith('[')) {
    try {
      return readItems(JSON.parse(text), maxEvents);
    } catch (error) {
      return { error: { code: 'not_json', params: { detail: messageOf(error) } } };
    }
  }
  const lines = text.split('\n');
  const filled = lines.filter((line) => line.trim() !== '').length;
  if (filled > maxEvents) return tooMany(filled);
  const values: unknown[] = [];
  const indexes: number[] = [];
  const malformed = new Map<number, string>();
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    indexes.push(index);
    try {
      values.push(JSON.parse(line));
    } catch (error) {
      values.push(undefined);
      malformed.set(index, messageOf(error));
    }
  });
  // Not one line parsed: this is not NDJSON but some other text, so say that once rather than per line.
  if (malformed.size === values.length) {
    return { error: { code: 'not_json', params: { detail: malformed.values().next().value ?? '' } } };
  }
  return { values, indexes, malformed };
}

interface Window {
  now: number;
  latest: number;
  maxAgeDays: number;
  /** Asia/Shanghai date of `now`, 'YYYY-MM-DD': birth dates after it are refused */
  today: string;
  knownSubject: (subjectId: string) => boolean;
}

// Runs once per event, thousands per batch: checks loop over the fields instead of building arrays of them, and
// the valid event is built once, in its final shape.
function validateEvent(
  value: unknown,
  catalogue: BehaviourCatalogue,
  window: Window,
  index: number,
): ValidEvent | EventRejection {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { code: 'not_object', params: { found: kindOf(value) } };
  }
  const record = value as Record<string, unknown>;
  const { eventId, subjectId: subject, behaviour, amount, occurredAt, source } = record;
  const present =
    (eventId === undefined ? 0 : 1) +
    (subject === undefined ? 0 : 1) +
    (behaviour === undefined ? 0 : 1) +
    (amount === undefined ? 0 : 1) +
    (occurredAt === undefined ? 0 : 1) +
    (source === undefined ? 0 : 1);
  // More keys than known fields with a value: look for the unknown one (a key holding undefined is not one).
  // Counted with for…in, which builds no array of the keys (JSON.parse gives plain objects, no inherited keys).
  let keys = 0;
  for (const _ in record) keys++;
  if (keys !== present) {
    const unknown = Object.keys(record).filter((field) => !KNOWN_FIELDS.has(field));
    if (unknown.length > 0) return { code: 'unknown_field', params: { field: unknown.map(clip).join(', ') } };
  }
  if (eventId == null || subject == null || behaviour == null || amount == null || occurredAt == null) {
    const missing = REQUIRED.filter((name) => record[name] === undefined || record[name] === null);
    return { code: 'missing_field', params: { field: missing.join(', ') } };
  }

  if (typeof eventId !== 'string') return wrongType('eventId', 'string');
  // Control characters would corrupt logs and CSV exports of the per-event report.
  if (eventId.length < 1 || eventId.length > 128 || CONTROL.test(eventId)) {
    return { code: 'invalid_event_id', params: { length: eventId.length } };
  }
  if (typeof subject !== 'string') return wrongType('subjectId', 'string');
  let subjectId = subject;
  if (!window.knownSubject(subject)) {
    const resident = parseResidentId(subject, { today: window.today });
    if (!resident.ok) return { code: 'invalid_subject', params: subjectCheckParams(resident.reason) };
    subjectId = resident.value.id;
  }
  if (typeof behaviour !== 'string') return wrongType('behaviour', 'string');
  const known = catalogue.get(behaviour);
  if (!known) {
    return {
      code: 'unknown_behaviour',
      params: { behaviour: clip(behaviour), known: [...catalogue.keys()].join(', ') },
    };
  }
  if (typeof amount !== 'number') return wrongType('amount', 'number');
  if (!Number.isFinite(amount) || amount <= 0)
    return { code: 'invalid_amount', params: { amount: String(amount) } };
  const limit = ABSURD_CAP_MULTIPLE * known.dailyCapUnits;
  if (amount > limit) return { code: 'absurd_amount', params: { amount, limit, unit: known.unit } };
  if (typeof occurredAt !== 'string') return wrongType('occurredAt', 'string');
  const at = timestampMillis(occurredAt);
  if (at === null) return { code: 'invalid_timestamp', params: { occurredAt: clip(occurredAt) } };
  if (at > window.latest) {
    return { code: 'in_future', params: { occurredAt, latest: new Date(window.latest).toISOString() } };
  }
  const earliest = window.now - window.maxAgeDays * DAY_MS;
  if (at < earliest) {
    return {
      code: 'too_old',
      params: { occurredAt, maxAgeDays: window.maxAgeDays, earliest: new Date(earliest).toISOString() },
    };
  }
  if (source !== undefined && (typeof source !== 'string' || source.length < 1 || source.length > 64)) {
    return wrongType('source', 'string of 1-64 characters');
  }
  const event: ValidEvent = { eventId, subjectId, behaviour, amount, occurredAt, index, at };
  if (source !== undefined) event.source = source;
  return event;
}

const CONTROL = /\p{Cc}/u;

/** Days per month of a common year; February gains a day in leap years. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number in `text` at [start, start + length) if all its characters are ASCII digits, else -1. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    // Past the end charCodeAt gives NaN, which fails this test too.
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Milliseconds since the epoch of an ISO-8601 timestamp that carries its offset ('Z' or ±hh:mm), or null:
 * `YYYY-MM-DDThh:mm[:ss[.f…]]` with 1-9 fraction digits. Checked field by field because Date.parse accepts
 * offset-less local times and rolls 02-30 over to March. Read by character position rather than by regular
 * expression: every event of a batch passes through here.
 */
export function timestampMillis(text: string): number | null {
  const length = text.length;
  if (length < 17 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':') return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return null;
  // Date.UTC reads years 0-99 as 1900-1999; the leap rule follows it so both agree on the date.
  const fullYear = year < 100 ? year + 1900 : year;
  const leap = month === 2 && fullYear % 4 === 0 && (fullYear % 100 !== 0 || fullYear % 400 === 0);
  if (day > MONTH_DAYS[month - 1]! + (leap ? 1 : 0)) return null;
  let at = 16;
  let second = 0;
  let milliseconds = 0;
  if (text[at] === ':') {
    second = digitsAt(text, at + 1, 2);
    if (second < 0 || second > 59) return null;
    at += 3;
    if (text[at] === '.') {
      let end = at + 1;
      while (end < length && end - at <= 9 && digitsAt(text, end, 1) >= 0) end++;
      if (end === at + 1) return null;
      milliseconds = Math.floor(Number(`0.${text.slice(at + 1, end)}`) * 1000);
      at = end;
    }
  }
  let offsetMinutes = 0;
  if (text[at] === 'Z') {
    at += 1;
  } else {
    const sign = text[at] === '-' ? -1 : text[at] === '+' ? 1 : 0;
    const offsetHours = digitsAt(text, at + 1, 2);
    const offsetRest = digitsAt(text, at + 4, 2);
    if (sign === 0 || text[at + 3] !== ':' || offsetHours < 0 || offsetHours > 14 || offsetRest < 0)
      return null;
    if (offsetRest > 59) return null;
    offsetMinutes = sign * (offsetHours * 60 + offsetRest);
    at += 6;
  }
  if (at !== length) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, milliseconds) - offsetMinutes * 60_000;
}

/**
 * The parts of an ID problem a source needs to fix it, without the division code or birth date: rejections end up
 * in logs and partner reports, where a resident's personal data must not.
 */
function subjectCheckParams(reason: ResidentIdReason): Record<string, string | number> {
  switch (reason.code) {
    case 'length':
      return { check: reason.code, found: reason.found };
    case 'characters':
      return { check: reason.code, position: reason.position, found: reason.found };
    case 'division':
      return { check: reason.code, provincePrefix: reason.provincePrefix };
    case 'birth_date':
      return { check: reason.code, problem: reason.problem };
    case 'check_digit':
      return { check: reason.code, expected: reason.expected, found: reason.found };
  }
}

const wrongType = (field: string, expected: string): EventRejection => ({
  code: 'wrong_type',
  params: { field, expected },
});

/** Echoed input is clipped so a hostile field cannot blow up the per-event report. */
const clip = (text: string): string => (text.length > 64 ? `${text.slice(0, 64)}…` : text);

function idOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as Record<string, unknown>).eventId;
  return typeof id === 'string' ? clip(id) : undefined;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
