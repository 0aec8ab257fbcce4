import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonthsToDate, fromDayNumber, isIsoDate, toDayNumber } from '../../kernel/calendar';
import { makeResidentId } from '../../kernel/identity';
import { checkRecordInput, type RecordInput, type RecordRejection } from './record-input';
import { recordTypes } from './record-types';
import { typeMap } from './score';

const types = recordTypes();
const catalogue = typeMap(types);
const TODAY = '2026-12-04';
const resident = makeResidentId('330822', '1985-06-15', 123);
/** A valid ID whose check character is X, for the lower-case x case. */
const residentWithX = Array.from({ length: 1000 }, (_, n) => makeResidentId('330802', '1990-01-01', n)).find(
  (id) => id.endsWith('X'),
)!;

const input = (overrides: Partial<RecordInput> = {}): RecordInput => ({
  recordId: 'court-2026-0001',
  residentId: resident,
  type: 'court_enforcement',
  occurredOn: '2026-11-01',
  ...overrides,
});
const check = (overrides: Partial<RecordInput> = {}, department: string | null = 'court', today = TODAY) =>
  checkRecordInput(input(overrides), catalogue, department, today);
const rejection = (overrides: Partial<RecordInput> = {}, department: string | null = 'court') => {
  const result = check(overrides, department);
  return result.ok ? null : result.rejection;
};

describe('checkRecordInput: the happy path normalises', () => {
  it('upper-cases a trailing x, defaults quantity to 1 and validity to the type’s months after the fact', () => {
    expect(residentWithX).toMatch(/^\d{17}X$/);
    const result = check({ residentId: residentWithX.toLowerCase(), evidenceRef: '  (2026)浙0822执123号 ' });
    expect(result).toEqual({
      ok: true,
      record: {
        recordId: 'court-2026-0001',
        residentId: residentWithX,
        type: catalogue.get('court_enforcement'),
        occurredOn: '2026-11-01',
        quantity: 1,
        validUntil: '2029-11-01',
        evidenceRef: '(2026)浙0822执123号',
      },
    });
  });

  it('clamps the default validity to the month’s end and keeps an explicit shorter one', () => {
    const arrears = { type: 'utility_arrears', recordId: 'u1' };
    const leap = check({ ...arrears, occurredOn: '2024-02-29' }, 'development_reform', '2024-03-01');
    expect(leap.ok && leap.record.validUntil).toBe('2025-02-28');
    const shorter = check({ ...arrears, validUntil: '2027-05-01', quantity: 3 }, 'development_reform');
    expect(shorter.ok && [shorter.record.validUntil, shorter.record.quantity]).toEqual(['2027-05-01', 3]);
  });

  it('stores a blank evidence reference as null', () => {
    for (const evidenceRef of [undefined, null, '', '   ']) {
      const result = check({ evidenceRef });
      expect(result.ok && result.record.evidenceRef).toBeNull();
    }
  });

  it('accepts a fact dated today and the longest validity exactly', () => {
    expect(check({ occurredOn: TODAY, validUntil: addMonthsToDate(TODAY, 36) }).ok).toBe(true);
  });
});

describe('checkRecordInput: every rejection', () => {
  it.each<[string, Partial<RecordInput>, string | null, RecordRejection]>([
    ['an empty record id', { recordId: '' }, 'court', { code: 'bad_record_id' }],
    ['a record id with a space', { recordId: 'court 1' }, 'court', { code: 'bad_record_id' }],
    ['a record id starting with a dash', { recordId: '-1' }, 'court', { code: 'bad_record_id' }],
    ['a 65-character record id', { recordId: 'a'.repeat(65) }, 'court', { code: 'bad_record_id' }],
    [
      'a short resident ID',
      { residentId: resident.slice(0, 17) },
      'court',
      { code: 'bad_resident_id', reason: { code: 'length', expected: 18, found: 17 } },
    ],
    [
      'a wrong check character',
      { residentId: `${resident.slice(0, 17)}${resident.endsWith('0') ? '1' : '0'}` },
      'court',
      { code: 'bad_resident_id', reason: expect.objectContaining({ code: 'check_digit' }) },
    ],
    ['an unknown type', { type: 'lottery_win' }, 'court', { code: 'unknown_type', type: 'lottery_win' }],
    [
      'another department’s type',
      { type: 'tax_arrears' },
      'court',
      { code: 'not_your_type', type: 'tax_arrears', department: 'tax' },
    ],
    [
      'a submitter with no department',
      {},
      null,
      { code: 'not_your_type', type: 'court_enforcement', department: 'court' },
    ],
    [
      'an impossible fact date',
      { occurredOn: '2026-02-30' },
      'court',
      { code: 'bad_date', field: 'occurredOn', value: '2026-02-30' },
    ],
    [
      'a fact in the future',
      { occurredOn: '2026-12-05' },
      'court',
      { code: 'in_future', occurredOn: '2026-12-05', today: TODAY },
    ],
    ['zero units', { quantity: 0 }, 'court', { code: 'bad_quantity', max: 1, unit: 'case', whole: true }],
    [
      'negative units',
      { quantity: -1 },
      'court',
      { code: 'bad_quantity', max: 1, unit: 'case', whole: true },
    ],
    [
      'units above the maximum',
      { quantity: 2 },
      'court',
      { code: 'bad_quantity', max: 1, unit: 'case', whole: true },
    ],
    [
      'NaN units',
      { quantity: Number.NaN },
      'court',
      { code: 'bad_quantity', max: 1, unit: 'case', whole: true },
    ],
    [
      'half a blood donation',
      { type: 'blood_donation', quantity: 0.5 },
      'health',
      { code: 'bad_quantity', max: 4, unit: 'donation', whole: true },
    ],
    [
      'a fact before the resident was born',
      { occurredOn: '1985-06-14' },
      'court',
      { code: 'before_birth', birthDate: '1985-06-15' },
    ],
    [
      'an impossible expiry',
      { validUntil: '2027-13-01' },
      'court',
      { code: 'bad_date', field: 'validUntil', value: '2027-13-01' },
    ],
    [
      'an expiry on the day of the fact',
      { validUntil: '2026-11-01' },
      'court',
      { code: 'validity_before_fact' },
    ],
    ['an expiry before the fact', { validUntil: '2026-10-01' }, 'court', { code: 'validity_before_fact' }],
    [
      'an expiry past the type’s validity',
      { validUntil: '2029-11-02' },
      'court',
      { code: 'validity_too_long', latest: '2029-11-01' },
    ],
    [
      'an expiry already reached',
      { occurredOn: '2026-11-01', validUntil: TODAY },
      'court',
      { code: 'already_expired', validUntil: TODAY },
    ],
    [
      'an old fact whose default validity has run out',
      { occurredOn: '2023-01-15' },
      'court',
      { code: 'already_expired', validUntil: '2026-01-15' },
    ],
  ])('refuses %s', (_, overrides, department, expected) => {
    expect(rejection(overrides, department)).toEqual(expected);
  });

  it('refuses a resident born after today', () => {
    const unborn = makeResidentId('330822', '2027-01-01', 1);
    expect(rejection({ residentId: unborn })).toMatchObject({
      code: 'bad_resident_id',
      reason: { code: 'birth_date', problem: 'in_future' },
    });
  });
});

describe('checkRecordInput properties', () => {
  const inputArb = fc.record({
    type: fc.constantFrom(...types.map((t) => t.code)),
    quantity: fc.option(fc.oneof(fc.integer({ min: -5, max: 1200 }), fc.double({ noNaN: false })), {
      nil: undefined,
    }),
    occurredDay: fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2027-12-31') }),
    validityDays: fc.option(fc.integer({ min: -400, max: 4000 }), { nil: undefined }),
  });
  const pureCodes = [
    'bad_record_id',
    'bad_resident_id',
    'unknown_type',
    'not_your_type',
    'bad_date',
    'in_future',
    'bad_quantity',
    'before_birth',
    'validity_too_long',
    'validity_before_fact',
    'already_expired',
  ];

  it('accepts only records that count today, within their type’s limits; refuses with a code of its own', () => {
    fc.assert(
      fc.property(inputArb, ({ type, quantity, occurredDay, validityDays }) => {
        const occurredOn = fromDayNumber(occurredDay);
        const validUntil = validityDays === undefined ? undefined : addDays(occurredOn, validityDays);
        const department = catalogue.get(type)!.department;
        const result = check({ type, quantity, occurredOn, validUntil, recordId: 'p-1' }, department);
        if (!result.ok) {
          // The service's own checks (resident, jurisdiction, duplicates) never come from the pure check.
          expect(pureCodes).toContain(result.rejection.code);
          return;
        }
        const { record } = result;
        expect(record.quantity).toBeGreaterThan(0);
        expect(record.quantity).toBeLessThanOrEqual(record.type.maxQuantity);
        expect(isIsoDate(record.validUntil)).toBe(true);
        expect(record.occurredOn <= TODAY).toBe(true);
        expect(record.validUntil > TODAY && record.validUntil > record.occurredOn).toBe(true);
        expect(record.validUntil <= addMonthsToDate(occurredOn, record.type.validityMonths)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('units', () => {
  it('takes half hours of volunteering but only whole months, cases and donations', () => {
    const hours = checkRecordInput(
      input({ type: 'volunteer_service', quantity: 2.5 }),
      catalogue,
      'civilization',
      TODAY,
    );
    expect(hours).toMatchObject({ ok: true, record: { quantity: 2.5 } });
    const months = checkRecordInput(
      input({ type: 'utility_on_time', quantity: 2.5 }),
      catalogue,
      'development_reform',
      TODAY,
    );
    expect(months).toMatchObject({ ok: false, rejection: { code: 'bad_quantity', whole: true } });
  });
});
