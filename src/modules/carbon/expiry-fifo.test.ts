import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expirableFromLots, expirablePoints, type PointsLot, remainingLots } from './expiry-fifo';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

describe('FIFO expiry', () => {
  const lots: PointsLot[] = [
    { points: 50, expiresOn: '2026-03-10' },
    { points: 30, expiresOn: '2026-01-05' },
    { points: 20, expiresOn: '2026-06-01' },
  ];

  it('takes consumption from the lots that expire first', () => {
    expect(remainingLots(lots, 40)).toEqual([
      { points: 30, expiresOn: '2026-01-05', left: 0 },
      { points: 50, expiresOn: '2026-03-10', left: 40 },
      { points: 20, expiresOn: '2026-06-01', left: 20 },
    ]);
  });

  it('expires only what is left of the lots that ran out', () => {
    expect(expirableFromLots(lots, 0, '2026-01-04', 100)).toBe(0);
    expect(expirableFromLots(lots, 0, '2026-01-05', 100)).toBe(30);
    expect(expirableFromLots(lots, 40, '2026-03-10', 60)).toBe(40);
    expect(expirableFromLots(lots, 100, '2026-12-31', 0)).toBe(0);
    expect(expirablePoints({ expiringEarned: 80, consumed: 40, balance: 60 })).toBe(40);
    expect(expirablePoints({ expiringEarned: 80, consumed: 90, balance: 10 })).toBe(0);
  });

  it('never takes a wallet below zero, even if it holds less than the lots say', () => {
    expect(expirableFromLots(lots, 0, '2026-12-31', 7)).toBe(7);
    expect(expirablePoints({ expiringEarned: 100, consumed: 0, balance: 7 })).toBe(7);
  });

  /** A resident's history: earnings on days, spends of what the wallet holds, expiry runs on days. */
  const history = fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('earn' as const), points: fc.integer({ min: 0, max: 500 }) }),
      fc.record({ kind: fc.constant('spend' as const), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ kind: fc.constant('expire' as const) }),
      fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 400 }) }),
    ),
    { maxLength: 60 },
  );

  it('over any history: balance ≥ 0, expired ≤ earned − spent, a second run expires nothing, sums = lots', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 1, max: 730 }), (steps, validityDays) => {
        const earned: PointsLot[] = [];
        let today = 0;
        let spent = 0;
        let expired = 0;
        let balance = 0;
        const expire = () => {
          const asOf = day(today);
          const consumed = spent + expired;
          const byLots = expirableFromLots(earned, consumed, asOf, balance);
          const expiringEarned = earned.filter((l) => l.expiresOn <= asOf).reduce((s, l) => s + l.points, 0);
          expect(expirablePoints({ expiringEarned, consumed, balance })).toBe(byLots);
          expired += byLots;
          balance -= byLots;
          // Idempotent: the same day again finds nothing more.
          expect(expirableFromLots(earned, spent + expired, asOf, balance)).toBe(0);
        };
        for (const step of steps) {
          if (step.kind === 'earn') {
            earned.push({ points: step.points, expiresOn: day(today + validityDays) });
            balance += step.points;
          } else if (step.kind === 'spend') {
            // Points that ran out are gone before anything is spent (the close expires them each month-end).
            expire();
            const amount = Math.floor(balance * step.share);
            spent += amount;
            balance -= amount;
          } else if (step.kind === 'expire') expire();
          else today += step.days;
          const total = earned.reduce((s, l) => s + l.points, 0);
          expect(balance).toBeGreaterThanOrEqual(0);
          expect(expired).toBeLessThanOrEqual(total - spent);
          expect(balance).toBe(total - spent - expired);
        }
        // Unspent points still inside their validity never expire.
        const live = earned.filter((l) => l.expiresOn > day(today)).reduce((s, l) => s + l.points, 0);
        expire();
        expect(balance).toBeLessThanOrEqual(live);
      }),
    );
  });
});
