import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDivisionService } from '../../kernel/divisions';
import { createProviderDirectory } from '../../kernel/exchange';
import { dataPath } from '../../kernel/paths';
import type { Condition } from '../../kernel/rules';
import { registryProviders } from '../registry';
import type { ItemDefinition, ItemTemplate } from './catalogue';
import { definitionProblems, parseCatalogue } from './item-validation';

// The directory the services check declarations against: the registries' fields, no database behind them.
const directory = createProviderDirectory(registryProviders({} as never, createDivisionService()));
const fieldCheck = directory.fieldProblem;
const shipped = () =>
  JSON.parse(readFileSync(dataPath('services', 'items.json'), 'utf8')) as { items: unknown[] };

const label = (zh: string, en: string) => ({ zh, en });
const message = label('条件不满足', 'Condition not met');

/** A valid resident item touching every rule: fee-free, alliance with 代收代办 and 联办, a registry material, a select. */
const VALID: ItemDefinition = {
  name: label('婚姻登记记录证明出具', 'Certificate of marriage records'),
  category: 'marriage_birth',
  department: 'civil_affairs',
  level: 'county',
  itemType: 'public_service',
  applicant: 'resident',
  legalLimitDays: 20,
  promisedLimitDays: 5,
  feeFen: 0,
  feeBasis: null,
  channels: ['online', 'window'],
  alliance: true,
  crossProvinceModes: ['proxy', 'joint'],
  jointDepartments: ['health'],
  maxVisits: 1,
  result: { kind: 'record', name: label('证明', 'Certificate'), delivery: ['electronic', 'window'] },
  legalBasis: '《婚姻登记条例》',
  materials: [
    {
      key: 'application',
      name: label('申请书', 'Application'),
      source: 'applicant',
      required: true,
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
      key: 'booklet',
      name: label('户口簿', 'Booklet'),
      source: 'not_needed',
      note: label('无需提交', 'Not needed'),
    },
  ],
  form: [
    {
      key: 'fullName',
      label: label('姓名', 'Name'),
      type: 'text',
      required: true,
      prefill: 'household.name',
    },
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
    {
      key: 'phone',
      label: label('电话', 'Phone'),
      type: 'text',
      required: false,
      prefill: 'applicant.phone',
    },
  ],
  conditions: {
    all: [
      { fact: 'applicant.age', op: '>=', value: 18, message },
      { fact: 'household.birthDate', op: 'exists', message },
      { fact: 'form.purpose', op: 'in', value: ['house', 'travel'], message },
    ],
  },
};

const fresh = (): ItemDefinition => structuredClone(VALID);

interface Mutation {
  name: string;
  /** The path of the problem the mutation must cause. */
  path: string;
  /** A shape error (TypeBox): the meaning checks do not run then. */
  shape?: boolean;
  apply(definition: ItemDefinition): void;
}

// Each mutation breaks exactly one rule and only adds to what it touches, so any subset of them composes
// (except the two dataset mutations: an item is either a resident's or an enterprise's).
const MUTATIONS: readonly Mutation[] = [
  {
    name: 'promised limit above the legal limit',
    path: 'promisedLimitDays',
    apply: (d) => {
      d.promisedLimitDays = d.legalLimitDays + 1;
    },
  },
  {
    name: 'a fee without its legal basis',
    path: 'feeBasis',
    apply: (d) => {
      d.feeFen = 5000;
      d.feeBasis = null;
    },
  },
  {
    name: 'zero visits without the online channel',
    path: 'maxVisits',
    apply: (d) => {
      d.maxVisits = 0;
      d.channels = ['window'];
    },
  },
  {
    name: 'cross-province modes on a non-alliance item',
    path: 'crossProvinceModes',
    apply: (d) => {
      d.alliance = false;
    },
  },
  {
    name: '全程网办 without the online channel',
    path: 'crossProvinceModes',
    apply: (d) => {
      if (!d.crossProvinceModes.includes('full_online')) d.crossProvinceModes.push('full_online');
      d.channels = ['window'];
    },
  },
  {
    name: 'joint departments without 多地联办',
    path: 'jointDepartments',
    apply: (d) => {
      d.crossProvinceModes = d.crossProvinceModes.filter((mode) => mode !== 'joint');
    },
  },
  {
    name: 'the own department among the joint departments',
    path: 'jointDepartments',
    apply: (d) => {
      d.jointDepartments.push(d.department);
    },
  },
  {
    name: 'a duplicate material key',
    path: 'materials.2.key',
    apply: (d) => {
      d.materials[2]!.key = d.materials[0]!.key;
    },
  },
  {
    name: 'an original paper with zero visits',
    path: 'materials.0.original',
    apply: (d) => {
      const material = d.materials[0]!;
      if (material.source === 'applicant') material.original = true;
      d.maxVisits = 0;
    },
  },
  {
    name: 'the market registry on a resident item',
    path: 'materials.3.dataset',
    apply: (d) => {
      d.materials.push({
        key: 'licence',
        name: label('营业执照', 'Licence'),
        source: 'registry',
        dataset: 'market_entity',
        fields: ['name'],
      });
    },
  },
  {
    name: 'a non-market registry on an enterprise item',
    path: 'materials.1.dataset',
    apply: (d) => {
      d.applicant = 'enterprise';
    },
  },
  {
    name: 'an unknown registry field',
    path: 'materials.1.fields',
    apply: (d) => {
      const material = d.materials[1]!;
      if (material.source === 'registry') material.fields.push('shoeSize');
    },
  },
  {
    name: 'a duplicate form key',
    path: 'form.3.key',
    apply: (d) => {
      d.form.push(structuredClone(d.form[2]!));
    },
  },
  {
    name: 'a select without options',
    path: 'form.1.options',
    apply: (d) => {
      delete d.form[1]!.options;
    },
  },
  {
    name: 'a prefill of a field not fetched',
    path: 'form.0.prefill',
    apply: (d) => {
      d.form[0]!.prefill = 'household.address';
    },
  },
  {
    name: 'a condition on an unknown fact',
    path: 'conditions.all[3].fact',
    apply: (d) => {
      if ('all' in d.conditions) d.conditions.all.push({ fact: 'form.nothing', op: 'exists', message });
    },
  },
  {
    name: 'an unknown top-level field',
    path: 'extra',
    shape: true,
    apply: (d) => {
      (d as unknown as Record<string, unknown>).extra = true;
    },
  },
  {
    name: 'a value outside its enum',
    path: 'category',
    shape: true,
    apply: (d) => {
      (d as unknown as Record<string, unknown>).category = 'tourism';
    },
  },
];

const named = (name: string) => MUTATIONS.find((mutation) => mutation.name === name)!;
const PROMISED_OVER_LEGAL = named('promised limit above the legal limit');
const UNKNOWN_TOP_LEVEL = named('an unknown top-level field');
const WRONG_ENUM = named('a value outside its enum');

const mutated = (...mutations: readonly Mutation[]) => {
  const definition = fresh();
  for (const mutation of mutations) mutation.apply(definition);
  return definition;
};
const pathsOf = (value: unknown, path?: string) =>
  definitionProblems(value, fieldCheck, path).map((problem) => problem.path);

describe('parseCatalogue', () => {
  it('parses the shipped catalogue: 130 templates, 101 alliance, unique kebab-case keys', () => {
    const templates = parseCatalogue(shipped(), fieldCheck);
    expect(templates).toHaveLength(130);
    expect(templates.filter((t) => t.alliance)).toHaveLength(101);
    const keys = templates.map((t) => t.key);
    expect(new Set(keys).size).toBe(130);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9-]{2,63}$/);
  });

  it('finds no problem in any shipped definition', () => {
    for (const { key: _key, ...definition } of parseCatalogue(shipped(), fieldCheck) as ItemTemplate[])
      expect(definitionProblems(definition, fieldCheck)).toEqual([]);
  });

  it('refuses a catalogue without an items array', () => {
    expect(() => parseCatalogue({}, fieldCheck)).toThrow('"items" must be an array');
    expect(() => parseCatalogue(null, fieldCheck)).toThrow('"items" must be an array');
    expect(() => parseCatalogue({ items: {} }, fieldCheck)).toThrow('"items" must be an array');
  });

  it('names a duplicate key and a key that is not kebab-case by their index', () => {
    const items = [
      { key: 'some-item', ...VALID },
      { key: 'some-item', ...VALID },
      { key: 'Bad_Key', ...VALID },
      { ...VALID },
    ];
    const error = (() => {
      try {
        parseCatalogue({ items }, fieldCheck);
      } catch (caught) {
        return String(caught);
      }
      return 'no error';
    })();
    expect(error).toContain('items.1.key: duplicate key "some-item"');
    expect(error).toContain('items.2.key: must be a kebab-case key');
    expect(error).toContain('items.3.key: must be a kebab-case key');
    expect(error).not.toContain('items.0.key');
  });

  it('prefixes a definition problem with the item’s index', () => {
    const broken = { key: 'broken-item', ...mutated(PROMISED_OVER_LEGAL) };
    expect(() => parseCatalogue({ items: [{ key: 'fine-item', ...VALID }, broken] }, fieldCheck)).toThrow(
      'items.1.promisedLimitDays: the promised limit cannot exceed the legal limit',
    );
  });

  it('returns the templates unchanged when all are valid', () => {
    const items = [{ key: 'fine-item', ...VALID }];
    expect(parseCatalogue({ items }, fieldCheck)).toEqual(items);
  });
});

describe('definitionProblems', () => {
  it('finds none in a valid definition', () => {
    expect(definitionProblems(fresh(), fieldCheck)).toEqual([]);
  });

  it.each(MUTATIONS.map((mutation) => [mutation.name, mutation] as const))(
    'catches %s',
    (_name, mutation) => {
      expect(definitionProblems(fresh(), fieldCheck)).toEqual([]);
      expect(pathsOf(mutated(mutation))).toContain(mutation.path);
    },
  );

  it('prefixes every path with the given path', () => {
    expect(pathsOf(mutated(PROMISED_OVER_LEGAL), 'items.7')).toEqual(['items.7.promisedLimitDays']);
    expect(pathsOf(mutated(WRONG_ENUM), 'items.7')).toEqual(['items.7.category']);
  });

  it('reports shape problems alone, without the meaning checks', () => {
    const definition = mutated(PROMISED_OVER_LEGAL, UNKNOWN_TOP_LEVEL);
    expect(pathsOf(definition)).toEqual(['extra']);
  });

  it('gives the nested path of a shape problem with dots', () => {
    const definition = fresh() as unknown as { result: { delivery: string[] } };
    definition.result.delivery = ['fax'];
    expect(pathsOf(definition)).toEqual(['result.delivery.0']);
  });

  it('reports at most 20 shape problems', () => {
    const definition = fresh() as unknown as Record<string, unknown>;
    for (let i = 0; i < 30; i++) definition[`extra${i}`] = i;
    const problems = definitionProblems(definition, fieldCheck);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThanOrEqual(20);
  });

  it('refuses what is not an object at all', () => {
    expect(pathsOf(null).length).toBeGreaterThan(0);
    expect(pathsOf('item').length).toBeGreaterThan(0);
  });

  it('accepts a promised limit equal to the legal one, and a fee with its basis', () => {
    const definition = fresh();
    definition.promisedLimitDays = definition.legalLimitDays;
    definition.feeFen = 5000;
    definition.feeBasis = '《收费标准》';
    expect(definitionProblems(definition, fieldCheck)).toEqual([]);
  });

  it('catches an alliance item without cross-province modes', () => {
    const definition = fresh();
    definition.crossProvinceModes = [];
    definition.jointDepartments = [];
    expect(definitionProblems(definition, fieldCheck)).toEqual([
      { path: 'crossProvinceModes', message: 'alliance items, and only they, have cross-province modes' },
    ]);
  });

  it('catches 多地联办 without joint departments', () => {
    const definition = fresh();
    definition.jointDepartments = [];
    expect(definitionProblems(definition, fieldCheck)).toEqual([
      { path: 'jointDepartments', message: '多地联办, and only it, names the other departments that act' },
    ]);
  });

  it('accepts a non-alliance item without modes and zero visits online', () => {
    const definition = fresh();
    definition.alliance = false;
    definition.crossProvinceModes = [];
    definition.jointDepartments = [];
    definition.maxVisits = 0;
    expect(definitionProblems(definition, fieldCheck)).toEqual([]);
  });

  it('lets an enterprise item fetch the market registry, and prefill from it', () => {
    const definition = fresh();
    definition.applicant = 'enterprise';
    definition.materials[1] = {
      key: 'licence',
      name: label('营业执照', 'Licence'),
      source: 'registry',
      dataset: 'market_entity',
      fields: ['name', 'status'],
    };
    definition.form[0]!.prefill = 'market_entity.name';
    definition.conditions = { fact: 'market_entity.status', op: '==', value: 'active', message };
    expect(definitionProblems(definition, fieldCheck)).toEqual([]);
  });

  it('names an unknown registry dataset', () => {
    const definition = fresh();
    const material = definition.materials[1]!;
    if (material.source === 'registry') material.dataset = 'horoscope';
    expect(definitionProblems(definition, fieldCheck)).toContainEqual({
      path: 'materials.1.fields',
      message: 'unknown registry dataset "horoscope"',
    });
  });

  it('does not count an unknown field as fetched for prefills and conditions', () => {
    const definition = fresh();
    const material = definition.materials[1]!;
    if (material.source === 'registry') material.fields.push('shoeSize');
    definition.form[0]!.prefill = 'household.shoeSize';
    expect(pathsOf(definition)).toEqual(['materials.1.fields', 'form.0.prefill']);
  });

  it('accepts conditions on applicant facts, fetched fields and form fields only', () => {
    const facts = [
      'applicant.age',
      'applicant.registeredCity',
      'applicant.type',
      'household.name',
      'form.phone',
    ];
    for (const fact of facts) {
      const definition = fresh();
      definition.conditions = { fact, op: 'exists', message };
      expect(definitionProblems(definition, fieldCheck)).toEqual([]);
    }
    for (const fact of ['applicant.name', 'household.address', 'form.', 'form.missing', 'purpose']) {
      const definition = fresh();
      definition.conditions = { fact, op: 'exists', message };
      expect(pathsOf(definition)).toEqual(['conditions.fact']);
    }
  });

  it('passes the rule checks through (an operator outside the list)', () => {
    const definition = fresh();
    definition.conditions = { fact: 'applicant.age', op: 'like', value: 1, message } as unknown as Condition;
    expect(pathsOf(definition)).toEqual(['conditions.op']);
  });

  it('reports every broken rule of any combination of mutations (property)', () => {
    // Dataset mutations exclude each other: keep the enterprise one when both are drawn.
    const compatible = (drawn: Mutation[]) =>
      drawn.some((m) => m.path === 'materials.1.dataset')
        ? drawn.filter((m) => m.path !== 'materials.3.dataset')
        : drawn;
    fc.assert(
      fc.property(fc.subarray([...MUTATIONS]).map(compatible), (applied) => {
        const paths = pathsOf(mutated(...applied));
        if (applied.length === 0) {
          expect(paths).toEqual([]);
          return;
        }
        expect(paths.length).toBeGreaterThanOrEqual(1);
        const shape = applied.filter((m) => m.shape);
        // With a shape error, only shape errors are reported; otherwise every broken rule is.
        const expected = shape.length > 0 ? shape : applied;
        expect(paths.length).toBeGreaterThanOrEqual(expected.length);
        for (const mutation of expected) expect(paths).toContain(mutation.path);
        if (shape.length > 0) expect(new Set(paths)).toEqual(new Set(shape.map((m) => m.path)));
      }),
      { numRuns: 300 },
    );
  });

  it('catches a promised limit above the legal one on every shipped template (property)', () => {
    const templates = (parseCatalogue(shipped(), fieldCheck) as ItemTemplate[]).filter(
      (t) => t.legalLimitDays < 60,
    );
    fc.assert(
      fc.property(fc.constantFrom(...templates), fc.integer({ min: 1, max: 60 }), (template, over) => {
        const { key: _key, ...definition } = structuredClone(template);
        definition.promisedLimitDays = Math.min(60, definition.legalLimitDays + over);
        expect(pathsOf(definition)).toContain('promisedLimitDays');
      }),
    );
  });
});
