import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountNumber, DOMAINS, SUBJECT_TYPES } from './accounts';

describe('accountNumber', () => {
  it('is stable, prefixed by domain, and hides the subject id', () => {
    const id = '330822199001011237';
    const no = accountNumber('resident', id, 'household_life');
    expect(no).toMatch(/^HL-[0-9A-F]{16}$/);
    expect(accountNumber('resident', id.toLowerCase(), 'household_life')).toBe(no);
    expect(no).not.toContain('1990');
  });

  it('differs across subjects, subject types and domains', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SUBJECT_TYPES),
        fc.constantFrom(...DOMAINS),
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        (type, domain, a, b) => {
          fc.pre(a.toUpperCase() !== b.toUpperCase());
          expect(accountNumber(type, a, domain)).not.toBe(accountNumber(type, b, domain));
        },
      ),
    );
    expect(accountNumber('resident', 'x', 'industry')).not.toBe(accountNumber('enterprise', 'x', 'industry'));
  });
});
