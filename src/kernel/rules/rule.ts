/**
 * 受理条件 as data: a declarative eligibility rule (JSON) evaluated against a flat map of facts, giving a verdict
 * and, for every condition that failed, a reason a person can act on (zh-CN and en).
 *
 * Written here rather than taken from json-rules-engine because a government service must tell the applicant every
 * unmet condition at once (一次性告知), synchronously and without side effects; that engine short-circuits and runs
 * asynchronous fact resolution with events, which would make the pure core impure.
 */

export interface Message {
  zh: string;
  en: string;
}

export const RULE_OPERATORS = ['==', '!=', '>', '>=', '<', '<=', 'in', 'notIn', 'exists'] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/** A fact's value: what registries, forms and the applicant's profile give. */
export type FactValue =
  | string
  | number
  | boolean
  | null
  | readonly FactValue[]
  | { [key: string]: FactValue };

/** One comparison of a named fact with a constant. */
export interface Condition {
  fact: string;
  op: RuleOperator;
  value?: FactValue;
  message: Message;
}

/** Every child must hold; each failing child gives its own reason. */
export interface AllRule {
  all: Rule[];
}

/** At least one child must hold; when none does, the rule's own message is the reason. */
export interface AnyRule {
  any: Rule[];
  message: Message;
}

/** The child must not hold. */
export interface NotRule {
  not: Rule;
  message: Message;
}

export type Rule = Condition | AllRule | AnyRule | NotRule;

export type Facts = Readonly<Record<string, FactValue | undefined>>;

/** Why a rule did not hold: the message, and for a plain condition what was expected and what was found. */
export interface RuleFailure {
  message: Message;
  fact: string | null;
  op: RuleOperator | null;
  expected: FactValue | undefined;
  actual: FactValue | undefined;
}

export interface Verdict {
  pass: boolean;
  /** Empty when `pass`; otherwise every reason, in the rule's order. */
  failures: RuleFailure[];
}

export const isCondition = (rule: Rule): rule is Condition => 'fact' in rule;
export const isAll = (rule: Rule): rule is AllRule => 'all' in rule;
export const isAny = (rule: Rule): rule is AnyRule => 'any' in rule;
export const isNot = (rule: Rule): rule is NotRule => 'not' in rule;

function sameValue(a: FactValue | undefined, b: FactValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function ordered(actual: FactValue | undefined, expected: FactValue | undefined): number | null {
  // Only like with like: numbers with numbers, strings (ISO dates, codes) with strings. Anything else fails.
  if (typeof actual === 'number' && typeof expected === 'number' && Number.isFinite(actual))
    return actual - expected;
  if (typeof actual === 'string' && typeof expected === 'string')
    return actual < expected ? -1 : actual > expected ? 1 : 0;
  return null;
}

/** True when the condition holds for `actual`. A missing fact holds for nothing but `notIn` and `!=`. */
export function conditionHolds(
  op: RuleOperator,
  actual: FactValue | undefined,
  expected: FactValue | undefined,
) {
  switch (op) {
    case 'exists':
      return actual !== undefined && actual !== null;
    case '==':
      return sameValue(actual, expected);
    case '!=':
      return !sameValue(actual, expected);
    case 'in':
      return Array.isArray(expected) && expected.some((candidate) => sameValue(actual, candidate));
    case 'notIn':
      return Array.isArray(expected) && !expected.some((candidate) => sameValue(actual, candidate));
    default: {
      const difference = ordered(actual, expected);
      if (difference === null) return false;
      if (op === '>') return difference > 0;
      if (op === '>=') return difference >= 0;
      if (op === '<') return difference < 0;
      return difference <= 0;
    }
  }
}

function failuresOf(rule: Rule, facts: Facts): RuleFailure[] {
  if (isCondition(rule)) {
    const actual = facts[rule.fact];
    return conditionHolds(rule.op, actual, rule.value)
      ? []
      : [{ message: rule.message, fact: rule.fact, op: rule.op, expected: rule.value, actual }];
  }
  if (isAll(rule)) return rule.all.flatMap((child) => failuresOf(child, facts));
  const own: RuleFailure = {
    message: rule.message,
    fact: null,
    op: null,
    expected: undefined,
    actual: undefined,
  };
  if (isAny(rule)) return rule.any.some((child) => failuresOf(child, facts).length === 0) ? [] : [own];
  return failuresOf(rule.not, facts).length === 0 ? [own] : [];
}

/**
 * Evaluates `rule` against `facts`. Pure; never throws for missing facts (a missing fact fails its condition with
 * `actual: undefined`, so the applicant is told what could not be confirmed).
 * @example evaluateRule({ all: [{ fact: 'applicant.age', op: '>=', value: 16, message }] }, { 'applicant.age': 15 })
 *   // { pass: false, failures: [{ message, fact: 'applicant.age', op: '>=', expected: 16, actual: 15 }] }
 */
export function evaluateRule(rule: Rule, facts: Facts): Verdict {
  const failures = failuresOf(rule, facts);
  return { pass: failures.length === 0, failures };
}

/** The fact names a rule reads, in first-use order (to fetch only what the rule needs and to validate it). */
export function factsOf(rule: Rule): string[] {
  const names = new Set<string>();
  const visit = (node: Rule): void => {
    if (isCondition(node)) names.add(node.fact);
    else if (isAll(node)) node.all.forEach(visit);
    else if (isAny(node)) node.any.forEach(visit);
    else visit(node.not);
  };
  visit(rule);
  return [...names];
}
