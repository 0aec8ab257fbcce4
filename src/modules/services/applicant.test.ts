import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../kernel/calendar';
import { makeResidentId, makeUscc } from '../../kernel/identity';
import { applicantFacts } from './applicant';

const CHANGSHAN_ID = makeResidentId('330822', '1990-06-15', 123);
const USCC = makeUscc({ department: '9', type: '1', divisionCode: '330822', organisationBody: 'MA2A0B1C' });

/** Completed years, computed independently of the module: a year more once the birthday is reached. */
const referenceAge = (birthDate: string, today: string) => {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
};

describe('applicantFacts: residents', () => {
  it('reads the registered city and the age from the ID', () => {
    expect(applicantFacts('resident', CHANGSHAN_ID, '2026-06-01')).toEqual({
      type: 'resident',
      age: 35,
      registeredCity: '330800',
    });
  });

  it('adds a year on the birthday, not the day before', () => {
    const ageOn = (today: string) => applicantFacts('resident', CHANGSHAN_ID, today)?.age;
    expect(ageOn('2026-06-14')).toBe(35);
    expect(ageOn('2026-06-15')).toBe(36);
    expect(ageOn('2026-06-16')).toBe(36);
    expect(ageOn('2026-12-31')).toBe(36);
    expect(ageOn('2027-01-01')).toBe(36);
  });

  it('makes someone born on 29 February a year older on 1 March in a common year', () => {
    const leapling = makeResidentId('330802', '2008-02-29', 456);
    const ageOn = (today: string) => applicantFacts('resident', leapling, today)?.age;
    expect(ageOn('2026-02-28')).toBe(17);
    expect(ageOn('2026-03-01')).toBe(18);
    expect(ageOn('2024-02-29')).toBe(16);
  });

  it('is 0 on the day of birth', () => {
    expect(applicantFacts('resident', makeResidentId('330881', '2025-03-10', 1), '2025-03-10')?.age).toBe(0);
  });

  it('rounds the division to its city, in and outside Quzhou', () => {
    const cities = ['330822', '330800', '361102', '341021', '110105'].map(
      (division) =>
        applicantFacts('resident', makeResidentId(division, '1980-01-01', 10), '2026-06-01')?.registeredCity,
    );
    expect(cities).toEqual(['330800', '330800', '361100', '341000', '110100']);
  });

  it('accepts a lowercase x as check character', () => {
    let id = '';
    for (let sequence = 0; !id.endsWith('X'); sequence++)
      id = makeResidentId('330822', '1985-05-05', sequence);
    expect(applicantFacts('resident', id.toLowerCase(), '2026-06-01')).toEqual(
      applicantFacts('resident', id, '2026-06-01'),
    );
    expect(applicantFacts('resident', id, '2026-06-01')?.age).toBe(41);
  });

  it('is null for an ID that does not parse', () => {
    const wrongCheck = `${CHANGSHAN_ID.slice(0, 17)}${CHANGSHAN_ID[17] === '0' ? '1' : '0'}`;
    for (const id of ['', CHANGSHAN_ID.slice(0, 17), wrongCheck, USCC, '990822199006151238'])
      expect(applicantFacts('resident', id, '2026-06-01')).toBeNull();
  });

  it('refuses a birth date after the day of the check', () => {
    const born = makeResidentId('330822', '2026-06-10', 7);
    expect(applicantFacts('resident', born, '2026-06-01')).toBeNull();
  });

  it('gives the completed years on any day after birth (property)', () => {
    const birth = fc.integer({ min: 0, max: 36_000 }).map((offset) => addDays('1925-01-01', offset));
    fc.assert(
      fc.property(
        birth,
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: 0, max: 999 }),
        (birthDate, later, sequence) => {
          const today = addDays(birthDate, later);
          const facts = applicantFacts('resident', makeResidentId('330825', birthDate, sequence), today);
          expect(facts).toEqual({
            type: 'resident',
            age: referenceAge(birthDate, today),
            registeredCity: '330800',
          });
        },
      ),
    );
  });
});

describe('applicantFacts: enterprises', () => {
  it('reads the registering city from the USCC, with no age', () => {
    expect(applicantFacts('enterprise', USCC, '2026-06-01')).toEqual({
      type: 'enterprise',
      age: null,
      registeredCity: '330800',
    });
  });

  it('rounds the USCC’s division to its city, and accepts lowercase', () => {
    const shangrao = makeUscc({
      department: '9',
      type: '1',
      divisionCode: '361102',
      organisationBody: 'MA3B4C5D',
    });
    expect(applicantFacts('enterprise', shangrao, '2026-06-01')?.registeredCity).toBe('361100');
    expect(applicantFacts('enterprise', USCC.toLowerCase(), '2026-06-01')?.registeredCity).toBe('330800');
  });

  it('is null for a USCC that does not parse', () => {
    const wrongCheck = `${USCC.slice(0, 17)}${USCC[17] === '0' ? '1' : '0'}`;
    for (const id of ['', USCC.slice(1), wrongCheck, 'ZZ330822MA2A0B1C2X'])
      expect(applicantFacts('enterprise', id, '2026-06-01')).toBeNull();
  });

  it('reads the division of a USCC given with surrounding spaces', () => {
    expect(applicantFacts('enterprise', ` ${USCC} `, '2026-06-01')?.registeredCity).toBe('330800');
  });

  it('reads any valid USCC’s city from characters 3-8 (property)', () => {
    const division = fc.constantFrom('330800', '330822', '330881', '361102', '341021', '350783');
    const body = fc
      .array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), { minLength: 8, maxLength: 8 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(division, body, (divisionCode, organisationBody) => {
        const uscc = makeUscc({ department: '9', type: '1', divisionCode, organisationBody });
        expect(applicantFacts('enterprise', uscc, '2026-06-01')).toEqual({
          type: 'enterprise',
          age: null,
          registeredCity: `${divisionCode.slice(0, 4)}00`,
        });
      }),
    );
  });
});
