import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Consent,
  consentStatus,
  consentVerdict,
  expiryProblem,
  latestExpiry,
  parseExpiry,
} from './consent';

const consent = (overrides: Partial<Consent> = {}): Consent => ({
  id: 'c1',
  subject: { type: 'enterprise', id: '91330800MA2A0B1C2D' },
  grantee: { type: 'organisation', id: '91330800DEMBANK19H' },
  purpose: 'loan_assessment',
  dataset: 'carbon.credit_report',
  grantedBy: 'u1',
  grantedAt: '2026-01-01T00:00:00.000Z',
  expiresAt: '2026-07-01T00:00:00.000Z',
  revokedAt: null,
  revokedBy: null,
  ...overrides,
});
const at = (iso: string) => new Date(iso);

describe('consentStatus', () => {
  it('is active up to, not including, the expiry instant', () => {
    expect(consentStatus(consent(), at('2026-06-30T23:59:59.999Z'))).toBe('active');
    expect(consentStatus(consent(), at('2026-07-01T00:00:00.000Z'))).toBe('expired');
  });
  it('is revoked from the revocation on, even before the expiry', () => {
    const revoked = consent({ revokedAt: '2026-03-01T00:00:00.000Z', revokedBy: 'u1' });
    expect(consentStatus(revoked, at('2026-02-28T23:59:59.999Z'))).toBe('active');
    expect(consentStatus(revoked, at('2026-03-01T00:00:00.000Z'))).toBe('revoked');
    expect(consentStatus(revoked, at('2027-01-01T00:00:00.000Z'))).toBe('revoked');
  });
  it('never reads active at or after the expiry, whatever the instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 10 }), (offset) => {
        const when = new Date(Date.parse('2026-07-01T00:00:00.000Z') + offset);
        expect(consentStatus(consent(), when)).not.toBe('active');
      }),
    );
  });
});

describe('consentVerdict', () => {
  const now = at('2026-05-01T00:00:00.000Z');
  it('is missing without consents', () => {
    expect(consentVerdict([], now)).toEqual({ ok: false, reason: 'missing' });
  });
  it('allows on any active consent, preferring the one that runs longest', () => {
    const short = consent({ id: 'short', expiresAt: '2026-06-01T00:00:00.000Z' });
    const long = consent({ id: 'long', expiresAt: '2026-12-01T00:00:00.000Z' });
    const old = consent({ id: 'old', expiresAt: '2026-02-01T00:00:00.000Z' });
    expect(consentVerdict([old, short, long], now)).toMatchObject({ ok: true, consent: { id: 'long' } });
  });
  it('explains a refusal by the most recently granted consent', () => {
    const expired = consent({
      id: 'e',
      grantedAt: '2025-01-01T00:00:00.000Z',
      expiresAt: '2025-06-01T00:00:00.000Z',
    });
    const revoked = consent({
      id: 'r',
      grantedAt: '2026-01-01T00:00:00.000Z',
      revokedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(consentVerdict([expired, revoked], now)).toMatchObject({
      ok: false,
      reason: 'revoked',
      consent: { id: 'r' },
    });
    const laterExpired = consent({
      id: 'x',
      grantedAt: '2026-03-01T00:00:00.000Z',
      expiresAt: '2026-04-01T00:00:00.000Z',
    });
    expect(consentVerdict([revoked, laterExpired], now)).toMatchObject({
      ok: false,
      reason: 'expired',
      consent: { id: 'x' },
    });
  });
  it('allows exactly when some consent is active', () => {
    const arbitrary = fc.record({
      granted: fc.integer({ min: 0, max: 400 }),
      length: fc.integer({ min: 1, max: 400 }),
      revokedAfter: fc.option(fc.integer({ min: 0, max: 400 })),
    });
    fc.assert(
      fc.property(fc.array(arbitrary, { maxLength: 6 }), fc.integer({ min: 0, max: 900 }), (specs, day) => {
        const base = Date.parse('2026-01-01T00:00:00.000Z');
        const iso = (days: number) => new Date(base + days * 86_400_000).toISOString();
        const consents = specs.map((s, i) =>
          consent({
            id: `c${i}`,
            grantedAt: iso(s.granted),
            expiresAt: iso(s.granted + s.length),
            revokedAt: s.revokedAfter === null ? null : iso(s.granted + s.revokedAfter),
          }),
        );
        const when = new Date(base + day * 86_400_000);
        const verdict = consentVerdict(consents, when);
        expect(verdict.ok).toBe(consents.some((c) => consentStatus(c, when) === 'active'));
        if (verdict.ok) expect(consentStatus(verdict.consent, when)).toBe('active');
      }),
    );
  });
});

describe('expiry bounds', () => {
  const grantedAt = at('2026-03-15T08:30:00.000Z');
  it('must be after the grant and at most one calendar year later', () => {
    expect(expiryProblem(grantedAt, grantedAt)).toBe('not_in_future');
    expect(expiryProblem(new Date(grantedAt.getTime() + 1), grantedAt)).toBeNull();
    expect(expiryProblem(at('2027-03-15T08:30:00.000Z'), grantedAt)).toBeNull();
    expect(expiryProblem(at('2027-03-15T08:30:00.001Z'), grantedAt)).toBe('beyond_one_year');
  });
  it('a year from 29 February ends on 1 March', () => {
    expect(latestExpiry(at('2028-02-29T00:00:00.000Z')).toISOString()).toBe('2029-03-01T00:00:00.000Z');
  });
  it('accepts every instant strictly inside the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 365 * 86_400_000 }), (offset) => {
        expect(expiryProblem(new Date(grantedAt.getTime() + offset), grantedAt)).toBeNull();
      }),
    );
  });
});

describe('parseExpiry', () => {
  it('reads a date as the end of that day in China Standard Time', () => {
    expect(parseExpiry('2027-06-30')?.toISOString()).toBe('2027-06-30T16:00:00.000Z');
    expect(parseExpiry('2028-02-29')?.toISOString()).toBe('2028-02-29T16:00:00.000Z');
  });
  it('reads a date-time with its offset', () => {
    expect(parseExpiry('2027-06-30T12:00:00+08:00')?.toISOString()).toBe('2027-06-30T04:00:00.000Z');
    expect(parseExpiry('2027-06-30T12:00Z')?.toISOString()).toBe('2027-06-30T12:00:00.000Z');
  });
  it('refuses anything else', () => {
    for (const bad of [
      '2027-02-29',
      '2027-02-30T00:00Z',
      '2027-13-01',
      '2027-6-30',
      '2027-06-30T12:00:00',
      'tomorrow',
      '',
      '20270630',
    ])
      expect(parseExpiry(bad), bad).toBeNull();
  });
});
