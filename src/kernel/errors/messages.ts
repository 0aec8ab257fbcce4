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
  creditRecordRejected: {
    'zh-CN': '信用记录未被接受：{reason}',
    en: 'The credit record was not accepted: {reason}',
  },
  creditModelInvalid: {
    'zh-CN': '评分模型有误，请检查标出的项',
    en: 'The score model is invalid: see details',
  },
  creditModelExists: {
    'zh-CN': '评分模型版本 {version} 已存在：新参数请使用新的版本号',
    en: 'Score model version {version} exists already: give new figures a new version',
  },
  creditCaseOpen: {
    'zh-CN': '该记录已有待处理的异议或修复申请（{id}）',
    en: 'This record already has an open dispute or repair request ({id})',
  },
  creditRecordNotCounting: {
    'zh-CN': '该记录状态为 {status}，已不计分，无需申请',
    en: 'The record is {status} and no longer counts: there is nothing to dispute',
  },
  creditNotRepairable: {
    'zh-CN': '“{type}”类记录不适用信用修复，如认为记录有误请提出异议',
    en: 'Records of type {type} cannot be repaired; if the record is wrong, dispute it',
  },
  creditNotYourCase: {
    'zh-CN': '只有报送该记录的部门在其辖区内可以处理此申请',
    en: 'Only the department that reported the record, in its jurisdiction, may decide this case',
  },
  creditCaseDecided: {
    'zh-CN': '申请 {id} 已处理（{status}）',
    en: 'Case {id} has already been decided ({status})',
  },
  creditDecisionNotAllowed: {
    'zh-CN': '{kind} 申请的处理结果应为：{allowed}',
    en: 'A {kind} case is decided as one of: {allowed}',
  },
  creditCorrectionInvalid: {
    'zh-CN': '更正内容无效（{field}）：{reason}',
    en: 'The correction is invalid ({field}): {reason}',
  },
  creditNotYourMeasure: {
    'zh-CN': '只能查询本单位提供的激励措施（{id}）',
    en: 'You may only ask about measures your organisation provides ({id})',
  },
  creditNotEligible: {
    'zh-CN': '该居民目前不符合激励措施 {id} 的条件',
    en: 'The resident does not qualify for measure {id} now',
  },
  creditUseKeyReused: {
    'zh-CN': '该使用编号已用于另一位居民',
    en: 'This use key was already used for another resident',
  },
  creditUnknownProvider: {
    'zh-CN': '{id} 不是激励措施的提供方',
    en: '{id} does not provide any incentive measure',
  },
  factorExists: {
    'zh-CN': '排放因子版本 {id} 已存在：新数值请使用新的版本号',
    en: 'Emission factor version {id} exists already: give new figures a new id',
  },
  databaseBusy: {
    'zh-CN': '系统正在处理批量任务，请 {seconds} 秒后重试',
    en: 'The system is busy with a batch job: please retry in {seconds} seconds',
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
    'zh-CN':
      '{year} 年的法定节假日安排尚未录入，暂时无法计算以工作日计的期限，请稍后再办理或咨询窗口（管理员：将国务院办公厅通知加入 data/calendar/）',
    en: 'The {year} public-holiday calendar is not in yet, so a deadline in working days cannot be set: please try again later or ask at a service window (administrators: add the State Council notice to data/calendar/)',
  },
  transitionNotAllowed: {
    'zh-CN': '当前状态“{state}”下不能执行“{action}”，可执行：{allowed}',
    en: '"{action}" is not allowed in state "{state}"; allowed: {allowed}',
  },
  // services: catalogue, intake and case steps
  itemChangedMeanwhile: {
    'zh-CN': '事项 {id} 已被他人修改，请刷新后再改',
    en: 'Item {id} was changed by someone else meanwhile: reload it and edit again',
  },
  itemInvalid: {
    'zh-CN': '事项定义有 {count} 处问题，见明细',
    en: 'The item definition has {count} problem(s): see details',
  },
  serviceItemNotForApplicant: {
    'zh-CN': '“{item}”不面向您这类申请人（个人或企业）办理',
    en: '“{item}” is not for this kind of applicant (resident or enterprise)',
  },
  serviceApplicantUnknown: {
    'zh-CN': '登记库中查无此申请人，请核对身份证号或统一社会信用代码',
    en: 'The applicant is not on the register: check the ID number or USCC',
  },
  serviceMaterialNotExpected: {
    'zh-CN': '材料“{key}”不是本事项需要上传的材料',
    en: 'Material “{key}” is not one this item takes as an upload',
  },
  serviceFileNotFound: {
    'zh-CN': '材料“{key}”所引用的文件不存在，请先上传',
    en: 'The file given for material “{key}” was not found: upload it first',
  },
  serviceFromCityInvalid: {
    'zh-CN': '申请地 {city} 不是衢州、黄山、南平、上饶之一',
    en: 'City {city} is not one of the alliance cities Quzhou, Huangshan, Nanping and Shangrao',
  },
  serviceUnknownFormField: {
    'zh-CN': '表单中有本事项没有的字段：{fields}',
    en: 'The form has fields this item does not: {fields}',
  },
  serviceFormInvalid: {
    'zh-CN': '表单有 {count} 处需要修改，见明细',
    en: 'The form has {count} field(s) to correct: see details',
  },
  serviceChannelNotOffered: {
    'zh-CN': '本事项不提供“{channel}”渠道办理',
    en: 'This item cannot be applied for through the {channel} channel',
  },
  serviceCrossCityNotOffered: {
    'zh-CN': '“{item}”不支持通过{channel}渠道异地办理',
    en: '“{item}” cannot be applied for from another city through the {channel} channel',
  },
  serviceCountyRequired: {
    'zh-CN': '本事项由县（市、区）办理，请选择办理地：{counties}',
    en: 'A county handles this item: choose one of {counties}',
  },
  serviceCityLevel: {
    'zh-CN': '本事项由市级（{city}）办理，不能选择县区',
    en: 'The city ({city}) handles this item: no county to choose',
  },
  caseActionNotForRole: {
    'zh-CN': '您在本办件中的角色（{roles}）不能执行“{action}”',
    en: 'Your role in this case ({roles}) cannot take the action “{action}”',
  },
  caseChangedMeanwhile: {
    'zh-CN': '办件 {id} 刚被他人处理，请刷新后再操作',
    en: 'Case {id} was just changed by someone else: reload it and try again',
  },
  caseTransferOfficerInvalid: {
    'zh-CN': '{username} 不是该事项所属部门、在办理地的干部',
    en: '{username} is not an officer of this item’s department in the handling division',
  },
  caseActionInputInvalid: { 'zh-CN': '“{field}”填写有误，见明细', en: '“{field}” is not right: see details' },
  caseReturnedOnce: {
    'zh-CN': '办件 {id} 已退回过一次（一次性告知），请受理或不予受理',
    en: 'Case {id} was already returned once (one-time notice): accept or deny it',
  },
  caseJointOpinionsPending: {
    'zh-CN': '尚待联办部门出具意见：{departments}',
    en: 'Waiting for the opinions of the joint departments: {departments}',
  },
  caseJointOpinionAgainst: {
    'zh-CN': '联办部门不同意：{departments}，不能准予办理',
    en: 'Joint department(s) disagree: {departments}; the case cannot be approved',
  },
  serviceUploadEmpty: { 'zh-CN': '上传的文件是空的', en: 'The uploaded file is empty' },
  serviceUploadType: {
    'zh-CN': '只接受 PDF、JPEG 或 PNG 文件（按文件内容识别）',
    en: 'Only PDF, JPEG or PNG files are accepted (recognised by their content)',
  },
  serviceUploadMislabelled: {
    'zh-CN': '文件标称类型为 {declared}，实际内容是 {actual}，请检查后重新上传',
    en: 'The file claims to be {declared} but its content is {actual}: check it and upload again',
  },
  serviceNoResultYet: {
    'zh-CN': '办件尚未办结（当前状态：{state}），暂无结果文书',
    en: 'The case has no result yet (state: {state})',
  },
  caseBatchTooLarge: { 'zh-CN': '一次最多批量办理 {max} 件', en: 'A batch takes at most {max} steps' },
  caseBatchDuplicate: { 'zh-CN': '同一批次中办件不能重复', en: 'A case may appear only once in a batch' },
  caseStepNotInBatch: {
    'zh-CN': '“{action}”需申请人提交材料，不能批量办理',
    en: '“{action}” brings the applicant’s papers and cannot be batched',
  },
  // carbon: farms and close
  farmYearInvalid: {
    'zh-CN': '年份 {year} 无效：农场投入按自然年填报，应在 1990 至 {thisYear} 年之间',
    en: 'Year {year} is invalid: farm inputs are per calendar year, from 1990 to {thisYear}',
  },
  closePeriodFormat: {
    'zh-CN': '结算期“{period}”格式有误，应为 YYYY-MM（如 2026-03）',
    en: 'Close period "{period}" must be YYYY-MM, e.g. 2026-03',
  },
  closePeriodNotEnded: {
    'zh-CN': '{period} 尚未结束（当前为 {current}，北京时间），只能结算已结束的月份',
    en: '{period} has not ended yet (it is {current} in China time): only ended months can be closed',
  },
  closeRunning: {
    'zh-CN': '{period} 的月度结算正在进行（运行 {runId}，开始于 {startedAt}），请等待其结束',
    en: 'The close of {period} is running already (run {runId}, started {startedAt}): wait for it to finish',
  },
  closeNotRun: {
    'zh-CN': '{period} 尚未完成月度结算，暂无统计（运行 sanqu carbon close --period {period}）',
    en: '{period} has not been closed yet: no statistics (run sanqu carbon close --period {period})',
  },
  closeBadDate: {
    'zh-CN': '日期“{date}”格式有误，应为 YYYY-MM-DD',
    en: 'Date "{date}" must be YYYY-MM-DD',
  },
  expiryInFuture: {
    'zh-CN': '不能按未来日期 {asOf} 过期积分（今天是 {today}，北京时间）',
    en: 'Points cannot be expired as of a future date {asOf} (today is {today} in China time)',
  },
  reversalPointsExpired: {
    'zh-CN': '行为记录 {eventId} 的积分已于 {expiresOn} 过期，不能再冲正',
    en: 'The points of behaviour event {eventId} expired on {expiresOn}; it can no longer be reversed',
  },
  // exchange and green finance
  consentMissing: {
    'zh-CN': '未获授权：数据主体尚未授权您为“{purpose}”查阅“{dataset}”',
    en: 'No consent: the data subject has not authorised you to read {dataset} for {purpose}',
  },
  consentExpired: {
    'zh-CN': '授权已过期：您为“{purpose}”查阅“{dataset}”的授权已于 {at}（北京时间）到期，请数据主体重新授权',
    en: 'Consent expired: your consent to read {dataset} for {purpose} ended at {at} (China time); ask for a new one',
  },
  consentRevoked: {
    'zh-CN': '授权已撤回：数据主体已于 {at}（北京时间）撤回您为“{purpose}”查阅“{dataset}”的授权',
    en: 'Consent revoked: the data subject withdrew your consent to read {dataset} for {purpose} at {at} (China time)',
  },
  consentExpiryInvalid: {
    'zh-CN': '授权截止时间须晚于现在，且不超过一年（最晚 {latest}，北京时间）',
    en: 'The consent must end after now and within one year (at the latest {latest}, China time)',
  },
  consentExists: {
    'zh-CN': '已有一项有效授权（{id}），如需修改请先撤回',
    en: 'An active consent exists already ({id}): revoke it first to change it',
  },
  consentAlreadyRevoked: { 'zh-CN': '授权 {id} 已撤回', en: 'Consent {id} has already been revoked' },
  consentAlreadyExpired: {
    'zh-CN': '授权 {id} 已过期，无需撤回',
    en: 'Consent {id} has already expired: there is nothing to revoke',
  },
  unknownBank: {
    'zh-CN': '{bank} 不是合作银行，请从合作银行列表中选择',
    en: '{bank} is not a partner bank: choose one from the list of partner banks',
  },
  bankWithoutOrganisation: {
    'zh-CN': '您的银行账号未关联所属银行机构，请联系管理员',
    en: 'Your bank account is not linked to a bank: ask an administrator',
  },
  // carbon: industrial accounts
  activityNothingToConfirm: {
    'zh-CN': '{uscc} {period} 的 {kind} 数据没有待确认的合理性警告',
    en: 'The {kind} figure of {uscc} for {period} has no plausibility warning to confirm',
  },
  activityAlreadyConfirmed: {
    'zh-CN': '{uscc} {period} 的 {kind} 数据已确认',
    en: 'The {kind} figure of {uscc} for {period} has already been confirmed',
  },
  periodRangeInvalid: {
    'zh-CN': '期间 {from} 至 {to} 无效：应为 YYYY-MM，起始不晚于截止，最多 {max} 个月',
    en: 'Periods {from} to {to} are invalid: use YYYY-MM, from not after to, at most {max} months',
  },
  industrialNotClosed: {
    'zh-CN': '{uscc} 的 {period} 尚未月度结账，暂无标签',
    en: '{period} has not been closed for {uscc} yet: there is no label',
  },
  industrialNoLabel: {
    'zh-CN': '{uscc} 在 {period} 未填报工业增加值，无法计算强度和标签',
    en: '{uscc} reported no value added for {period}: no intensity or label',
  },
  // uploads of CSV/XLSX tables (kernel/tabular, http/upload-file)
  uploadNoFile: {
    'zh-CN': '请以 multipart/form-data 的 file 字段上传一个 CSV 或 XLSX 文件',
    en: 'Send one CSV or XLSX file in the multipart/form-data field "file"',
  },
  uploadNotMultipart: {
    'zh-CN': '不支持的内容类型 {type}，请使用 multipart/form-data 上传文件',
    en: 'Unsupported content type {type}: upload the file as multipart/form-data',
  },
  uploadUnsupportedType: {
    'zh-CN': '不支持的文件 {filename}：仅支持 .csv（UTF-8）和 .xlsx',
    en: 'Unsupported file {filename}: only .csv (UTF-8) and .xlsx',
  },
  uploadTooLarge: {
    'zh-CN': '文件超过 {limit} 字节的上限，请分批上传',
    en: 'The file is larger than the limit of {limit} bytes: upload it in parts',
  },
  uploadUnpackedTooLarge: {
    'zh-CN': 'XLSX 文件解压后超过 {limit} 字节或 {maxEntries} 个部件的上限，请分批上传',
    en: 'The XLSX file unpacks to more than {limit} bytes or {maxEntries} parts: upload it in parts',
  },
  uploadTooManyRows: {
    'zh-CN': '文件有 {rows} 行数据，超过每次 {limit} 行的上限，请分批上传',
    en: 'The file has {rows} data rows, more than the limit of {limit}: upload it in parts',
  },
  uploadUnreadable: {
    'zh-CN': '无法读取文件：{reason}',
    en: 'The file cannot be read: {reason}',
  },
  uploadMissingColumns: {
    'zh-CN': '表头缺少列：{columns}（应有 {required}，可选 {optional}）',
    en: 'The header lacks columns: {columns} (expected {required}, optional {optional})',
  },
  uploadMissingRequiredColumns: {
    'zh-CN': '表头缺少列：{columns}（应有 {required}）',
    en: 'The header lacks columns: {columns} (expected {required})',
  },
  uploadEmpty: { 'zh-CN': '文件中没有数据行', en: 'The file has no data rows' },
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
