import type { Language } from '../../kernel/errors';
import type { BatchError, BatchErrorCode, EventRejection, EventRejectionCode } from './behaviour-events';

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
    if (p.reason === 'no_carbon_account')
      return [
        'subjectId 是有效的身份证号，但平台没有该居民的碳账户（不是本市登记居民）',
        'subjectId is a valid ID number, but no resident with a carbon account has it (not registered in the city)',
      ];
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
  already_received: (p) => [
    `eventId ${p.eventId} 此前已收到并入账，重复发送不再计分`,
    `eventId ${p.eventId} was received and credited before; sending it again counts nothing`,
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
