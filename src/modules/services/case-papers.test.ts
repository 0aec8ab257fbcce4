import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../../kernel/identity';
import { applicantFactsOrThrow } from './case-papers';
import type { CaseRecord } from './case-record';

describe('applicantFactsOrThrow', () => {
  // Born and first registered in 上饶 (3611xx), registered in 常山 (330822) now.
  const record = {
    applicantType: 'resident',
    applicantId: makeResidentId('361102', '1990-06-15', 17),
  } as CaseRecord;
  const at = new Date('2026-06-01T02:00:00Z');

  it('takes the city of registration from the register when it is known, the age from the ID', () => {
    expect(applicantFactsOrThrow(record, at, '330822')).toEqual({
      type: 'resident',
      age: 35,
      registeredCity: '330800',
    });
  });

  it('falls back to the ID’s place of first registration', () => {
    expect(applicantFactsOrThrow(record, at, null).registeredCity).toBe('361100');
  });

  it('refuses an identifier that does not parse', () => {
    expect(() => applicantFactsOrThrow({ ...record, applicantId: '3611021990' }, at, null)).toThrow(
      /not on the register/,
    );
  });
});
