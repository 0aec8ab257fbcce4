import { AppError } from '../errors';
import type { ConsentVerdict } from './consent';

/** `2027-06-30T16:00:00.000Z` → `2027-07-01 00:00` (China Standard Time, how the people involved read dates). */
export function chinaTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/** The 403 for a refused read, saying which: no consent, an expired one, or a revoked one. */
export function consentRefusal(
  verdict: Exclude<ConsentVerdict, { ok: true }>,
  dataset: string,
  purpose: string,
): AppError {
  if (verdict.reason === 'missing')
    return new AppError(403, 'CONSENT_MISSING', 'consentMissing', { dataset, purpose });
  if (verdict.reason === 'expired')
    return new AppError(403, 'CONSENT_EXPIRED', 'consentExpired', {
      dataset,
      purpose,
      at: chinaTime(verdict.consent.expiresAt),
    });
  return new AppError(403, 'CONSENT_REVOKED', 'consentRevoked', {
    dataset,
    purpose,
    at: chinaTime(verdict.consent.revokedAt ?? verdict.consent.expiresAt),
  });
}
