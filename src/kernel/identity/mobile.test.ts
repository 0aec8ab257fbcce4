import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMobile } from './mobile';

const mobileNumber = fc
  .tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/))
  .map(([second, rest]) => `1${second}${rest}`);

describe('parseMobile', () => {
  it.each(['13812345678', '+86 138 1234 5678', '86-138-1234-5678', '008613812345678', '(+86) 138-1234-5678'])(
    'accepts %s as 13812345678',
    (value) => {
      expect(parseMobile(value)).toEqual({ ok: true, value: { number: '13812345678' } });
    },
  );

  it.each([
    ['1381234567', { code: 'length', expected: 11, found: 10 }],
    ['138123456789', { code: 'length', expected: 11, found: 12 }],
    ['1381234567a', { code: 'characters', position: 11, found: 'a', allowed: 'digit' }],
    ['+85213812345678', { code: 'characters', position: 1, found: '+', allowed: 'digit' }],
    ['12812345678', { code: 'prefix', found: '12' }],
    ['23812345678', { code: 'prefix', found: '23' }],
  ])('rejects %s', (value, reason) => {
    expect(parseMobile(value)).toEqual({ ok: false, reason });
  });

  it('accepts every 1[3-9] number however it is written', () => {
    const written = fc.tuple(
      mobileNumber,
      fc.constantFrom('', '+86', '86', '0086', '+86 '),
      fc.constantFrom('', ' ', '-'),
    );
    fc.assert(
      fc.property(written, ([number, prefix, separator]) => {
        const value = `${prefix}${number.slice(0, 3)}${separator}${number.slice(3, 7)}${separator}${number.slice(7)}`;
        expect(parseMobile(value)).toEqual({ ok: true, value: { number } });
      }),
    );
  });
});
