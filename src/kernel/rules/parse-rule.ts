import { RULE_OPERATORS, type Rule, type RuleOperator } from './rule';

/** One problem found in a rule document, with where it is (`conditions.all[2].op`). */
export interface RuleProblem {
  path: string;
  message: string;
}

const MAX_DEPTH = 8;
const MAX_NODES = 200;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function messageProblems(value: unknown, path: string): RuleProblem[] {
  if (!isObject(value)) return [{ path, message: 'must be an object { "zh": "...", "en": "..." }' }];
  const problems: RuleProblem[] = [];
  for (const language of ['zh', 'en'] as const) {
    const text = value[language];
    if (typeof text !== 'string' || text.trim() === '' || text.length > 200)
      problems.push({
        path: `${path}.${language}`,
        message: 'must be a non-empty text of at most 200 characters',
      });
  }
  const extra = Object.keys(value).filter((key) => key !== 'zh' && key !== 'en');
  if (extra.length > 0) problems.push({ path, message: `unknown field(s): ${extra.join(', ')}` });
  return problems;
}

function unknownKeys(node: Record<string, unknown>, allowed: readonly string[], path: string): RuleProblem[] {
  const extra = Object.keys(node).filter((key) => !allowed.includes(key));
  return extra.length > 0 ? [{ path, message: `unknown field(s): ${extra.join(', ')}` }] : [];
}

/**
 * Checks a rule document as it arrives from a file or an officer's edit: shape, operators, messages in both
 * languages, value types per operator, and (through `knownFact`) that every fact is one the caller can supply.
 * Returns the problems, all of them; an empty list means the value is a valid `Rule`.
 */
export function ruleProblems(
  value: unknown,
  knownFact: (fact: string) => string | null,
  path = 'conditions',
): RuleProblem[] {
  let nodes = 0;
  const visit = (node: unknown, at: string, depth: number): RuleProblem[] => {
    nodes++;
    if (nodes > MAX_NODES)
      return nodes === MAX_NODES + 1 ? [{ path: at, message: `at most ${MAX_NODES} conditions` }] : [];
    if (depth > MAX_DEPTH) return [{ path: at, message: `nested deeper than ${MAX_DEPTH} levels` }];
    if (!isObject(node))
      return [{ path: at, message: 'must be an object: a condition, "all", "any" or "not"' }];
    if ('all' in node) {
      if (!Array.isArray(node.all)) return [{ path: `${at}.all`, message: 'must be an array of rules' }];
      return [
        ...unknownKeys(node, ['all'], at),
        ...node.all.flatMap((child, i) => visit(child, `${at}.all[${i}]`, depth + 1)),
      ];
    }
    if ('any' in node) {
      if (!Array.isArray(node.any) || node.any.length === 0)
        return [{ path: `${at}.any`, message: 'must be a non-empty array of rules' }];
      return [
        ...unknownKeys(node, ['any', 'message'], at),
        ...messageProblems(node.message, `${at}.message`),
        ...node.any.flatMap((child, i) => visit(child, `${at}.any[${i}]`, depth + 1)),
      ];
    }
    if ('not' in node)
      return [
        ...unknownKeys(node, ['not', 'message'], at),
        ...messageProblems(node.message, `${at}.message`),
        ...visit(node.not, `${at}.not`, depth + 1),
      ];
    return conditionProblems(node, at);
  };

  const conditionProblems = (node: Record<string, unknown>, at: string): RuleProblem[] => {
    const problems = [...unknownKeys(node, ['fact', 'op', 'value', 'message'], at)];
    if (typeof node.fact !== 'string' || node.fact === '')
      problems.push({ path: `${at}.fact`, message: 'must name a fact' });
    else {
      const unknown = knownFact(node.fact);
      if (unknown) problems.push({ path: `${at}.fact`, message: unknown });
    }
    const op = node.op as RuleOperator;
    if (!RULE_OPERATORS.includes(op))
      problems.push({ path: `${at}.op`, message: `must be one of ${RULE_OPERATORS.join(', ')}` });
    else if ((op === 'in' || op === 'notIn') && !Array.isArray(node.value))
      problems.push({ path: `${at}.value`, message: `must be an array for "${op}"` });
    else if (['>', '>=', '<', '<='].includes(op) && !['number', 'string'].includes(typeof node.value))
      problems.push({ path: `${at}.value`, message: `must be a number or a text for "${op}"` });
    else if (op === 'exists' && node.value !== undefined)
      problems.push({ path: `${at}.value`, message: '"exists" takes no value' });
    else if ((op === '==' || op === '!=') && node.value === undefined)
      problems.push({ path: `${at}.value`, message: `"${op}" needs a value` });
    problems.push(...messageProblems(node.message, `${at}.message`));
    return problems;
  };

  return visit(value, path, 0);
}

/** The value as a Rule, or throws listing every problem (for shipped data, where a problem is a bug). */
export function parseRule(
  value: unknown,
  knownFact: (fact: string) => string | null,
  path = 'conditions',
): Rule {
  const problems = ruleProblems(value, knownFact, path);
  if (problems.length > 0)
    throw new Error(`invalid rule:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  return value as Rule;
}
