/** Declarative eligibility rules (JSON) -> verdict with every reason, in zh-CN and en. */

export { parseRule, type RuleProblem, ruleProblems } from './parse-rule';
export {
  type AllRule,
  type AnyRule,
  type Condition,
  conditionHolds,
  evaluateRule,
  type Facts,
  type FactValue,
  factsOf,
  type Message,
  type NotRule,
  RULE_OPERATORS,
  type Rule,
  type RuleFailure,
  type RuleOperator,
  type Verdict,
} from './rule';
