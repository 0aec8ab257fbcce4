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
  const window = {
    latest: now + (options.clockSkewMinutes ?? BATCH_DEFAULTS.clockSkewMinutes) * 60_000,
    maxAgeDays: options.maxAgeDays ?? BATCH_DEFAULTS.maxAgeDays,
    now,
  };
  const events: ValidEvent[] = [];
  const rejected: RejectedEvent[] = [];
  const firstIndex = new Map<string, number>();
  for (const item of items.list) {
    const eventId = idOf(item.value);
    const reject = (reason: EventRejection) =>
      rejected.push({ index: item.index, ...(eventId === undefined ? {} : { eventId }), reason });
    if ('malformed' in item) {
      reject({ code: 'malformed_line', params: { line: item.index + 1, detail: item.malformed } });
      continue;
    }
    const checked = validateEvent(item.value, catalogue, window);
    if ('code' in checked) {
      reject(checked);
      continue;
    }
    const earlier = firstIndex.get(eventKey(checked));
    if (earlier !== undefined) {
      reject({ code: 'duplicate', params: { eventId: checked.eventId, firstIndex: earlier } });
      continue;
    }
    firstIndex.set(eventKey(checked), item.index);
    events.push({ ...checked, index: item.index });
  }
  return { ok: true, events, rejected };
}

type Item = { index: number; value: unknown } | { index: number; value: undefined; malformed: string };

function readItems(body: unknown, maxEvents: number): { list: Item[] } | { error: BatchError } {
  const tooMany = (count: number) => ({
    error: { code: 'too_many_events' as const, params: { count, max: maxEvents } },
  });
  if (Array.isArray(body)) {
    if (body.length > maxEvents) return tooMany(body.length);
    return { list: body.map((value, index) => ({ index, value })) };
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
  const list: Item[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      list.push({ index, value: JSON.parse(line) });
    } catch (error) {
      list.push({ index, value: undefined, malformed: messageOf(error) });
    }
  });
  // Not one line parsed: this is not NDJSON but some other text, so say that once rather than per line.
  if (list.every((item) => 'malformed' in item)) {
    return {
      error: {
        code: 'not_json',
        params: { detail: list[0] && 'malformed' in list[0] ? list[0].malformed : '' },
      },
    };
  }
  return { list };
}

interface Window {
  now: number;
  latest: number;
  maxAgeDays: number;
}

function validateEvent(
  value: unknown,
  catalogue: BehaviourCatalogue,
  window: Window,
): (BehaviourEvent & { at: number }) | EventRejection {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { code: 'not_object', params: { found: kindOf(value) } };
  }
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !KNOWN_FIELDS.has(key));
  if (unknown.length > 0) return { code: 'unknown_field', params: { field: unknown.map(clip).join(', ') } };
  const missing = REQUIRED.filter((field) => record[field] === undefined || record[field] === null);
  if (missing.length > 0) return { code: 'missing_field', params: { field: missing.join(', ') } };
  const { eventId, subjectId, behaviour, amount, occurredAt, source } = record;

  if (typeof eventId !== 'string') return wrongType('eventId', 'string');
  // Control characters would corrupt logs and CSV exports of the per-event report.
  if (eventId.length < 1 || eventId.length > 128 || /\p{Cc}/u.test(eventId)) {
    return { code: 'invalid_event_id', params: { length: eventId.length } };
  }
  if (typeof subjectId !== 'string') return wrongType('subjectId', 'string');
  const today = new Date(window.now + 8 * 3_600_000).toISOString().slice(0, 10);
  const resident = parseResidentId(subjectId, { today });
  if (!resident.ok) {
    return { code: 'invalid_subject', params: subjectCheckParams(resident.reason) };
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
  const event = { eventId, subjectId: resident.value.id, behaviour, amount, occurredAt, at };
  return source === undefined ? event : { ...event, source };
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Milliseconds since the epoch of an ISO-8601 timestamp that carries its offset ('Z' or ±hh:mm), or null.
 * Checked field by field because Date.parse accepts offset-less local times and rolls 02-30 over to March.
 */
export function timestampMillis(text: string): number | null {
  const match = TIMESTAMP.exec(text);
  if (!match) return null;
  const part = (index: number) => Number(match[index] ?? 0);
  const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59)
    return null;
  const sign = match[8] === '-' ? -1 : 1;
  if (part(9) > 14 || part(10) > 59) return null;
  const offsetMinutes = sign * (part(9) * 60 + part(10));
  const milliseconds = Math.floor(Number(`0.${match[7] ?? '0'}`) * 1000);
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
