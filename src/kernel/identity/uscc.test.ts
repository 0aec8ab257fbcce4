import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeUscc, organisationCodeCheckChar, parseUscc, USCC_ALPHABET, usccCheckChar } from './uscc';
import { REGISTRATION_TYPES } from './uscc-registration-types';

const registrationPairs = Object.entries(REGISTRATION_TYPES).flatMap(([department, { types }]) =>
  Object.keys(types).map((type) => ({ department, type })),
);
const usccChar = fc.constantFrom(...USCC_ALPHABET);
const parts = fc.record({
  registration: fc.constantFrom(...registrationPairs),
  divisionCode: fc.stringMatching(/^\d{6}$/),
  organisationBody: fc.array(usccChar, { minLength: 8, maxLength: 8 }).map((chars) => chars.join('')),
});
const validUscc = parts.map(({ registration, divisionCode, organisationBody }) =>
  makeUscc({ ...registration, divisionCode, organisationBody }),
);

describe('parseUscc', () => {
  // Examples printed in public validators' documentation; each check char was computed here, not assumed.
  it.each(['91110000600037341L', '91230184MA1BUFLT44', '92371000MA3MXH0E3W', '92500105MAC817EJ5D'])(
    'accepts %s',
    (code) => {
      expect(parseUscc(code).ok).toBe(true);
    },
  );

  it('returns the parts of a valid code', () => {
    expect(parseUscc(' 91110000600037341l ')).toEqual({
      ok: true,
      value: {
        code: '91110000600037341L',
        registrationDepartment: '9',
        organisationType: '1',
        registrationTypeName: '工商 / 企业',
        divisionCode: '110000',
        organisationCode: '600037341',
      },
    });
  });

  it('rejects 91330800MA28F3X1XA: its organisation-code check char should be 6', () => {
    expect(organisationCodeCheckChar('MA28F3X1')).toBe('6');
    expect(parseUscc('91330800MA28F3X1XA')).toEqual({
      ok: false,
      reason: { code: 'organisation_code', organisationCode: 'MA28F3X1X', expected: '6', found: 'X' },
    });
  });

  it.each([
    ['91110000600037341', { code: 'length', expected: 18, found: 17 }],
    ['9111000060003734IL', { code: 'characters', position: 17, found: 'I', allowed: 'uscc_alphabet' }],
    [
      '94110000600037341L',
      { code: 'registration_type', department: '9', type: '4', allowedTypes: ['1', '2', '3'] },
    ],
    ['B1110000600037341L', { code: 'registration_type', department: 'B', type: '1', allowedTypes: [] }],
    ['9111A000600037341L', { code: 'division', divisionCode: '11A000' }],
    [
      '91110000600037342L',
      { code: 'organisation_code', organisationCode: '600037342', expected: '1', found: '2' },
    ],
    ['91110000600037341M', { code: 'check_char', expected: 'L', found: 'M' }],
  ])('rejects %s', (code, reason) => {
    expect(parseUscc(code)).toEqual({ ok: false, reason });
  });
});

describe('makeUscc', () => {
  it('builds the published example from its parts', () => {
    const code = makeUscc({
      department: '9',
      type: '1',
      divisionCode: '110000',
      organisationBody: '60003734',
    });
    expect(code).toBe('91110000600037341L');
    expect(usccCheckChar(code.slice(0, 17))).toBe('L');
  });

  it('rejects impossible parts', () => {
    const base = { department: '9', type: '1', divisionCode: '330800', organisationBody: 'MA2A0B1C' };
    expect(() => makeUscc({ ...base, type: '9' })).toThrow(RangeError);
    expect(() => makeUscc({ ...base, divisionCode: '3308' })).toThrow(RangeError);
    expect(() => makeUscc({ ...base, organisationBody: 'MA2A0B1I' })).toThrow(RangeError);
    expect(() => makeUscc({ ...base, organisationBody: 'MA2A0B1' })).toThrow(RangeError);
  });

  it('makes codes that parse', () => {
    fc.assert(
      fc.property(validUscc, (code) => {
        expect(parseUscc(code).ok).toBe(true);
      }),
    );
  });
});

describe('check character (MOD 31)', () => {
  it('makes every single-character substitution invalid', () => {
    fc.assert(
      fc.property(validUscc, (code) => {
        for (let position = 0; position < 18; position++) {
          for (const replacement of USCC_ALPHABET) {
            if (replacement === code[position]) continue;
            const changed = code.slice(0, position) + replacement + code.slice(position + 1);
            expect(parseUscc(changed).ok, changed).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
