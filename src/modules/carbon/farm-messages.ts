import type { Language } from '../../kernel/errors';
import { describeCalculationIssue } from './calculation-messages';
import type { CalculationIssue } from './calculator';
import type { FarmAreaIssue } from './farm-limits';

export type FarmIssue = CalculationIssue | FarmAreaIssue;

const AREA_MESSAGE = {
  'zh-CN': '{amount} 对占地 {areaMu} 亩的农场不合理（上限 {max}），请核对数量和单位',
  en: '{amount} is not plausible for a farm of {areaMu} mu (at most {max}); check the amount and unit',
} as const;

/** A sentence for one farm-input issue, for the 422 details. */
export function describeFarmIssue(issue: FarmIssue, language: Language): string {
  if (issue.code !== 'implausible_for_area') return describeCalculationIssue(issue, language);
  return AREA_MESSAGE[language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in issue.params ? String(issue.params[name as keyof FarmAreaIssue['params']]) : whole,
  );
}
