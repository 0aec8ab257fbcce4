import type { Language } from '../../kernel/errors';
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
  | 'duplicate';

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
): BehaviourEvent | EventRejection {
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
  const event: BehaviourEvent = { eventId, subjectId: resident.value.id, behaviour, amount, occurredAt };
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

type Params = Record<string, string | number>;

const BIRTH_PROBLEMS: Record<string, [zh: string, en: string]> = {
  not_a_date: ['不是有效日期', 'is not a real date'],
  in_future: ['晚于今天', 'is in the future'],
  before_1900: ['早于 1900 年', 'is before 1900'],
};

const SUBJECT_CHECKS: Record<string, (p: Params) => [zh: string, en: string]> = {
  length: (p) => [`应为 18 位，实际 ${p.found} 位`, `it should have 18 characters, found ${p.found}`],
  characters: (p) => [
    `第 ${p.position} 位“${p.found}”无效`,
    `character ${p.position} '${p.found}' is not allowed`,
  ],
  division: (p) => [`前两位 ${p.provincePrefix} 不是省级代码`, `${p.provincePrefix} is not a province code`],
  birth_date: (p) => [
    `出生日期${BIRTH_PROBLEMS[String(p.problem)]?.[0] ?? '无效'}`,
    `the birth date ${BIRTH_PROBLEMS[String(p.problem)]?.[1] ?? 'is not valid'}`,
  ],
  check_digit: (p) => [
    `校验码应为 ${p.expected}，实际为 ${p.found}`,
    `check digit should be ${p.expected}, found ${p.found}`,
  ],
};

const EVENT_MESSAGES: Record<EventRejectionCode, (p: Params) => [zh: string, en: string]> = {
  malformed_line: (p) => [
    `第 ${p.line} 行不是有效的 JSON（${p.detail}），请每行发送一个 JSON 对象`,
    `line ${p.line} is not valid JSON (${p.detail}): send one JSON object per line`,
  ],
  not_object: (p) => [
    `每条记录应为 JSON 对象，实际为 ${p.found}`,
    `each event must be a JSON object, found ${p.found}`,
  ],
  unknown_field: (p) => [`不认识的字段 ${p.field}，请删除`, `unknown field ${p.field}: remove it`],
  missing_field: (p) => [`缺少必填字段 ${p.field}`, `missing required field ${p.field}`],
  wrong_type: (p) => [`字段 ${p.field} 应为 ${p.expected}`, `field ${p.field} must be a ${p.expected}`],
  invalid_event_id: (p) => [
    `eventId 应为 1-128 个字符且不含控制字符，实际 ${p.length} 个字符`,
    `eventId must be 1-128 characters without control characters, found ${p.length}`,
  ],
  invalid_subject: (p) => {
    const [zh, en] = SUBJECT_CHECKS[String(p.check)]?.(p) ?? ['格式错误', 'it is malformed'];
    return [`subjectId 不是有效的居民身份证号：${zh}`, `subjectId is not a valid resident ID: ${en}`];
  },
  unknown_behaviour: (p) => [
    `未知的行为代码 ${p.behaviour}，可用：${p.known}`,
    `unknown behaviour code ${p.behaviour}; use one of ${p.known}`,
  ],
  invalid_amount: (p) => [
    `amount 应为大于 0 的有限数，实际为 ${p.amount}`,
    `amount must be a finite number above 0, found ${p.amount}`,
  ],
  absurd_amount: (p) => [
    `amount ${p.amount} 超过合理上限 ${p.limit} ${p.unit}，请检查单位`,
    `amount ${p.amount} is beyond the plausible limit of ${p.limit} ${p.unit}: check the unit`,
  ],
  invalid_timestamp: (p) => [
    `occurredAt“${p.occurredAt}”应为带时区的 ISO-8601 时间，如 2026-03-01T08:15:00+08:00`,
    `occurredAt '${p.occurredAt}' must be ISO-8601 with an offset, e.g. 2026-03-01T08:15:00+08:00`,
  ],
  in_future: (p) => [
    `occurredAt ${p.occurredAt} 晚于当前时间（允许至 ${p.latest}），请检查来源系统时钟`,
    `occurredAt ${p.occurredAt} is in the future (latest allowed ${p.latest}): check the source's clock`,
  ],
  too_old: (p) => [
    `occurredAt ${p.occurredAt} 早于 ${p.maxAgeDays} 天前（${p.earliest}），不再受理`,
    `occurredAt ${p.occurredAt} is older than ${p.maxAgeDays} days (${p.earliest}) and can no longer be credited`,
  ],
  duplicate: (p) => [
    `eventId ${p.eventId} 在本批序号 ${p.firstIndex} 处已出现，重复记录不计`,
    `eventId ${p.eventId} already appears at index ${p.firstIndex} of this batch; the repeat is not counted`,
  ],
};

/** One sentence telling the source what is wrong with an event and how to fix it. */
export function describeEventRejection(reason: EventRejection, language: Language): string {
  const [zh, en] = EVENT_MESSAGES[reason.code](reason.params);
  return language === 'zh-CN' ? zh : en;
}

const BATCH_MESSAGES: Record<BatchErrorCode, (p: Params) => [zh: string, en: string]> = {
  empty: () => ['请求体为空，请发送 JSON 数组或 NDJSON', 'The body is empty: send a JSON array or NDJSON'],
  not_json: (p) => [
    `请求体既不是 JSON 数组也不是 NDJSON：${p.detail}`,
    `The body is neither a JSON array nor NDJSON: ${p.detail}`,
  ],
  not_array: (p) => [
    `请求体应为事件数组，实际为 ${p.found}`,
    `The body must be an array of events, found ${p.found}`,
  ],
  too_many_events: (p) => [
    `一批最多 ${p.max} 条，实际 ${p.count} 条，请拆分后重发`,
    `A batch holds at most ${p.max} events, found ${p.count}: split it and resend`,
  ],
};

/** One sentence for a batch refused as a whole. */
export function describeBatchError(error: BatchError, language: Language): string {
  const [zh, en] = BATCH_MESSAGES[error.code](error.params);
  return language === 'zh-CN' ? zh : en;
}
