import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Condition, conditionHolds, evaluateRule, type FactValue, factsOf, type Rule } from './rule';

const message = (text: string) => ({ zh: text, en: text });
const condition = (fact: string, op: Condition['op'], value?: FactValue): Condition => ({
  fact,
  op,
  value,
  message: message(`${fact} ${op} ${JSON.stringify(value)}`),
});

describe('conditionHolds', () => {
  it.each([
    ['==', 3, 3, true],
    ['==', 3, '3', false],
    ['==', [1, 2], [1, 2], true],
    ['!=', 'a', 'b', true],
    ['!=', undefined, 'b', true],
    ['>', 5, 4, true],
    ['>', 4, 4, false],
    ['>=', 4, 4, true],
    ['<', 3, 4, true],
    ['<=', 5, 4, false],
    ['<=', '2026-01-01', '2026-12-31', true],
    ['>', '10', 9, false],
    ['>', Number.NaN, 0, false],
    ['>=', undefined, 0, false],
    ['in', 'married', ['married', 'divorced'], true],
    ['in', 'single', ['married'], false],
    ['in', 'x', 'x', false],
    ['notIn', 'single', ['married'], true],
    ['notIn', undefined, ['married'], true],
    ['exists', 0, undefined, true],
    ['exists', false, undefined, true],
    ['exists', null, undefined, false],
    ['exists', undefined, undefined, false],
  ] as const)('%s with actual %j and expected %j is %s', (op, actual, expected, holds) => {
    expect(conditionHolds(op, actual as FactValue, expected as FactValue)).toBe(holds);
  });

  it('orders numbers like arithmetic does (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, b) => {
        expect(conditionHolds('>', a, b)).toBe(a > b);
        expect(conditionHolds('>=', a, b)).toBe(a >= b);
        expect(conditionHolds('<', a, b)).toBe(a < b);
        expect(conditionHolds('<=', a, b)).toBe(a <= b);
        expect(conditionHolds('==', a, b)).toBe(a === b);
        expect(conditionHolds('!=', a, b)).toBe(a !== b);
      }),
    );
  });

  it('in and notIn are complements for any list (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string()), (value, list) => {
        expect(conditionHolds('in', value, list)).toBe(!conditionHolds('notIn', value, list));
        expect(conditionHolds('in', value, list)).toBe(list.includes(value));
      }),
    );
  });
});

describe('evaluateRule', () => {
  const adult = condition('applicant.age', '>=', 16);
  const local = condition('applicant.registeredCity', 'in', ['330800', '361100']);
  const married = condition('marriage.maritalStatus', '==', 'married');

  it('passes an empty "all"', () => {
    expect(evaluateRule({ all: [] }, {})).toEqual({ pass: true, failures: [] });
  });

  it('lists every failed condition of an "all", in order, with what was expected and found (一次性告知)', () => {
    const verdict = evaluateRule(
      { all: [adult, local, married] },
      {
        'applicant.age': 15,
        'applicant.registeredCity': '330800',
      },
    );
    expect(verdict.pass).toBe(false);
    expect(verdict.failures).toEqual([
      { message: adult.message, fact: 'applicant.age', op: '>=', expected: 16, actual: 15 },
      {
        message: married.message,
        fact: 'marriage.maritalStatus',
        op: '==',
        expected: 'married',
        actual: undefined,
      },
    ]);
  });

  it('"any" holds when one child does and otherwise gives its own message once', () => {
    const rule: Rule = { any: [adult, married], message: message('adult or married') };
    expect(evaluateRule(rule, { 'marriage.maritalStatus': 'married' }).pass).toBe(true);
    expect(evaluateRule(rule, { 'applicant.age': 10 }).failures).toEqual([
      { message: message('adult or married'), fact: null, op: null, expected: undefined, actual: undefined },
    ]);
  });

  it('"not" inverts its child', () => {
    const rule: Rule = { not: married, message: message('must not be married') };
    expect(evaluateRule(rule, { 'marriage.maritalStatus': 'unmarried' }).pass).toBe(true);
    expect(evaluateRule(rule, { 'marriage.maritalStatus': 'married' }).failures).toHaveLength(1);
  });

  const leaf = fc
    .record({
      fact: fc.constantFrom('a', 'b', 'c'),
      op: fc.constantFrom('>=', '<', '==', '!='),
      value: fc.integer({ min: 0, max: 3 }),
    })
    .map(({ fact, op, value }) => condition(fact, op, value));
  const { rule: arbitraryRule } = fc.letrec<{ rule: Rule }>((tie) => ({
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ all: fc.array(tie('rule'), { maxLength: 3 }) }),
      fc.record({
        any: fc.array(tie('rule'), { minLength: 1, maxLength: 3 }),
        message: fc.constant(message('any')),
      }),
      fc.record({ not: tie('rule'), message: fc.constant(message('not')) }),
    ),
  }));
  const arbitraryFacts = fc.record(
    {
      a: fc.integer({ min: 0, max: 3 }),
      b: fc.integer({ min: 0, max: 3 }),
      c: fc.integer({ min: 0, max: 3 }),
    },
    { requiredKeys: [] },
  );

  /** The reference semantics, written as plain boolean logic. */
  const holds = (rule: Rule, facts: Record<string, number>): boolean => {
    if ('fact' in rule) return conditionHolds(rule.op, facts[rule.fact], rule.value);
    if ('all' in rule) return rule.all.every((child) => holds(child, facts));
    if ('any' in rule) return rule.any.some((child) => holds(child, facts));
    return !holds(rule.not, facts);
  };

  it('agrees with boolean logic, and fails exactly when it gives reasons (property)', () => {
    fc.assert(
      fc.property(arbitraryRule, arbitraryFacts, (rule, facts) => {
        const verdict = evaluateRule(rule, facts);
        expect(verdict.pass).toBe(holds(rule, facts));
        expect(verdict.failures.length === 0).toBe(verdict.pass);
      }),
    );
  });

  it('an "all" fails with the union of its children\'s reasons (property)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRule, { maxLength: 4 }), arbitraryFacts, (children, facts) => {
        const each = children.flatMap((child) => evaluateRule(child, facts).failures);
        expect(evaluateRule({ all: children }, facts).failures).toEqual(each);
      }),
    );
  });

  it('names the facts a rule reads once each', () => {
    expect(
      factsOf({
        all: [adult, { not: adult, message: message('x') }, { any: [married, local], message: message('y') }],
      }),
    ).toEqual(['applicant.age', 'marriage.maritalStatus', 'applicant.registeredCity']);
  });
});
