import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/api/support';
import type { Actor } from '../../kernel/auth';
import { testDialects } from '../../kernel/db/test-databases';
import { AppError } from '../../kernel/errors';
import { silentProgress } from '../../kernel/progress';
import { seedCity } from '../../seed';
import { plantEvents } from './close-fixtures';
import { walletOf } from './points-accounts';

describe.each(testDialects)('points expiry on %s', (dialect) => {
  let t: TestApp;
  let a: string;
  let b: string;
  const wallet = async (residentId: string) => {
    const [account] = await t.platform.carbon.accounts.accountsOf('resident', residentId);
    return t.platform.ledger.balance(walletOf(account!.accountNo));
  };
  const residentActor = (residentId: string): Actor => ({
    id: `resident:${residentId}`,
    username: 'resident',
    displayName: 'resident',
    role: 'resident',
    department: null,
    divisionCode: null,
    subjectId: residentId,
  });

  beforeAll(async () => {
    t = await startTestApp(dialect, { users: [] });
    await seedCity(t.platform, {
      scale: 'demo',
      seed: 11,
      sizes: { residents: 200, enterprises: 10 },
      progress: silentProgress,
    });
    [a, b] = (await t.platform.registry.residentsAfter({ limit: 2 })).map((r) => r.residentId) as [
      string,
      string,
    ];
    await plantEvents(t.platform, [
      { subjectId: a, day: '2024-01-10', grams: 3000, points: 300, expiresOn: '2026-01-10' },
      { subjectId: a, day: '2024-06-01', grams: 2000, points: 200, expiresOn: '2026-06-01' },
      { subjectId: a, day: '2026-10-05', grams: 4000, points: 400, expiresOn: '2028-10-05' },
      { subjectId: a, day: '2024-01-11', grams: 1000, points: 100, expiresOn: '2026-01-11', reversed: true },
      { subjectId: b, day: '2024-02-01', grams: 500, points: 50, expiresOn: '2026-02-01' },
    ]);
    // a spends 150 points: FIFO takes them from the oldest lot.
    await t.platform.carbon.rewards.redeem(
      { residentId: a, rewardCode: 'bus_ride_voucher', quantity: 1, idempotencyKey: 'expiry-test-1' },
      residentActor(a),
      'en',
    );
  }, 120_000);
  afterAll(() => t.dispose());

  it('expires only what is left of the lots that ran out, once', async () => {
    expect(await wallet(a)).toBe(750);
    const first = await t.platform.carbon.points.expire('2026-03-31');
    expect(first).toEqual({ asOf: '2026-03-31', residents: 2, points: 150 + 50 });
    expect(await wallet(a)).toBe(600);
    expect(await wallet(b)).toBe(0);
    expect(await t.platform.carbon.points.expire('2026-03-31')).toEqual({
      asOf: '2026-03-31',
      residents: 0,
      points: 0,
    });
    expect(await t.platform.carbon.points.expiredOf(a)).toBe(150);
  });

  it('looks only at lots that ran out after `since`, and later lots in turn', async () => {
    expect(await t.platform.carbon.points.expire('2026-05-31', { since: '2026-04-30' })).toMatchObject({
      points: 0,
    });
    expect(await t.platform.carbon.points.expire('2026-06-30', { since: '2026-05-31' })).toEqual({
      asOf: '2026-06-30',
      residents: 1,
      points: 200,
    });
    // What is left is the lot still valid until 2028.
    expect(await wallet(a)).toBe(400);
    expect(await t.platform.carbon.points.expire('2026-06-30')).toMatchObject({ points: 0 });
  });

  it('keeps the points ledger balanced and the audit chain intact', async () => {
    expect((await t.platform.ledger.trialBalance()).find((r) => r.currency === 'POINTS')).toEqual({
      currency: 'POINTS',
      total: 0,
      accountsOutOfLine: 0,
    });
    expect(await t.platform.audit.verify()).toMatchObject({ ok: true });
  });

  it('refuses a future or malformed date', async () => {
    await expect(t.platform.carbon.points.expire('2999-01-01')).rejects.toMatchObject({
      status: 422,
      code: 'EXPIRY_IN_FUTURE',
    });
    const bad = await t.platform.carbon.points.expire('2026-02-30x').catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(AppError);
    expect((bad as AppError).code).toBe('INVALID_DATE');
  });
});
