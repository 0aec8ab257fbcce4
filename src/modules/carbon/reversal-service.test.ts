import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/api/support';
import type { Actor } from '../../kernel/auth';
import { tablesOf } from '../../kernel/db';
import { testDialects } from '../../kernel/db/test-databases';
import { silentProgress } from '../../kernel/progress';
import { seedCity } from '../../seed';
import type { CarbonTables } from './carbon.tables';
import { plantEvents } from './close-fixtures';
import { walletOf } from './points-accounts';
import { createCarbonReversalService } from './reversal-service';

const officer: Actor = {
  id: 'officer-test',
  username: 'officer-test',
  displayName: 'officer',
  role: 'officer',
  department: 'ecology',
  divisionCode: '330800',
  subjectId: null,
};

describe.each(testDialects)('reversal of expired points on %s', (dialect) => {
  let t: TestApp;
  let a: string;
  let b: string;
  const wallet = async (residentId: string) => {
    const [account] = await t.platform.carbon.accounts.accountsOf('resident', residentId);
    return t.platform.ledger.balance(walletOf(account!.accountNo));
  };
  /** The planted event of `subjectId` that expires on `expiresOn`, as [source, eventId]. */
  const eventOf = async (subjectId: string, expiresOn: string): Promise<[string, string]> => {
    const row = await tablesOf<CarbonTables>(t.platform.database.db)
      .selectFrom('carbon_behaviour_events')
      .select(['source', 'event_id'])
      .where('subject_id', '=', subjectId)
      .where('expires_on', '=', expiresOn)
      .executeTakeFirstOrThrow();
    return [row.source, row.event_id];
  };

  beforeAll(async () => {
    t = await startTestApp(dialect, { users: [] });
    await seedCity(t.platform, {
      scale: 'demo',
      seed: 12,
      sizes: { residents: 30, enterprises: 2 },
      progress: silentProgress,
    });
    [a, b] = (await t.platform.registry.residentsAfter({ limit: 2 })).map((r) => r.residentId) as [
      string,
      string,
    ];
    await plantEvents(t.platform, [
      { subjectId: a, day: '2024-01-10', grams: 3000, points: 300, expiresOn: '2026-01-10' },
      { subjectId: a, day: '2026-10-05', grams: 4000, points: 400, expiresOn: '2028-10-05' },
      { subjectId: b, day: '2024-06-01', grams: 2000, points: 200, expiresOn: '2026-06-01' },
      { subjectId: b, day: '2026-10-06', grams: 4000, points: 400, expiresOn: '2028-10-06' },
    ]);
  }, 120_000);
  afterAll(() => t.dispose());

  it('refuses to reverse an event whose expiry day has passed, leaving the valid points alone', async () => {
    expect(await wallet(a)).toBe(700);
    const [source, eventId] = await eventOf(a, '2026-01-10');
    await expect(t.platform.carbon.reversals.reverse(source, eventId, officer)).rejects.toMatchObject({
      status: 409,
      code: 'BEHAVIOUR_POINTS_EXPIRED',
    });
    expect(await wallet(a)).toBe(700);
    // A lot still valid is reversed as before.
    const [validSource, validId] = await eventOf(a, '2028-10-05');
    expect(await t.platform.carbon.reversals.reverse(validSource, validId, officer)).toMatchObject({
      points: 400,
      alreadyReversed: false,
    });
    expect(await wallet(a)).toBe(300);
  });

  it('refuses once an expiry has been posted through the event, whatever the clock says', async () => {
    await t.platform.carbon.points.expire('2026-06-30');
    expect(await wallet(b)).toBe(400);
    const [source, eventId] = await eventOf(b, '2026-06-01');
    const before = createCarbonReversalService(
      t.platform.database,
      t.platform.audit,
      t.platform.ledger,
      () => new Date('2026-05-01T00:00:00Z'),
    );
    await expect(before.reverse(source, eventId, officer)).rejects.toMatchObject({
      status: 409,
      code: 'BEHAVIOUR_POINTS_EXPIRED',
    });
    expect(await wallet(b)).toBe(400);
    expect((await t.platform.ledger.trialBalance()).find((r) => r.currency === 'POINTS')).toMatchObject({
      total: 0,
      accountsOutOfLine: 0,
    });
  });
});
