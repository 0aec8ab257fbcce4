import { describeCalculationIssue } from './calculation-messages';
import type { CalculationIssue, CalculationIssueCode } from './calculator';
import type { IndustrialIssue } from './industrial';

/** Row-level reasons an upload or entry reports beyond the calculator's own issue codes. */
export type RowMessageCode =
  | 'period_too_early'
  | 'duplicate_kind'
  | 'no_activities'
  | 'invalid_uscc'
  | 'unknown_enterprise'
  | 'not_your_enterprise'
  | 'amount_not_number'
  | 'missing_value'
  | 'duplicate_in_file'
  | 'value_added_conflict'
  | 'value_added_not_stored'
  | 'plausibility_warning'
  | 'replaced';

/** One message about a row, in both languages (an upload report is read by people of either). */
export interface RowMessage {
  code: RowMessageCode | CalculationIssueCode;
  zh: string;
  en: string;
}

const TEXT: Record<RowMessageCode, { zh: string; en: string }> = {
  period_too_early: {
    zh: '核算期 {period} 早于 {earliest}，碳账户不接受更早的数据',
    en: 'Period {period} is before {earliest}, the earliest the accounts take',
  },
  duplicate_kind: {
    zh: '同一月份中活动类型 {kind} 出现了不止一次',
    en: 'Activity kind {kind} appears more than once for the month',
  },
  no_activities: { zh: '至少需要一条活动数据或增加值', en: 'Give at least one activity or the value added' },
  invalid_uscc: {
    zh: '统一社会信用代码“{uscc}”无效（GB 32100-2015）',
    en: 'USCC "{uscc}" is not valid (GB 32100-2015)',
  },
  unknown_enterprise: { zh: '法人库中没有企业 {uscc}', en: 'No enterprise {uscc} in the registry' },
  not_your_enterprise: {
    zh: '您无权为企业 {uscc} 填报数据',
    en: 'You may not enter data for enterprise {uscc}',
  },
  amount_not_number: { zh: '{field}“{value}”不是数字', en: '{field} "{value}" is not a number' },
  missing_value: { zh: '缺少 {field}', en: '{field} is missing' },
  duplicate_in_file: {
    zh: '与第 {first} 行重复（同一企业、月份和活动类型），以第 {first} 行为准',
    en: 'Repeats row {first} (same enterprise, month and kind); row {first} is kept',
  },
  value_added_conflict: {
    zh: '增加值与第 {first} 行给出的同月增加值不一致',
    en: 'Value added differs from the one row {first} gives for the same month',
  },
  value_added_not_stored: {
    zh: '本月增加值未保存：给出增加值的第 {row} 行被拒绝，请修正该行后重新上传',
    en: 'The month’s value added was not stored: row {row}, which gave it, was rejected; correct it and upload again',
  },
  plausibility_warning: {
    zh: '按此数据全年排放约 {annualTonnes} t，远超企业规模的合理上限 {ceilingTonnes} t：已保存但暂不计入，待主管部门确认',
    en: 'This figure implies about {annualTonnes} t a year, far above the plausible {ceilingTonnes} t for the enterprise’s size: stored but left out of the figures until an officer confirms it',
  },
  replaced: {
    zh: '替换了此前填报的 {old}',
    en: 'Replaces the earlier figure {old}',
  },
};

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

/** A row message in both languages. */
export function rowMessage(code: RowMessageCode, params: Record<string, string | number> = {}): RowMessage {
  const text = TEXT[code];
  return { code, zh: fill(text.zh, params), en: fill(text.en, params) };
}

const isRowCode = (code: string): code is RowMessageCode => Object.hasOwn(TEXT, code);

/** An entry issue (calculator's or industrial) in both languages. */
export function issueMessage(issue: IndustrialIssue): RowMessage {
  if (isRowCode(issue.code)) return rowMessage(issue.code, issue.params);
  const calculation = issue as CalculationIssue;
  return {
    code: calculation.code,
    zh: describeCalculationIssue(calculation, 'zh-CN'),
    en: describeCalculationIssue(calculation, 'en'),
  };
}
