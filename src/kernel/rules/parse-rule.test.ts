import { describe, expect, it } from 'vitest';
import { parseRule, ruleProblems } from './parse-rule';

const message = { zh: '须年满16周岁', en: 'Must be at least 16' };
const known = (fact: string) => (fact.startsWith('applicant.') ? null : `unknown fact "${fact}"`);

describe('ruleProblems', () => {
  it('accepts a valid nested rule', () => {
    const rule = {
      all: [
        { fact: 'applicant.age', op: '>=', value: 16, message },
        { any: [{ fact: 'applicant.type', op: 'exists', message }], message },
        { not: { fact: 'applicant.registeredCity', op: 'in', value: ['330800'], message }, message },
      ],
    };
    expect(ruleProblems(rule, known)).toEqual([]);
    expect(parseRule(rule, known)).toBe(rule);
  });

  it('lists every problem with its path', () => {
    const problems = ruleProblems(
      {
        all: [
          { fact: 'marriage.status', op: '>=', value: 16, message },
          { fact: 'applicant.age', op: 'like', value: 1, message },
          { fact: 'applicant.age', op: 'in', value: 1, message },
          { fact: 'applicant.age', op: '>', value: true, message },
          { fact: 'applicant.age', op: 'exists', value: 1, message },
          { fact: 'applicant.age', op: '==', message },
          { fact: 'applicant.age', op: '==', value: 1, message: { zh: '' }, extra: 1 },
          { any: [], message },
          { not: 'x', message },
          7,
        ],
      },
      known,
    );
    expect(problems).toEqual([
      { path: 'conditions.all[0].fact', message: 'unknown fact "marriage.status"' },
      { path: 'conditions.all[1].op', message: expect.stringContaining('must be one of') },
      { path: 'conditions.all[2].value', message: 'must be an array for "in"' },
      { path: 'conditions.all[3].value', message: 'must be a number or a text for ">"' },
      { path: 'conditions.all[4].value', message: '"exists" takes no value' },
      { path: 'conditions.all[5].value', message: '"==" needs a value' },
      { path: 'conditions.all[6]', message: 'unknown field(s): extra' },
      { path: 'conditions.all[6].message.zh', message: expect.any(String) },
      { path: 'conditions.all[6].message.en', message: expect.any(String) },
      { path: 'conditions.all[7].any', message: 'must be a non-empty array of rules' },
      { path: 'conditions.all[8].not', message: expect.stringContaining('must be an object') },
      { path: 'conditions.all[9]', message: expect.stringContaining('must be an object') },
    ]);
    expect(() => parseRule({ all: [7] }, known)).toThrow(/conditions\.all\[0\]/);
  });

  it('bounds depth and size so a hostile document cannot exhaust the server', () => {
    let deep: unknown = { fact: 'applicant.age', op: 'exists', message };
    for (let i = 0; i < 12; i++) deep = { not: deep, message };
    expect(ruleProblems(deep, known)).toEqual([
      { path: expect.any(String), message: 'nested deeper than 8 levels' },
    ]);
    const wide = {
      all: Array.from({ length: 300 }, () => ({ fact: 'applicant.age', op: 'exists', message })),
    };
    expect(ruleProblems(wide, known)).toEqual([
      { path: 'conditions.all[199]', message: 'at most 200 conditions' },
    ]);
  });
});
