import { describe, expect, it } from 'vitest';
import type { IdentifierReason } from './classify';
import { classifyIdentifier } from './classify';
import { describeReason } from './describe-reason';
import { makeUscc } from './uscc';

const today = '2026-11-29';

describe('classifyIdentifier', () => {
  it.each([
    ['11010519491231002X', 'resident_id'],
    ['91110000600037341L', 'uscc'],
    ['+86 138 1234 5678', 'mobile'],
  ])('recognises valid %s as %s', (value, type) => {
    const result = classifyIdentifier(value, { today });
    expect(result).toMatchObject({ type, valid: true });
  });

  it.each([
    ['110105194912310025', 'resident_id', 'check_digit'],
    ['11010519491231002', 'resident_id', 'length'],
    ['9111000060003734IL', 'uscc', 'characters'],
    ['91110000600037341M', 'uscc', 'check_char'],
    ['9111000060003734L', 'uscc', 'length'],
    ['12812345678', 'mobile', 'prefix'],
    ['1381234567', 'mobile', 'length'],
    ['hello', 'unknown', 'unrecognised'],
    ['', 'unknown', 'unrecognised'],
  ])('classifies %s as an invalid %s (%s)', (value, type, code) => {
    const result = classifyIdentifier(value, { today });
    expect(result.valid).toBe(false);
    expect(result.type).toBe(type);
    if (!result.valid) expect(result.reason.code).toBe(code);
  });

  it('reports an all-digit USCC as a USCC, not a broken resident ID', () => {
    const allDigits = Array.from({ length: 1000 }, (_, index) =>
      makeUscc({
        department: '1',
        type: '1',
        divisionCode: '330800',
        organisationBody: String(index).padStart(8, '0'),
      }),
    ).find((code) => /^\d{18}$/.test(code));
    expect(allDigits).toBeDefined();
    expect(classifyIdentifier(allDigits!, { today })).toMatchObject({ type: 'uscc', valid: true });
  });
});

describe('describeReason', () => {
  it('names the expected check character in both languages', () => {
    const result = classifyIdentifier('110105194912310025', { today });
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(describeReason(result.reason, 'zh-CN')).toBe('校验码应为 X，实际为 5');
    expect(describeReason(result.reason, 'en')).toBe('check digit should be X, found 5');
  });

  const reasons: IdentifierReason[] = [
    { code: 'length', expected: 18, found: 17 },
    { code: 'characters', position: 3, found: 'I', allowed: 'uscc_alphabet' },
    { code: 'characters', position: 18, found: 'Y', allowed: 'digit_or_x' },
    { code: 'division', divisionCode: '991234', provincePrefix: '99' },
    { code: 'division', divisionCode: '11A000' },
    { code: 'birth_date', birthDate: '2030-01-01', problem: 'in_future' },
    { code: 'check_digit', expected: 'X', found: '5' },
    { code: 'registration_type', department: '9', type: '4', allowedTypes: ['1', '2', '3'] },
    { code: 'registration_type', department: 'B', type: '1', allowedTypes: [] },
    { code: 'organisation_code', organisationCode: 'MA28F3X1X', expected: '6', found: 'X' },
    { code: 'check_char', expected: 'T', found: 'A' },
    { code: 'prefix', found: '12' },
    { code: 'unrecognised', length: 5 },
  ];

  it.each(reasons)('describes %o in Chinese and English', (reason) => {
    const zh = describeReason(reason, 'zh-CN');
    const en = describeReason(reason, 'en');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).toMatch(/^[\x20-\x7e\u4e00-\u9fff（）]+$/);
    expect(zh).not.toBe(en);
    for (const value of Object.values(reason)) {
      if (typeof value === 'string' && value !== reason.code && !/^[a-z_]+$/.test(value)) {
        expect(zh).toContain(value);
        expect(en).toContain(value);
      }
    }
  });
});
