import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, parseAmount } from './cells';

describe('cells', () => {
  it.each([
    [12, 12],
    ['12', 12],
    [' 7.5 ', 7.5],
    ['1e3', 1000],
    ['1,234.5', 1234.5],
    ['-3', -3],
    ['.5', 0.5],
    ['12 t', null],
    ['1,23', null],
    ['', null],
    [null, null],
    ['NaN', null],
    ['Infinity', null],
    [Number.POSITIVE_INFINITY, null],
  ] as const)('parseAmount(%j) = %j', (cell, expected) => {
    expect(parseAmount(cell)).toBe(expected);
  });

  it('reads back any finite number written plainly or with thousands separators', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (x) => {
        // String(-0) is "0": the text form cannot carry the sign of zero, and an amount of −0 is 0.
        expect(parseAmount(String(x))).toBe(Object.is(x, -0) ? 0 : x);
        expect(parseAmount(x)).toBe(x);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 10 ** 12 }), (n) => {
        expect(parseAmount(n.toLocaleString('en-US'))).toBe(n);
      }),
    );
  });

  it('gives text cells trimmed, numbers as written and empty cells as ""', () => {
    expect([cellText(' A '), cellText(2026.03), cellText(null)]).toEqual(['A', '2026.03', '']);
  });
});
