import { describe, expect, it } from 'vitest';
import { OFFICER_DEPARTMENTS } from '../../seed/demo-logins';
import {
  DIMENSIONS,
  parseRecordTypes,
  type RecordType,
  recordType,
  recordTypes,
  sourceDepartments,
} from './record-types';
import { shippedModels } from './score-model';

const types = recordTypes();
const valid: RecordType = {
  code: 'blood_donation',
  zh: '无偿献血',
  en: 'Voluntary blood donation',
  department: 'health',
  polarity: 'positive',
  dimension: 'prosocial',
  unit: { zh: '次', en: 'donation' },
  validityMonths: 36,
  maxQuantity: 4,
  repairable: false,
  suggestedStep: 1,
  fractional: false,
};
const parseWith = (change: Record<string, unknown>) => () =>
  parseRecordTypes({ types: [{ ...valid, ...change }] });

describe('parseRecordTypes', () => {
  it('reads a well-formed entry, defaulting repairable and fractional to false', () => {
    const { repairable: _, fractional: __, ...withoutFlags } = valid;
    expect(parseRecordTypes({ types: [withoutFlags] })).toEqual([valid]);
  });

  it('takes only a real true as a flag (a quoted "true" is false)', () => {
    expect(parseRecordTypes({ types: [{ ...valid, repairable: 'true' }] })[0]?.repairable).toBe(false);
    expect(parseRecordTypes({ types: [{ ...valid, repairable: true }] })[0]?.repairable).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a code in camelCase', { code: 'bloodDonation' }, 'code must be snake_case'],
    ['a code starting with a digit', { code: '1st' }, 'code must be snake_case'],
    ['no code', { code: undefined }, 'code must be snake_case'],
    ['an unknown polarity', { polarity: 'neutral' }, 'polarity must be positive or negative'],
    ['an unknown dimension', { dimension: 'karma' }, 'unknown dimension karma'],
    ['a validity of 0 months', { validityMonths: 0 }, 'validityMonths must be 1-120'],
    ['a validity above 120 months', { validityMonths: 121 }, 'validityMonths must be 1-120'],
    ['a fractional validity', { validityMonths: 1.5 }, 'validityMonths must be 1-120'],
    ['a zero maximum', { maxQuantity: 0 }, 'maxQuantity must be positive'],
    ['a negative maximum', { maxQuantity: -1 }, 'maxQuantity must be positive'],
    ['a maximum that is not a number', { maxQuantity: 'many' }, 'maxQuantity must be positive'],
    ['a maximum that is a numeric string', { maxQuantity: '4' }, 'maxQuantity must be positive'],
    ['an infinite maximum', { maxQuantity: Number.POSITIVE_INFINITY }, 'maxQuantity must be positive'],
    ['no Chinese name', { zh: '' }, 'zh, en, department and unit are required'],
    ['no English name', { en: undefined }, 'zh, en, department and unit are required'],
    ['no department', { department: '' }, 'zh, en, department and unit are required'],
    ['no unit', { unit: undefined }, 'zh, en, department and unit are required'],
    ['a unit without English', { unit: { zh: '次' } }, 'zh, en, department and unit are required'],
    [
      'a step above the maximum',
      { suggestedStep: 5 },
      'suggestedStep must be an integer from 0 to maxQuantity',
    ],
    ['a negative step', { suggestedStep: -1 }, 'suggestedStep must be an integer from 0 to maxQuantity'],
    ['a fractional step', { suggestedStep: 0.5 }, 'suggestedStep must be an integer from 0 to maxQuantity'],
  ])('rejects %s, naming the entry', (_, change, message) => {
    expect(parseWith(change)).toThrow(`record-types.json types[0]: ${message}`);
  });

  it('rejects a repeated code, naming the second entry', () => {
    expect(() => parseRecordTypes({ types: [valid, { ...valid }] })).toThrow(
      'record-types.json types[1]: duplicate code blood_donation',
    );
  });

  it('rejects an entry that is not an object', () => {
    expect(() => parseRecordTypes({ types: [null] })).toThrow();
  });

  it('rejects a file without a types array', () => {
    for (const json of [{}, { types: {} }, { types: 'blood_donation' }])
      expect(() => parseRecordTypes(json)).toThrow('"types" must be an array');
  });
});

describe('the shipped catalogue', () => {
  it('parses, with unique codes, one type per dimension at least', () => {
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types.map((t) => t.code)).size).toBe(types.length);
    for (const dimension of DIMENSIONS)
      expect(
        types.some((t) => t.dimension === dimension),
        dimension,
      ).toBe(true);
    expect(recordType('court_enforcement')).toMatchObject({ polarity: 'negative', repairable: true });
    expect(recordType('lottery_win')).toBeUndefined();
  });

  it('names only departments that have officer logins', () => {
    const departments = new Set(OFFICER_DEPARTMENTS.map((d) => d.code));
    for (const type of types) expect(departments.has(type.department), type.code).toBe(true);
    expect(sourceDepartments()).toEqual([...new Set(types.map((t) => t.department))]);
  });

  it('makes only negative records repairable and suggests only positive steps', () => {
    for (const type of types) {
      if (type.repairable) expect(type.polarity, type.code).toBe('negative');
      if (type.polarity === 'negative') expect(type.suggestedStep, type.code).toBe(0);
    }
  });

  it('keeps a dishonest-debtor listing at most 3 years (SPC provisions, art. 6)', () => {
    expect(recordType('court_enforcement')!.validityMonths).toBeLessThanOrEqual(36);
  });

  it('is priced by every shipped model', () => {
    for (const model of shippedModels())
      for (const type of types) expect(model.types[type.code], `${model.version} ${type.code}`).toBeDefined();
  });
});
