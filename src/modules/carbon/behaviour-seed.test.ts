import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDialects } from '../../kernel/db/test-databases';
import { silentProgress } from '../../kernel/progress';
import { type Platform, preparePlatform } from '../../platform';
import { seedCity } from '../../seed';
import { generateBehaviourMonth, seedBehaviourEvents } from './behaviour-seed';

describe.each(testDialects)('behaviour seed on %s', (dialect) => {
  let database: TestDatabase;
  let platform: Platform;
  const stats = async () =>
    (
      await sql<{ events: number; residents: number; points: number; sources: number }>`
        select count(*) as events, count(distinct subject_id) as residents, coalesce(sum(points), 0) as points,
               count(distinct source) as sources
        from carbon_behaviour_events`.execute(platform.database.db)
    ).rows.map((r) => ({
      ...r,
      events: Number(r.events),
      residents: Number(r.residents),
      points: Number(r.points),
    }))[0]!;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    platform = await preparePlatform(database);
    // A city of custom size gets no behaviour events from seedCity (tests plant their own) …
    await seedCity(platform, {
      scale: 'demo',
      seed: 9,
      sizes: { residents: 400, enterprises: 10 },
      progress: silentProgress,
    });
  }, 120_000);
  afterAll(() => database.dispose());

  it('gives most residents a few events through the service, credited to their wallets', async () => {
    expect((await stats()).events).toBe(0);
    // … the demo city does.
    await seedBehaviourEvents({ platform, scale: 'demo', seed: 9, progress: silentProgress });
    const seeded = await stats();
    expect(seeded.residents).toBeGreaterThan(200);
    expect(seeded.events).toBeGreaterThan(seeded.residents);
    const issued = (await platform.ledger.trialBalance()).find((r) => r.currency === 'POINTS');
    expect(issued).toEqual({ currency: 'POINTS', total: 0, accountsOutOfLine: 0 });
    const pending = await sql<{ n: number }>`
      select count(*) as n from carbon_behaviour_batches where credited_at is null`.execute(
      platform.database.db,
    );
    expect(Number(pending.rows[0]!.n)).toBe(0);
    // Seeding again sends the same event ids: nothing counts twice.
    await seedBehaviourEvents({ platform, scale: 'demo', seed: 9, progress: silentProgress });
    expect(await stats()).toEqual(seeded);
  });

  it('generates a month in bulk with real points, once', async () => {
    const before = await stats();
    await generateBehaviourMonth(platform, 9);
    const after = await stats();
    expect(after.events).toBeGreaterThan(before.events);
    expect(after.sources).toBe(before.sources + 1);
    await generateBehaviourMonth(platform, 9);
    expect(await stats()).toEqual(after);
    expect((await platform.ledger.trialBalance()).find((r) => r.currency === 'POINTS')).toMatchObject({
      total: 0,
      accountsOutOfLine: 0,
    });
    expect(await platform.audit.verify()).toMatchObject({ ok: true });
  });
});
