import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskMobile, maskName, maskResidentId, maskUscc, redactPersonalData } from './masking';

/** Characters of `masked` that are not '*', with their positions. */
const revealed = (masked: string): Array<[number, string]> =>
  [...masked].flatMap((char, index): Array<[number, string]> => (char === '*' ? [] : [[index, char]]));

const mobileNumber = fc
  .tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/))
  .map(([second, rest]) => `1${second}${rest}`);
const residentIdLike = fc
  .tuple(fc.stringMatching(/^\d{17}$/), fc.constantFrom(...'0123456789Xx'))
  .map(([first, last]) => first + last);

describe('masks', () => {
  it('masks the documented examples', () => {
    expect(maskResidentId('330802199001011234')).toBe('330802********1234');
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('+86 138-1234-5678')).toBe('138****5678');
    expect(maskUscc('91110000600037341L')).toBe('91110000********1L');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳')).toBe('欧*');
    expect(maskName('张')).toBe('*');
    expect(maskName('𠀀三')).toBe('𠀀*');
  });

  it('resident ID: reveals at most the first 6 and last 4, and nothing of other shapes', () => {
    fc.assert(
      fc.property(fc.oneof(residentIdLike, fc.string()), (value) => {
        const masked = maskResidentId(value);
        expect(masked).toHaveLength(value.length);
        const allowed = value.length === 18 ? [0, 1, 2, 3, 4, 5, 14, 15, 16, 17] : [];
        for (const [index, char] of revealed(masked)) {
          expect(allowed).toContain(index);
          expect(char).toBe(value[index]);
        }
      }),
    );
  });

  it('USCC: reveals at most the first 8 and last 2', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 16, maxLength: 20 }), (value) => {
        const allowed = value.length === 18 ? [0, 1, 2, 3, 4, 5, 6, 7, 16, 17] : [];
        for (const [index] of revealed(maskUscc(value))) expect(allowed).toContain(index);
      }),
    );
  });

  it('mobile: reveals at most the first 3 and last 4 digits', () => {
    fc.assert(
      fc.property(fc.oneof(mobileNumber, fc.string()), (value) => {
        const shown = revealed(maskMobile(value));
        expect(shown.length).toBeLessThanOrEqual(7);
        for (const [index] of shown) expect([0, 1, 2, 7, 8, 9, 10]).toContain(index);
      }),
    );
  });

  it('name: reveals at most the first character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        const shown = revealed(maskName(name));
        expect(shown.length).toBeLessThanOrEqual(1);
        if (shown[0]) expect(shown[0][0]).toBe(0);
      }),
    );
  });
});

const separator = fc.constantFrom(', ', '；', '\n', ' : ', '（', '）', '"');
const harmless = fc.oneof(
  fc.constantFrom('申请人', '电话', '身份证号', 'user', 'status=ok', '办理完成', ''),
  fc.integer({ min: 0, max: 9_999_999_999 }).map(String),
  fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2100-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 10)),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.uuid(),
  fc.stringMatching(/^[0-9a-f]{64}$/),
);
const filler = fc
  .array(harmless, { maxLength: 8 })
  .chain((tokens) =>
    fc
      .array(separator, { minLength: tokens.length, maxLength: tokens.length })
      .map((seps) => tokens.map((token, index) => token + seps[index]).join('')),
  );
const writtenMobile = fc
  .tuple(mobileNumber, fc.constantFrom('', '+86', '86', '+86 '), fc.constantFrom('', ' ', '-'))
  .map(([number, prefix, sep]) => ({
    number,
    written: `${prefix}${number.slice(0, 3)}${sep}${number.slice(3, 7)}${sep}${number.slice(7)}`,
  }));

describe('redactPersonalData', () => {
  it('leaves short numbers, dates, timestamps, UUIDs and hashes alone', () => {
    expect(redactPersonalData('订单 1234567890，2026-09-30，id 550e8400-e29b-41d4-a716-138123456789')).toBe(
      '订单 1234567890，2026-09-30，id 550e8400-e29b-41d4-a716-138123456789',
    );
    expect(redactPersonalData('hash a13812345678b')).toBe('hash a13812345678b');
    fc.assert(
      fc.property(filler, (text) => {
        expect(redactPersonalData(text)).toBe(text);
      }),
    );
  });

  it('masks IDs and mobiles inside text', () => {
    expect(redactPersonalData('身份证11010519491231002X，电话+86 138-1234-5678。')).toBe(
      '身份证110105********002X，电话+86 138****5678。',
    );
  });

  it('removes every embedded resident ID and mobile number from random text', () => {
    const secret = fc.oneof(
      residentIdLike.map((id) => ({ digits: id, written: id })),
      writtenMobile.map(({ number, written }) => ({ digits: number, written })),
    );
    const pieces = fc.array(fc.tuple(filler, secret, separator), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(pieces, filler, (list, tail) => {
        const text =
          list.map(([before, { written }, after]) => `${before} ${written}${after}`).join('') + tail;
        const redacted = redactPersonalData(text);
        const digitsOnly = redacted.replace(/[\s-]/g, '');
        for (const [, { digits, written }] of list) {
          expect(redacted).not.toContain(written);
          expect(digitsOnly).not.toContain(digits);
        }
      }),
    );
  });
});
