import type { CalculationIssue, CalculationIssueCode } from './calculator';

const MESSAGES: Record<CalculationIssueCode, { 'zh-CN': string; en: string }> = {
  period_format: {
    'zh-CN': '核算期“{period}”格式有误，应为 YYYY-MM（如 2026-03）',
    en: 'Period "{period}" must be YYYY-MM, e.g. 2026-03',
  },
  future_period: {
    'zh-CN': '核算期 {period} 晚于当前期 {current}，不能核算未来的排放',
    en: 'Period {period} is after the current period {current}',
  },
  grid_factor: {
    'zh-CN': '电网排放因子“{gridFactor}”无效，可选：{allowed}',
    en: 'Grid factor "{gridFactor}" is not one of: {allowed}',
  },
  amount_not_finite: { 'zh-CN': '数量“{amount}”不是有效数字', en: 'Amount "{amount}" is not a number' },
  amount_negative: {
    'zh-CN': '数量不能为负数（收到 {amount}）',
    en: 'Amount cannot be negative (got {amount})',
  },
  amount_too_large: {
    'zh-CN': '数量 {amount} {unit} 超过合理上限（{max} {baseUnit}），请核对单位',
    en: 'Amount {amount} {unit} exceeds the plausible limit of {max} {baseUnit}; check the unit',
  },
  unknown_kind: {
    'zh-CN': '不支持的活动类型“{kind}”，可选：{allowed}',
    en: 'Unknown activity kind "{kind}"; allowed: {allowed}',
  },
  unknown_unit: {
    'zh-CN': '单位“{unit}”不适用于 {kind}，可选单位：{allowed}',
    en: 'Unit "{unit}" does not apply to {kind}; allowed units: {allowed}',
  },
  value_added_invalid: {
    'zh-CN': '工业增加值（万元）须为 0 或不小于 0.01 的数（收到 {valueAdded}）',
    en: 'Value-added (万元) must be 0 or at least 0.01 (got {valueAdded})',
  },
  value_added_too_large: {
    'zh-CN': '工业增加值 {valueAdded} 万元超过上限 {max} 万元，请核对单位（万元）',
    en: 'Value-added of {valueAdded} 万元 exceeds the limit of {max} 万元; check the unit (万元)',
  },
  renewable_exceeds_electricity: {
    'zh-CN': '自发可再生电力抵扣 {renewable} t 超过外购电力排放 {electricity} t，请核对电量',
    en: 'Own renewable deduction of {renewable} t exceeds purchased electricity emissions of {electricity} t; check the amounts',
  },
  factor_missing: {
    'zh-CN': '因子库中没有 {kind} 在 {period} 可用的排放因子（{factor}）',
    en: 'No emission factor ({factor}) for {kind} in {period}',
  },
  result_too_large: {
    'zh-CN': '计算结果超出可精确表示的范围，请核对数量和单位',
    en: 'The result is too large to represent exactly; check amounts and units',
  },
};

/**
 * A sentence for one issue in zh-CN or English, for the 422 details.
 * @example describeCalculationIssue({ path: 'activities[0].unit', code: 'unknown_unit', params: { unit: 'kWh', kind: 'raw_coal', allowed: 't, kg' } }, 'en')
 *   // 'Unit "kWh" does not apply to raw_coal; allowed units: t, kg'
 */
export function describeCalculationIssue(issue: CalculationIssue, language: 'zh-CN' | 'en'): string {
  return MESSAGES[issue.code][language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in issue.params ? String(issue.params[name]) : whole,
  );
}
