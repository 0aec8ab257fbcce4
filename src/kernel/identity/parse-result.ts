/**
 * Shared shapes for identifier parsers: a parse either yields a value or a reason that carries the data
 * a person needs to fix the input (which position, which character was expected).
 */
export type ParseResult<Value, Reason> = { ok: true; value: Value } | { ok: false; reason: Reason };

/** The input has the wrong number of characters (after normalisation). */
export interface LengthReason {
  code: 'length';
  expected: number;
  found: number;
}

/** Which characters a position accepts, so the message can say what to type instead. */
export type AllowedCharacters = 'digit' | 'digit_or_x' | 'uscc_alphabet';

/** A character outside the allowed set; `position` is 1-based as printed on cards and licences. */
export interface CharactersReason {
  code: 'characters';
  position: number;
  found: string;
  allowed: AllowedCharacters;
}

/** Shorthand for the failure branch, used by the parsers' early returns. */
export function fail<Reason>(reason: Reason): { ok: false; reason: Reason } {
  return { ok: false, reason };
}

/** First position (1-based) whose character fails `accepts`, or 0 when every character passes. */
export function firstBadPosition(
  value: string,
  accepts: (charCode: number, index: number) => boolean,
): number {
  for (let index = 0; index < value.length; index++) {
    if (!accepts(value.charCodeAt(index), index)) return index + 1;
  }
  return 0;
}

export const isDigitCode = (charCode: number): boolean => charCode >= 48 && charCode <= 57;
