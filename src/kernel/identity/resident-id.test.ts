import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeResidentId, parseResidentId, residentIdCheckChar } from './resident-id';

const today = '2026-11-29';
const PROVINCES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46];
const PROVINCES_REST = [50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83];

const divisionCode = fc
  .tuple(fc.constantFrom(...PROVINCES, ...PROVINCES_REST), fc.integer({ min: 0, max: 9999 }))
  .map(([province, rest]) => `${province}${String(rest).padStart(4, '0')}`);
const birthDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${today}T00:00:00Z`), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const sequence = fc.integer({ min: 0, max: 999 });
const validId = fc.tuple(divisionCode, birthDate, sequence).map(([d, b, s]) => makeResidentId(d, b, s));

describe('parseResidentId', () => {
  it('accepts the GB 11643-1999 example 11010519491231002X', () => {
    expect(parseResidentId('11010519491231002X', { today })).toEqual({
      ok: true,
      value: {
        id: '11010519491231002X',
        divisionCode: '110105',
        birthDate: '1949-12-31',
        sex: 'female',
        sequence: 2,
      },
    });
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('normalises a trailing lowercase x and trims spaces', () => {
    const result = parseResidentId(' 11010519491231002x ', { today });
    expect(result.ok && result.value.id).toBe('11010519491231002X');
  });

  it("verifies the standard's second example's check digit but rejects its 1880 birth date", () => {
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
    expect(parseResidentId('440524188001010014', { today })).toEqual({
      ok: false,
      reason: { code: 'birth_date', birthDate: '1880-01-01', problem: 'before_1900' },
    });
  });

  it.each([
    ['1101051949123100', { code: 'length', expected: 18, found: 16 }],
    ['11010519491231002Y', { code: 'characters', position: 18, found: 'Y', allowed: 'digit_or_x' }],
    ['1101051949123X002X', { code: 'characters', position: 14, found: 'X', allowed: 'digit' }],
    ['991234199001011234', { code: 'division', divisionCode: '991234', provincePrefix: '99' }],
    ['330802190002290000', { code: 'birth_date', birthDate: '1900-02-29', problem: 'not_a_date' }],
    ['330802199013010000', { code: 'birth_date', birthDate: '1990-13-01', problem: 'not_a_date' }],
    ['330802202612010000', { code: 'birth_date', birthDate: '2026-12-01', problem: 'in_future' }],
    ['110105194912310025', { code: 'check_digit', expected: 'X', found: '5' }],
  ])('rejects %s', (id, reason) => {
    expect(parseResidentId(id, { today })).toEqual({ ok: false, reason });
  });

  it('accepts 29 February in a leap year and a birth today', () => {
    expect(parseResidentId(makeResidentId('330802', '2000-02-29', 1), { today }).ok).toBe(true);
    expect(parseResidentId(makeResidentId('330802', today, 1), { today }).ok).toBe(true);
  });

  it('reads the sex from the parity of the sequence', () => {
    const male = parseResidentId(makeResidentId('330802', '1990-01-01', 123), { today });
    const female = parseResidentId(makeResidentId('330802', '1990-01-01', 124), { today });
    expect(male.ok && male.value.sex).toBe('male');
    expect(female.ok && female.value.sex).toBe('female');
  });
});

describe('makeResidentId', () => {
  it('rejects malformed parts', () => {
    expect(() => makeResidentId('33080', '1990-01-01', 1)).toThrow(RangeError);
    expect(() => makeResidentId('330802', '19900101', 1)).toThrow(RangeError);
    expect(() => makeResidentId('330802', '1990-01-01', 1000)).toThrow(RangeError);
    expect(() => makeResidentId('33080a', '1990-01-01', 1)).toThrow(RangeError);
  });

  it('makes IDs that parse back to their parts', () => {
    fc.assert(
      fc.property(divisionCode, birthDate, sequence, (division, birth, seq) => {
        const result = parseResidentId(makeResidentId(division, birth, seq), { today });
        expect(
          result.ok && [result.value.divisionCode, result.value.birthDate, result.value.sequence],
        ).toEqual([division, birth, seq]);
      }),
    );
  });
});

describe('check digit (ISO 7064 MOD 11-2)', () => {
  it('makes every single-character substitution invalid', () => {
    fc.assert(
      fc.property(validId, (id) => {
        for (let position = 0; position < 18; position++) {
          const alphabet = position === 17 ? '0123456789X' : '0123456789';
          for (const replacement of alphabet) {
            if (replacement === id[position]) continue;
            const changed = id.slice(0, position) + replacement + id.slice(position + 1);
            expect(parseResidentId(changed, { today }).ok, changed).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
