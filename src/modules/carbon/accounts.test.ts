import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_NUMBER_PATTERN, accountNumber, accountNumberPrefix, DOMAINS } from './accounts';

describe('accountNumber', () => {
  it('is domain, county and a zero-padded sequence', () => {
    expect(accountNumber('household_life', '330822', 123)).toBe('HL-330822-0000123');
    expect(accountNumber('industry', '330802', 1)).toBe('IN-330802-0000001');
    expect(accountNumber('agriculture', '330881', 9_999_999)).toMatch(new RegExp(ACCOUNT_NUMBER_PATTERN));
  });

  it('refuses sequences and counties it cannot format', () => {
    expect(() => accountNumber('household_life', '330822', 0)).toThrow(/sequence/);
    expect(() => accountNumber('household_life', '330822', 10_000_000)).toThrow(/sequence/);
    expect(() => accountNumber('household_life', '3308', 1)).toThrow(/county/);
  });

  it('sorts in sequence order within a county and domain, under its prefix', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOMAINS), fc.integer({ min: 1, max: 9_999_998 }), (domain, n) => {
        const a = accountNumber(domain, '330803', n);
        const b = accountNumber(domain, '330803', n + 1);
        expect(a < b).toBe(true);
        expect(a.startsWith(accountNumberPrefix(domain, '330803'))).toBe(true);
      }),
    );
  });
});
