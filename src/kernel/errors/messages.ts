export type Language = 'zh-CN' | 'en';

/**
 * Every message the API can answer with, in zh-CN first and English second. `{name}` is replaced by params.
 * Modules add their own keys here (one catalogue keeps wording consistent across modules).
 */
const catalogue = {
  notFound: { 'zh-CN': '未找到{resource}：{id}', en: '{resource} {id} was not found' },
  routeNotFound: { 'zh-CN': '接口不存在：{method} {url}', en: 'No such endpoint: {method} {url}' },
  forbidden: { 'zh-CN': '您无权执行此操作', en: 'You are not allowed to do this' },
  unauthenticated: { 'zh-CN': '请先登录', en: 'Please log in first' },
  invalidCredentials: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  accountLocked: {
    'zh-CN': '登录失败次数过多，账号已锁定，请于 {minutes} 分钟后再试',
    en: 'Too many failed logins: the account is locked, try again in {minutes} minutes',
  },
  tooManyRequests: { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests, please try again later' },
  malformedJson: {
    'zh-CN': '请求体不是有效的 JSON：{reason}',
    en: 'The request body is not valid JSON: {reason}',
  },
  bodyTooLarge: {
    'zh-CN': '请求体超过 {limit} 字节的上限',
    en: 'The request body is larger than the limit of {limit} bytes',
  },
  unsupportedMediaType: {
    'zh-CN': '不支持的内容类型 {type}，请使用 application/json',
    en: 'Unsupported content type {type}: send application/json',
  },
  validationFailed: { 'zh-CN': '请求参数有误，请检查标出的字段', en: 'Some fields are invalid: see details' },
  unknownField: { 'zh-CN': '不认识的字段 {field}', en: 'Unknown field {field}' },
  missingField: { 'zh-CN': '缺少必填字段 {field}', en: 'Missing required field {field}' },
  wrongType: { 'zh-CN': '应为 {type} 类型', en: 'Must be of type {type}' },
  outOfRange: { 'zh-CN': '取值超出允许范围：{constraint}', en: 'Out of the allowed range: {constraint}' },
  badFormat: { 'zh-CN': '格式不正确：{constraint}', en: 'Wrong format: {constraint}' },
  notAllowedValue: { 'zh-CN': '取值应为以下之一：{allowed}', en: 'Must be one of: {allowed}' },
  invalidValue: { 'zh-CN': '取值无效：{reason}', en: 'Invalid value: {reason}' },
  notReady: { 'zh-CN': '数据库暂不可用', en: 'The database is not reachable' },
  factorExists: {
    'zh-CN': '排放因子版本 {id} 已存在：新数值请使用新的版本号',
    en: 'Emission factor version {id} exists already: give new figures a new id',
  },
  internal: {
    'zh-CN': '服务器内部错误，请稍后重试（请求号 {requestId}）',
    en: 'Internal error, please retry (request {requestId})',
  },
  idempotencyConflict: {
    'zh-CN': '幂等键 {key} 已用于另一笔不同的请求',
    en: 'Idempotency key {key} was already used for a different request',
  },
  insufficientBalance: {
    'zh-CN': '账户 {account} 余额不足',
    en: 'Account {account} does not have enough balance',
  },
  unbalancedPosting: {
    'zh-CN': '记账分录借贷不平：{currency} 合计 {sum}',
    en: 'The posting does not balance: {currency} sums to {sum}',
  },
  usernameTaken: { 'zh-CN': '用户名 {username} 已被使用', en: 'Username {username} is already taken' },
  weakPassword: {
    'zh-CN': '密码至少 8 位，且须同时包含字母和数字',
    en: 'The password needs at least 8 characters with both letters and digits',
  },
  calendarYearMissing: {
    'zh-CN': '{year} 年的节假日安排尚未录入，请将国务院办公厅通知加入 data/calendar/',
    en: 'No holiday data for {year}: add the State Council notice to data/calendar/',
  },
} satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof catalogue;

export function translate(
  key: MessageKey,
  language: Language,
  params: Record<string, string | number> = {},
): string {
  const template = catalogue[key][language];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Picks zh-CN or en from an Accept-Language header; zh-CN is the default. */
export function languageFrom(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh-CN';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
