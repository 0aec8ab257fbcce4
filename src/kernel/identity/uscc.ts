import type { CharactersReason, LengthReason, ParseResult } from './parse-result';
import { fail, firstBadPosition, isDigitCode } from './parse-result';
import { allowedOrganisationTypes, REGISTRATION_TYPES } from './uscc-registration-types';

/**
 * 统一社会信用代码 (unified social credit code, USCC), GB 32100-2015: registration department, organisation
 * type, 6-digit division code, 9-character organisation code (GB 11714, with its own check char), check char.
 */
export interface Uscc {
  code: string;
  registrationDepartment: string;
  organisationType: string;
  /** e.g. '工商 / 企业' */
  registrationTypeName: string;
  divisionCode: string;
  organisationCode: string;
}

export type UsccReason =
  | LengthReason
  | CharactersReason
  | { code: 'registration_type'; department: string; type: string; allowedTypes: string[] }
  | { code: 'division'; divisionCode: string }
  | { code: 'organisation_code'; organisationCode: string; expected: string; found: string }
  | { code: 'check_char'; expected: string; found: string };

export interface UsccParts {
  department: string;
  type: string;
  divisionCode: string;
  /** The 8 body characters of the organisation code; its check char is computed. */
  organisationBody: string;
}

/** The 31 characters a USCC may use: no I, O, Z, S, V (too easily misread). Index = value. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CHECK_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
// Char code -> USCC value, -1 for characters outside the alphabet.
const USCC_VALUES = new Int8Array(128).fill(-1);
for (let value = 0; value < USCC_ALPHABET.length; value++)
  USCC_VALUES[USCC_ALPHABET.charCodeAt(value)] = value;

const usccValue = (charCode: number): number => (charCode < 128 ? USCC_VALUES[charCode]! : -1);

/** Final check char (MOD 31) for the first 17 characters; throws on characters outside the alphabet. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let index = 0; index < 17; index++) {
    const value = usccValue(first17.charCodeAt(index));
    if (value < 0)
      throw new RangeError(`"${first17[index]}" at position ${index + 1} is not a USCC character`);
    sum += value * CHECK_WEIGHTS[index]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 organisation-code check char for its 8 body characters (letters count A=10 ... Z=35). */
export function organisationCodeCheckChar(body8: string): string {
  if (body8.length !== 8) throw new RangeError(`expected 8 characters, got ${body8.length}`);
  let sum = 0;
  for (let index = 0; index < 8; index++) {
    const value = Number.parseInt(body8[index]!, 36);
    if (Number.isNaN(value)) throw new RangeError(`"${body8[index]}" is not an organisation-code character`);
    sum += value * ORGANISATION_WEIGHTS[index]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Builds a valid USCC, e.g. `makeUscc({ department: '9', type: '1', divisionCode: '330800', organisationBody: 'MA2A0B1C' })`. */
export function makeUscc(parts: UsccParts): string {
  const { department, type, divisionCode, organisationBody } = parts;
  if (!REGISTRATION_TYPES[department]?.types[type]) {
    throw new RangeError(`no organisation type ${type} under registration department ${department}`);
  }
  if (divisionCode.length !== 6 || firstBadPosition(divisionCode, isDigitCode) > 0) {
    throw new RangeError(`division code must be 6 digits: ${divisionCode}`);
  }
  if (firstBadPosition(organisationBody, (code) => usccValue(code) >= 0) > 0) {
    throw new RangeError(`organisation body has characters outside the USCC alphabet: ${organisationBody}`);
  }
  const first17 =
    department + type + divisionCode + organisationBody + organisationCodeCheckChar(organisationBody);
  return first17 + usccCheckChar(first17);
}

/** Validates a USCC; surrounding spaces are trimmed and lowercase letters accepted. */
export function parseUscc(value: string): ParseResult<Uscc, UsccReason> {
  const code = value.trim().toUpperCase();
  if (code.length !== 18) return fail({ code: 'length', expected: 18, found: code.length });

  const badPosition = firstBadPosition(code, (charCode) => usccValue(charCode) >= 0);
  if (badPosition > 0) {
    return fail({
      code: 'characters',
      position: badPosition,
      found: code[badPosition - 1]!,
      allowed: 'uscc_alphabet',
    });
  }

  const department = code[0]!;
  const type = code[1]!;
  const registration = REGISTRATION_TYPES[department];
  const typeName = registration?.types[type];
  if (!registration || !typeName) {
    return fail({
      code: 'registration_type',
      department,
      type,
      allowedTypes: allowedOrganisationTypes(department),
    });
  }

  const divisionCode = code.slice(2, 8);
  if (firstBadPosition(divisionCode, isDigitCode) > 0) return fail({ code: 'division', divisionCode });

  const organisationCode = code.slice(8, 17);
  const organisationCheck = organisationCodeCheckChar(organisationCode.slice(0, 8));
  if (organisationCode[8] !== organisationCheck) {
    return fail({
      code: 'organisation_code',
      organisationCode,
      expected: organisationCheck,
      found: organisationCode[8]!,
    });
  }

  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return fail({ code: 'check_char', expected, found: code[17]! });

  const registrationTypeName = `${registration.name} / ${typeName}`;
  return {
    ok: true,
    value: {
      code,
      registrationDepartment: department,
      organisationType: type,
      registrationTypeName,
      divisionCode,
      organisationCode,
    },
  };
}
