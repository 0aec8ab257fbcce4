import type { CharactersReason, LengthReason, ParseResult } from './parse-result';
import { fail, firstBadPosition, isDigitCode } from './parse-result';

/**
 * 公民身份号码: the 18-character PRC resident ID, GB 11643-1999.
 * 6-digit division code (GB/T 2260), 8-digit birth date, 3-digit sequence (odd = male), check character.
 */
export interface ResidentId {
  id: string;
  divisionCode: string;
  /** 'YYYY-MM-DD' */
  birthDate: string;
  sex: 'male' | 'female';
  /** 0-999; the parity carries the sex */
  sequence: number;
}

export type ResidentIdReason =
  | LengthReason
  | CharactersReason
  | { code: 'division'; divisionCode: string; provincePrefix: string }
  | { code: 'birth_date'; birthDate: string; problem: 'not_a_date' | 'in_future' | 'before_1900' }
  | { code: 'check_digit'; expected: string; found: string };

export interface ParseResidentIdOptions {
  /** 'YYYY-MM-DD'; birth dates after it are rejected. Defaults to today in Asia/Shanghai. */
  today?: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

/**
 * GB/T 2260 province-level prefixes. 83 is not in GB/T 2260 but is the prefix that residence permits for
 * Taiwan residents carry (港澳台居民居住证, 2018), so real holders would otherwise be refused.
 */
const PROVINCE_PREFIXES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(
    ' ',
  ),
);

// Zero-padded sequences, precomputed because the synthetic-city generator calls makeResidentId millions of times.
const SEQUENCES = Array.from({ length: 1000 }, (_, sequence) => String(sequence).padStart(3, '0'));

/** Check character (ISO 7064 MOD 11-2) for the first 17 digits: `residentIdCheckChar('11010519491231002') === 'X'`. */
export function residentIdCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 digits, got ${first17.length} characters`);
  let sum = 0;
  for (let index = 0; index < 17; index++) {
    const digit = first17.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) throw new RangeError(`non-digit at position ${index + 1} of "${first17}"`);
    sum += digit * WEIGHTS[index]!;
  }
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Builds a valid ID from its parts, e.g. `makeResidentId('330802', '1990-01-01', 123)`.
 * Checks shape only (the generator supplies real dates); use parseResidentId to validate.
 */
export function makeResidentId(divisionCode: string, birthDate: string, sequence: number): string {
  const sequenceText = SEQUENCES[sequence];
  const datesShaped = birthDate.length === 10 && birthDate[4] === '-' && birthDate[7] === '-';
  if (divisionCode.length !== 6 || !datesShaped || sequenceText === undefined) {
    throw new RangeError(`cannot make a resident ID from ${divisionCode}, ${birthDate}, ${sequence}`);
  }
  const first17 =
    divisionCode + birthDate.slice(0, 4) + birthDate.slice(5, 7) + birthDate.slice(8, 10) + sequenceText;
  return first17 + residentIdCheckChar(first17);
}

/** Validates a resident ID; a trailing lowercase 'x' is accepted and normalised to 'X'. */
export function parseResidentId(
  value: string,
  options: ParseResidentIdOptions = {},
): ParseResult<ResidentId, ResidentIdReason> {
  const trimmed = value.trim();
  const id = trimmed.endsWith('x') ? `${trimmed.slice(0, -1)}X` : trimmed;
  if (id.length !== 18) return fail({ code: 'length', expected: 18, found: id.length });

  const badPosition = firstBadPosition(
    id,
    (code, index) => isDigitCode(code) || (index === 17 && code === 88),
  );
  if (badPosition > 0) {
    const allowed = badPosition === 18 ? 'digit_or_x' : 'digit';
    return fail({ code: 'characters', position: badPosition, found: id[badPosition - 1]!, allowed });
  }

  const divisionCode = id.slice(0, 6);
  const provincePrefix = id.slice(0, 2);
  if (!PROVINCE_PREFIXES.has(provincePrefix)) return fail({ code: 'division', divisionCode, provincePrefix });

  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const problem = birthDateProblem(birthDate, options.today ?? todayInShanghai());
  if (problem) return fail({ code: 'birth_date', birthDate, problem });

  const expected = residentIdCheckChar(id.slice(0, 17));
  if (id[17] !== expected) return fail({ code: 'check_digit', expected, found: id[17]! });

  const sequence = Number(id.slice(14, 17));
  return {
    ok: true,
    value: { id, divisionCode, birthDate, sex: sequence % 2 === 1 ? 'male' : 'female', sequence },
  };
}

function birthDateProblem(
  birthDate: string,
  today: string,
): 'not_a_date' | 'in_future' | 'before_1900' | null {
  const year = Number(birthDate.slice(0, 4));
  const month = Number(birthDate.slice(5, 7));
  const day = Number(birthDate.slice(8, 10));
  // Day 0 of the next month is the last day of this one, leap years included.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return 'not_a_date';
  if (birthDate < EARLIEST_BIRTH_DATE) return 'before_1900';
  // Same-length ISO dates compare correctly as strings.
  if (birthDate > today) return 'in_future';
  return null;
}

/** Calendar date in Asia/Shanghai, which has kept UTC+8 without daylight saving since 1991. */
function todayInShanghai(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}
