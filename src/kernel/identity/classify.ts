import type { Mobile, MobileReason } from './mobile';
import { normaliseMobile, parseMobile } from './mobile';
import type { ResidentId, ResidentIdReason } from './resident-id';
import { parseResidentId } from './resident-id';
import type { Uscc, UsccReason } from './uscc';
import { parseUscc } from './uscc';

export type IdentifierType = 'resident_id' | 'uscc' | 'mobile' | 'unknown';

export interface UnrecognisedReason {
  code: 'unrecognised';
  length: number;
}

/** Every reason any identifier parser can give; `describeReason` turns one into a sentence. */
export type IdentifierReason = ResidentIdReason | UsccReason | MobileReason | UnrecognisedReason;

/** `detail` is the parsed value when valid; `reason` says what to fix when not. */
export type IdentifierCheck =
  | { type: 'resident_id'; valid: true; detail: ResidentId }
  | { type: 'uscc'; valid: true; detail: Uscc }
  | { type: 'mobile'; valid: true; detail: Mobile }
  | { type: 'resident_id'; valid: false; reason: ResidentIdReason }
  | { type: 'uscc'; valid: false; reason: UsccReason }
  | { type: 'mobile'; valid: false; reason: MobileReason }
  | { type: 'unknown'; valid: false; reason: UnrecognisedReason };

const RESIDENT_ID_SHAPE = /^\d{17}[\dXx]$/;
const NEAR_RESIDENT_ID = /^\d{15,19}[Xx]?$/;
const NEAR_USCC = /^[0-9A-Za-z]{16,20}$/;
const NEAR_MOBILE = /^1\d{9,11}$/;

/**
 * Guesses which identifier a string is meant to be and validates it as that, so the answer names the right
 * mistake: `classifyIdentifier('11010519491231002X')` is a valid resident_id. The guess goes by shape (length,
 * character set); an 18-digit string that fails as a resident ID but passes as a USCC is reported as a USCC.
 * @param options.today passed to parseResidentId (birth dates after it are rejected)
 */
export function classifyIdentifier(value: string, options: { today?: string } = {}): IdentifierCheck {
  const trimmed = value.trim();

  if (RESIDENT_ID_SHAPE.test(trimmed)) {
    const residentId = parseResidentId(trimmed, options);
    if (residentId.ok) return { type: 'resident_id', valid: true, detail: residentId.value };
    const uscc = parseUscc(trimmed);
    if (uscc.ok) return { type: 'uscc', valid: true, detail: uscc.value };
    return { type: 'resident_id', valid: false, reason: residentId.reason };
  }

  const mobileDigits = normaliseMobile(trimmed);
  if (NEAR_MOBILE.test(mobileDigits) || (mobileDigits.length === 11 && /^\d+$/.test(mobileDigits))) {
    const mobile = parseMobile(trimmed);
    return mobile.ok
      ? { type: 'mobile', valid: true, detail: mobile.value }
      : { type: 'mobile', valid: false, reason: mobile.reason };
  }

  if (trimmed.length === 18 || (NEAR_USCC.test(trimmed) && !NEAR_RESIDENT_ID.test(trimmed))) {
    const uscc = parseUscc(trimmed);
    return uscc.ok
      ? { type: 'uscc', valid: true, detail: uscc.value }
      : { type: 'uscc', valid: false, reason: uscc.reason };
  }

  // Digits of about the right length: most likely a resident ID with a digit missing or doubled.
  if (NEAR_RESIDENT_ID.test(trimmed)) {
    return {
      type: 'resident_id',
      valid: false,
      reason: { code: 'length', expected: 18, found: trimmed.length },
    };
  }

  return { type: 'unknown', valid: false, reason: { code: 'unrecognised', length: trimmed.length } };
}
