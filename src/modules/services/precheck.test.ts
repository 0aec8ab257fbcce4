import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FactValue } from '../../kernel/rules';
import type { ItemDefinition } from './catalogue';
import { factsFor, type PrecheckInput, precheck, uploadRequired } from './precheck';

const label = (zh: string, en: string) => ({ zh, en });
const ADULT = label('申请人须年满18周岁', 'The applicant must be 18 or over');
const ACTIVE = label('公积金账户须为正常状态', 'The fund account must be active');
const AT_MOST_FIVE = label('份数不超过5', 'At most five copies');
const PROPERTY_OR_TRAVEL = label('用途须为房产或出行', 'For property or travel only');

const ITEM: ItemDefinition = {
  name: label('公积金缴存证明', 'Provident fund statement'),
  category: 'provident_fund',
  department: 'provident_fund',
  level: 'city',
  itemType: 'public_service',
  applicant: 'resident',
  legalLimitDays: 5,
  promisedLimitDays: 1,
  feeFen: 0,
  feeBasis: null,
  channels: ['online', 'window'],
  alliance: false,
  crossProvinceModes: [],
  jointDepartments: [],
  maxVisits: 1,
  result: { kind: 'record', name: label('证明', 'Statement'), delivery: ['electronic'] },
  legalBasis: '《住房公积金管理条例》',
  materials: [
    {
      key: 'application',
      name: label('申请书', 'Application'),
      source: 'applicant',
      required: true,
      original: false,
    },
    {
      key: 'extra',
      name: label('补充材料', 'Extra papers'),
      source: 'applicant',
      required: false,
      original: false,
    },
    {
      key: 'identity',
      name: label('居民身份证', 'Identity card'),
      source: 'registry',
      dataset: 'household',
      fields: ['name', 'birthDate'],
    },
    {
      key: 'fund',
      name: label('公积金账户', 'Fund account'),
      source: 'registry',
      dataset: 'provident_fund',
      fields: ['accountStatus'],
    },
    {
      key: 'booklet',
      name: label('户口簿', 'Booklet'),
      source: 'not_needed',
      note: label('无需提交', 'Not needed'),
    },
  ],
  form: [
    { key: 'name', label: label('姓名', 'Name'), type: 'text', required: true },
    { key: 'copies', label: label('份数', 'Copies'), type: 'number', required: true },
    { key: 'startDate', label: label('起始日期', 'Start date'), type: 'date', required: true },
    {
      key: 'purpose',
      label: label('用途', 'Purpose'),
      type: 'select',
      required: true,
      options: [
        { value: 'house', label: label('房产', 'Property') },
        { value: 'travel', label: label('出行', 'Travel') },
      ],
    },
    { key: 'note', label: label('备注', 'Note'), type: 'text', required: false },
  ],
  conditions: {
    all: [
      { fact: 'applicant.age', op: '>=', value: 18, message: ADULT },
      { fact: 'provident_fund.accountStatus', op: '==', value: 'active', message: ACTIVE },
      { fact: 'form.copies', op: '<=', value: 5, message: AT_MOST_FIVE },
      {
        any: [
          { fact: 'form.purpose', op: '==', value: 'house', message: PROPERTY_OR_TRAVEL },
          { fact: 'form.purpose', op: '==', value: 'travel', message: PROPERTY_OR_TRAVEL },
        ],
        message: PROPERTY_OR_TRAVEL,
      },
    ],
  },
};

const FORM = { name: '张三', copies: 2, startDate: '2026-06-01', purpose: 'house' };
const PROOFS = new Map<string, Record<string, FactValue> | null>([
  ['household', { name: '张三', birthDate: '1990-01-01' }],
  ['provident_fund', { accountStatus: 'active' }],
]);

const input = (overrides: Partial<PrecheckInput> = {}): PrecheckInput => ({
  form: FORM,
  uploaded: new Set(['application']),
  consent: true,
  proofs: PROOFS,
  applicant: { type: 'resident', age: 36, registeredCity: '330800' },
  ...overrides,
});
const withForm = (form: Record<string, unknown>) => input({ form: { ...FORM, ...form } });
const formProblems = (form: Record<string, unknown>) =>
  precheck(ITEM, withForm(form)).filter((problem) => problem.kind === 'form');

describe('precheck: the form', () => {
  it('finds nothing wrong with a complete, well-formed application', () => {
    expect(precheck(ITEM, input())).toEqual([]);
  });

  it.each([undefined, null, ''])('asks for a required field left %j', (value) => {
    expect(formProblems({ name: value })).toEqual([
      { kind: 'form', key: 'name', message: { zh: '请填写“姓名”', en: 'Fill in “Name”' } },
    ]);
  });

  it('lets an optional field stay empty', () => {
    for (const value of [undefined, null, '']) expect(formProblems({ note: value })).toEqual([]);
  });

  it.each(['2', Number.NaN, Number.POSITIVE_INFINITY, true, [2]])('refuses %j for a number', (value) => {
    expect(formProblems({ copies: value })).toEqual([
      { kind: 'form', key: 'copies', message: { zh: '“份数”应为数字', en: '“Copies” must be a number' } },
    ]);
  });

  it('accepts zero, negative and fractional numbers', () => {
    for (const copies of [0, -1, 2.5]) expect(formProblems({ copies })).toEqual([]);
  });

  it.each([
    '2026-6-1',
    '2026-06-01T00:00:00Z',
    ' 2026-06-01',
    '2026-13-01',
    '2026-00-10',
    '2026-06-32',
    20260601,
  ])('refuses %j for a date', (value) => {
    expect(formProblems({ startDate: value })).toEqual([
      {
        kind: 'form',
        key: 'startDate',
        message: { zh: '“起始日期”应为日期（YYYY-MM-DD）', en: '“Start date” must be a date (YYYY-MM-DD)' },
      },
    ]);
  });

  it('accepts a leap day in a leap year', () => {
    expect(formProblems({ startDate: '2024-02-29' })).toEqual([]);
  });

  it.each(['2026-02-30', '2026-04-31', '2025-02-29'])('refuses the impossible date %s', (value) => {
    expect(formProblems({ startDate: value })).toHaveLength(1);
  });

  it('refuses a value outside a select’s options, listing them', () => {
    for (const value of ['car', 'House', 1])
      expect(formProblems({ purpose: value })).toEqual([
        {
          kind: 'form',
          key: 'purpose',
          message: { zh: '“用途”应为：房产、出行', en: '“Purpose” must be one of: Property, Travel' },
        },
      ]);
  });

  it('accepts every option of a select', () => {
    for (const purpose of ['house', 'travel']) expect(formProblems({ purpose })).toEqual([]);
  });

  it('takes text of up to 500 characters, and only text', () => {
    expect(formProblems({ name: 'x'.repeat(500) })).toEqual([]);
    const message = {
      zh: '“姓名”应为不超过500字的文字',
      en: '“Name” must be text of at most 500 characters',
    };
    for (const name of ['x'.repeat(501), 42, { zh: '张三' }])
      expect(formProblems({ name })).toEqual([{ kind: 'form', key: 'name', message }]);
  });

  it('checks an optional field once it is filled in', () => {
    expect(formProblems({ note: 7 })).toEqual([expect.objectContaining({ kind: 'form', key: 'note' })]);
  });

  it('lists every bad field, in the form’s order', () => {
    const problems = formProblems({ note: 7, purpose: 'car', name: undefined, copies: 'two' });
    expect(problems.map((p) => p.key)).toEqual(['name', 'copies', 'purpose', 'note']);
  });

  it('ignores form values of fields the item does not have', () => {
    expect(formProblems({ nickname: 12 })).toEqual([]);
  });
});

describe('precheck: materials', () => {
  const materialProblems = (overrides: Partial<PrecheckInput>) =>
    precheck(ITEM, input(overrides)).filter((problem) => problem.kind === 'material');

  it('asks for a required upload that is missing', () => {
    expect(materialProblems({ uploaded: new Set() })).toEqual([
      { kind: 'material', key: 'application', message: { zh: '请上传“申请书”', en: 'Upload “Application”' } },
    ]);
  });

  it('never asks for an optional upload or a material not needed', () => {
    const keys = materialProblems({ uploaded: new Set(), consent: false, proofs: new Map() }).map(
      (p) => p.key,
    );
    expect(keys).not.toContain('extra');
    expect(keys).not.toContain('booklet');
  });

  it('asks for the registry materials on paper without consent', () => {
    expect(materialProblems({ consent: false, proofs: new Map() })).toEqual([
      {
        kind: 'material',
        key: 'identity',
        message: { zh: '请上传“居民身份证”', en: 'Upload “Identity card”' },
      },
      { kind: 'material', key: 'fund', message: { zh: '请上传“公积金账户”', en: 'Upload “Fund account”' } },
    ]);
  });

  it('takes the uploaded papers instead of the registry without consent', () => {
    const uploaded = new Set(['application', 'identity', 'fund']);
    expect(materialProblems({ consent: false, proofs: new Map(), uploaded })).toEqual([]);
  });

  it('asks for an upload when the registry has no record', () => {
    const proofs = new Map([...PROOFS, ['household', null]]);
    expect(materialProblems({ proofs })).toEqual([
      {
        kind: 'material',
        key: 'identity',
        message: {
          zh: '未在登记库中查到“居民身份证”，请上传该材料',
          en: 'No record of “Identity card” was found in the registry: upload it',
        },
      },
    ]);
  });

  it('accepts the upload asked for when the registry has no record', () => {
    const proofs = new Map([...PROOFS, ['household', null]]);
    expect(materialProblems({ proofs, uploaded: new Set(['application', 'identity']) })).toEqual([]);
  });
});

describe('uploadRequired', () => {
  it('follows the material’s source, and consent for registry materials', () => {
    const [application, extra, identity, , booklet] = ITEM.materials;
    const table = [true, false].map((consent) =>
      [application, extra, identity, booklet].map((m) => uploadRequired(m!, consent)),
    );
    expect(table).toEqual([
      [true, false, false, false],
      [true, false, true, false],
    ]);
  });
});

describe('factsFor', () => {
  it('gives the applicant’s facts, the fetched fields and the form under their prefixes', () => {
    const proofs = new Map([...PROOFS, ['marriage', null]]);
    expect(factsFor(input({ proofs, form: { name: '张三', note: undefined, copies: 2 } }))).toStrictEqual({
      'applicant.type': 'resident',
      'applicant.age': 36,
      'applicant.registeredCity': '330800',
      'household.name': '张三',
      'household.birthDate': '1990-01-01',
      'provident_fund.accountStatus': 'active',
      'form.name': '张三',
      'form.copies': 2,
    });
  });
});

describe('precheck: conditions', () => {
  const conditionProblems = (overrides: Partial<PrecheckInput>) =>
    precheck(ITEM, input(overrides)).filter((problem) => problem.kind === 'condition');
  const failing = {
    applicant: { type: 'resident' as const, age: 17, registeredCity: '330800' },
    proofs: new Map([...PROOFS, ['provident_fund', { accountStatus: 'closed' }]]),
    form: { ...FORM, copies: 9, purpose: 'car' },
  };

  it('lists every failed condition with its fact and message, with consent', () => {
    expect(conditionProblems(failing)).toEqual([
      { kind: 'condition', key: 'applicant.age', message: ADULT },
      { kind: 'condition', key: 'provident_fund.accountStatus', message: ACTIVE },
      { kind: 'condition', key: 'form.copies', message: AT_MOST_FIVE },
      { kind: 'condition', key: null, message: PROPERTY_OR_TRAVEL },
    ]);
  });

  it('without consent checks only the applicant and form facts (an officer checks the papers)', () => {
    expect(conditionProblems({ ...failing, consent: false })).toEqual([
      { kind: 'condition', key: 'applicant.age', message: ADULT },
      { kind: 'condition', key: 'form.copies', message: AT_MOST_FIVE },
    ]);
  });

  it('without consent does not hold the registry facts it never fetched against the applicant', () => {
    expect(conditionProblems({ consent: false, proofs: new Map() })).toEqual([]);
  });

  it('with consent counts a fact the registry did not give as failed', () => {
    const proofs = new Map([...PROOFS, ['provident_fund', null]]);
    expect(conditionProblems({ proofs }).map((p) => p.key)).toEqual(['provident_fund.accountStatus']);
  });

  it('fails an age condition for an enterprise (no age)', () => {
    const applicant = { type: 'enterprise' as const, age: null, registeredCity: '330800' };
    expect(conditionProblems({ applicant }).map((p) => p.key)).toEqual(['applicant.age']);
  });
});

describe('precheck: all together', () => {
  it('lists form, then materials, then conditions, at once', () => {
    const problems = precheck(
      ITEM,
      input({
        form: { ...FORM, copies: 9, startDate: 'soon' },
        uploaded: new Set(),
        applicant: { type: 'resident', age: 16, registeredCity: '330800' },
      }),
    );
    expect(problems.map((p) => [p.kind, p.key])).toEqual([
      ['form', 'startDate'],
      ['material', 'application'],
      ['condition', 'applicant.age'],
      ['condition', 'form.copies'],
    ]);
  });
});

describe('precheck properties', () => {
  const KINDS = ['form', 'material', 'condition'];
  const fieldKeys = ITEM.form.map((f) => f.key);
  const materialKeys = ITEM.materials.map((m) => m.key);
  const anyForm = fc.dictionary(fc.oneof(fc.constantFrom(...fieldKeys), fc.string()), fc.anything());
  const anyProofs = fc.constantFrom(
    PROOFS,
    new Map<string, Record<string, FactValue> | null>(),
    new Map([...PROOFS, ['household', null]]),
    new Map([...PROOFS, ['provident_fund', null]]),
  );
  const anyApplicant = fc.record({
    type: fc.constantFrom('resident' as const, 'enterprise' as const),
    age: fc.option(fc.integer({ min: 0, max: 120 })),
    registeredCity: fc.constantFrom('330800', '361100'),
  });

  it('never throws for an arbitrary form, and orders its problems by kind (property)', () => {
    fc.assert(
      fc.property(anyForm, fc.boolean(), anyProofs, anyApplicant, (form, consent, proofs, applicant) => {
        const problems = precheck(ITEM, { form, uploaded: new Set(), consent, proofs, applicant });
        const kinds = problems.map((p) => KINDS.indexOf(p.kind));
        expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
        const fields = problems.filter((p) => p.kind === 'form').map((p) => p.key as string);
        expect(fields).toEqual(fieldKeys.filter((key) => fields.includes(key)));
        // A required field that is absent is always named; an absent optional one never.
        for (const field of ITEM.form)
          if (form[field.key] === undefined) expect(fields.includes(field.key)).toBe(field.required);
        // Nothing uploaded: the required application is always asked for.
        expect(problems).toContainEqual(expect.objectContaining({ kind: 'material', key: 'application' }));
      }),
      { numRuns: 300 },
    );
  });

  it('uploading more never adds a problem (property)', () => {
    fc.assert(
      fc.property(
        anyForm,
        fc.boolean(),
        anyProofs,
        anyApplicant,
        fc.subarray(materialKeys),
        fc.subarray(materialKeys),
        (form, consent, proofs, applicant, some, more) => {
          const before = precheck(ITEM, { form, uploaded: new Set(some), consent, proofs, applicant });
          const after = precheck(ITEM, {
            form,
            uploaded: new Set([...some, ...more]),
            consent,
            proofs,
            applicant,
          });
          expect(after.length).toBeLessThanOrEqual(before.length);
          for (const problem of after) expect(before).toContainEqual(problem);
          // Uploads touch only the material problems.
          expect(after.filter((p) => p.kind !== 'material')).toEqual(
            before.filter((p) => p.kind !== 'material'),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
