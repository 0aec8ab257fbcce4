/** Whose data: a resident (resident ID) or an enterprise (USCC). Collectives and farms can join later. */
export const EXCHANGE_SUBJECT_TYPES = ['resident', 'enterprise'] as const;
export type ExchangeSubjectType = (typeof EXCHANGE_SUBJECT_TYPES)[number];

export interface ExchangeSubject {
  type: ExchangeSubjectType;
  id: string;
}

/**
 * Who may read: an organisation (a bank's USCC, an officer's `<division>/<department>`) or one user (user id).
 * A consent to an organisation covers every user who acts for it.
 */
export const GRANTEE_TYPES = ['organisation', 'user'] as const;
export type GranteeType = (typeof GRANTEE_TYPES)[number];

export interface Grantee {
  type: GranteeType;
  id: string;
}

/** 授权 — a subject's consent that `grantee` may read `dataset` for `purpose` until `expiresAt`. */
export interface Consent {
  id: string;
  subject: ExchangeSubject;
  grantee: Grantee;
  /** Why the grantee may read, e.g. `loan_assessment`. */
  purpose: string;
  /** What may be read, e.g. `carbon.credit_report`. */
  dataset: string;
  grantedBy: string;
  grantedAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

export type ConsentStatus = 'active' | 'expired' | 'revoked';

const time = (iso: string) => Date.parse(iso);

/** Revoked once revoked; otherwise active up to, not including, `expiresAt`. */
export function consentStatus(consent: Consent, at: Date): ConsentStatus {
  if (consent.revokedAt !== null && time(consent.revokedAt) <= at.getTime()) return 'revoked';
  return at.getTime() < time(consent.expiresAt) ? 'active' : 'expired';
}

export type ConsentVerdict =
  | { ok: true; consent: Consent }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'expired' | 'revoked'; consent: Consent };

/**
 * Whether any of `consents` (all for one subject, grantee, purpose and dataset) allows a read at `at`. Without an
 * active one, the most recently granted consent explains the refusal, so the reader learns the current state
 * (a renewed-then-revoked consent says "revoked", not "expired").
 */
export function consentVerdict(consents: readonly Consent[], at: Date): ConsentVerdict {
  const active = consents
    .filter((c) => consentStatus(c, at) === 'active')
    .sort((a, b) => time(b.expiresAt) - time(a.expiresAt))[0];
  if (active) return { ok: true, consent: active };
  const latest = [...consents].sort((a, b) => time(b.grantedAt) - time(a.grantedAt))[0];
  if (!latest) return { ok: false, reason: 'missing' };
  return { ok: false, reason: consentStatus(latest, at) as 'expired' | 'revoked', consent: latest };
}

/** The longest a consent may run: one calendar year from its grant (a bounded consent is the rule, not a default). */
export function latestExpiry(grantedAt: Date): Date {
  const latest = new Date(grantedAt.getTime());
  latest.setUTCFullYear(latest.getUTCFullYear() + 1);
  return latest;
}

/** Why an expiry is refused, or null when `grantedAt < expiresAt ≤ latestExpiry(grantedAt)`. */
export function expiryProblem(expiresAt: Date, grantedAt: Date): 'not_in_future' | 'beyond_one_year' | null {
  if (expiresAt.getTime() <= grantedAt.getTime()) return 'not_in_future';
  if (expiresAt.getTime() > latestExpiry(grantedAt).getTime()) return 'beyond_one_year';
  return null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The moment a consent ends. A date means "through that day" in China Standard Time (so `2027-06-30` ends at
 * 2027-07-01 00:00+08:00); a date-time must carry its offset. Null when the text is neither, or no such day.
 * @example parseExpiry('2027-06-30')?.toISOString() // '2027-06-30T16:00:00.000Z'
 */
export function parseExpiry(text: string): Date | null {
  const midnightUtc = calendarDay(text.slice(0, 10));
  if (midnightUtc === null) return null;
  if (text.length === 10) return new Date(midnightUtc + 86_400_000 - CHINA_OFFSET_MS);
  if (!DATE_TIME.test(text)) return null;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : new Date(parsed);
}

/** Midnight UTC of a real calendar day `YYYY-MM-DD` (JavaScript would roll 2027-02-30 over to March). */
function calendarDay(text: string): number | null {
  const date = DATE.exec(text);
  if (!date) return null;
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const midnightUtc = Date.UTC(year, month - 1, day);
  const check = new Date(midnightUtc);
  const real =
    check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
  return real ? midnightUtc : null;
}
