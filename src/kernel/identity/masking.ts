import { normaliseMobile } from './mobile';

/*
 * 脱敏 (masking) for display and logs. Every mask keeps the length of the identifier it hides so a reader can
 * still tell which kind it was; input that does not have the expected shape is masked completely, never passed through.
 */

const stars = (count: number): string => '*'.repeat(count);

/** Keeps the division code (first 6) and the last 4: `maskResidentId('330802199001011234') === '330802********1234'`. */
export function maskResidentId(id: string): string {
  if (id.length !== 18) return stars(id.length);
  return id.slice(0, 6) + stars(8) + id.slice(14);
}

/** Keeps the carrier block (first 3) and the last 4: `maskMobile('+86 138 1234 5678') === '138****5678'`. */
export function maskMobile(value: string): string {
  const number = normaliseMobile(value);
  if (number.length !== 11) return stars(value.length);
  return number.slice(0, 3) + stars(4) + number.slice(7);
}

/**
 * Keeps the first 8 (department, type, registration division: what kind of body and where) and the last 2
 * (check characters, which help a person confirm they hold the same code); hides the 8 characters that identify
 * the body: `maskUscc('91110000600037341L') === '91110000********1L'`.
 */
export function maskUscc(code: string): string {
  if (code.length !== 18) return stars(code.length);
  return code.slice(0, 8) + stars(8) + code.slice(16);
}

/** Keeps the first character only: `maskName('张三丰') === '张**'`; a one-character name is hidden completely. */
export function maskName(name: string): string {
  // Array.from splits by code point, so rare characters outside the BMP count as one.
  const characters = Array.from(name.trim());
  if (characters.length <= 1) return stars(characters.length);
  return characters[0] + stars(characters.length - 1);
}

// Boundaries exclude ASCII letters as well as digits so hex strings (UUIDs, hashes) are never cut into.
const RESIDENT_ID_LIKE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
// Optional country code, then 1[3-9]x xxxx xxxx with an optional separator used the same way twice.
const MOBILE_LIKE = /(?<![0-9A-Za-z])((?:\+|00)?86[ -]?)?(1[3-9]\d)([ -]?)(\d{4})\3(\d{4})(?![0-9A-Za-z])/g;

/**
 * Masks every resident-ID-like run (17 digits + digit/X, check digit not verified: better to over-redact) and
 * every mobile-like number in free text, for logs. Numbers shorter than 11 digits, ISO dates and UUIDs are left
 * alone. A number glued to ASCII letters (e.g. 'id13812345678') is not recognised.
 */
export function redactPersonalData(text: string): string {
  return text
    .replace(RESIDENT_ID_LIKE, maskResidentId)
    .replace(
      MOBILE_LIKE,
      (_match, prefix: string | undefined, head: string, _separator, _middle, tail: string) => {
        return `${prefix ?? ''}${head}****${tail}`;
      },
    );
}
