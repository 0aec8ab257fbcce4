import type { CharactersReason, LengthReason, ParseResult } from './parse-result';
import { fail, firstBadPosition, isDigitCode } from './parse-result';

/** 手机号码: a mainland China mobile number, 11 digits starting 13-19. */
export interface Mobile {
  /** 11 digits, no country code or separators */
  number: string;
}

export type MobileReason = LengthReason | CharactersReason | { code: 'prefix'; found: string };

// People write "+86 138-1234-5678", "0086 13812345678" or "(86)13812345678"; the country code is optional.
const SEPARATORS = /[\s\-()]/g;
const COUNTRY_CODE = /^(?:\+|00)?86(?=\d{11}$)/;

/** Strips separators and the +86 / 0086 / 86 country code, leaving what should be the 11 national digits. */
export function normaliseMobile(value: string): string {
  return value.replace(SEPARATORS, '').replace(COUNTRY_CODE, '');
}

/** Validates a mobile number, e.g. `parseMobile('+86 138 1234 5678')` yields number '13812345678'. */
export function parseMobile(value: string): ParseResult<Mobile, MobileReason> {
  const number = normaliseMobile(value);
  const badPosition = firstBadPosition(number, isDigitCode);
  if (badPosition > 0) {
    return fail({
      code: 'characters',
      position: badPosition,
      found: number[badPosition - 1]!,
      allowed: 'digit',
    });
  }
  if (number.length !== 11) return fail({ code: 'length', expected: 11, found: number.length });
  // Mainland mobile blocks are 13x-19x; 10x-12x are not assigned to mobile service.
  if (number[0] !== '1' || number[1]! < '3') return fail({ code: 'prefix', found: number.slice(0, 2) });
  return { ok: true, value: { number } };
}
