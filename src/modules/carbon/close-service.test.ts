import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/api/support';
import { tablesOf } from '../../kernel/db';
import { testDialects } from '../../kernel/db/test-databases';
import { silentProgress } from '../../kernel/progress';
import { seedCity } from '../../seed';
import type { CarbonTables } from './carbon.tables';
import { plantEvents, previousMonth } from './close-fixtures';
import { createCarbonCloseService } from './close-service';
import type { CarbonFarmService } from './farm-service';
import { shanghaiMonth } from './periods';

const period = previousMonth();
const before = previousMonth(new Date(`${period}-15T00:00:00+08:00`));

describe.each(testDialects)('monthly close on %s', (dialect) => {
  let t: TestApp;
  let residents: string[];
  const db = () => tablesOf<CarbonTables>(t.platform.database.db);
  const results = () =>
    db()
      .selectFrom('carbon_personal_results')
      .select(['subject_id', 'county_code', 'events', 'grams', 'points'])
      .where('period', '=', period)
      .orderBy('subject_id')
      .execute()
      .then((rows) =>
        rows.map((r) => ({
          ...r,
          events: Number(r.events),
          grams: Number(r.grams),
          points: Number(r.points),
        })),
      );

  beforeAll(async () => {
    t = await startTestApp(dialect, { users: [] });
    await seedCity(t.platform, {
      scale: 'demo',
      seed: 7,
      sizes: { residents: 300, enterprises: 20 },
      progress: silentProgress,
    });
    residents = (await t.platform.registry.residentsAfter({ limit: 5 })).map((r) => r.residentId);
    const [r0, r1, r2] = residents as [string, string, string];
    await plantEvents(t.platform, [
      { subjectId: r0, day: `${period}-01`, grams: 1200, points: 120, expiresOn: '2028-10-01' },
      { subjectId: r0, day: `${period}-28`, grams: 800, points: 80, expiresOn: '2028-10-28' },
      { subjectId: r1, day: `${period}-15`, grams: 500, points: 50, expiresOn: '2028-10-15' },
      // Not counted: another month, and a reversed event.
      { subjectId: r1, day: `${before}-20`, grams: 9999, points: 999, expiresOn: '2028-09-20' },
      { subjectId: r2, day: `${period}-03`, grams: 700, points: 70, expiresOn: '2028-10-03', reversed: true },
      // An old lot that runs out inside the closed month: the close expires it.
      { subjectId: r2, day: '2024-01-02', grams: 330, points: 33, expiresOn: `${period}-02` },
    ]);
  }, 120_000);
  afterAll(() => t.dispose());

  it('computes each resident’s month with the sums a bare aggregate gives, and city statistics', async () => {
    const { run, statistics } = await t.platform.carbon.close.run(period, { startedBy: 'test' });
    expect(run).toMatchObject({
      period,
      status: 'succeeded',
      residents: 2,
      startedBy: 'test',
      expiredPoints: 33,
    });
    expect(run.finishedAt).not.toBeNull();
    const rows = await results();
    const bare = await sql<{ subject_id: string; events: number; grams: number; points: number }>`
      select subject_id, count(*) as events, sum(grams) as grams, sum(points) as points
      from carbon_behaviour_events where day between ${`${period}-01`} and ${`${period}-31`} and reversed_at is null
      group by subject_id order by subject_id`.execute(t.platform.database.db);
    expect(rows.map(({ county_code: _, ...r }) => r)).toEqual(
      bare.rows.map((r) => ({
        ...r,
        events: Number(r.events),
        grams: Number(r.grams),
        points: Number(r.points),
      })),
    );
    expect(rows.find((r) => r.subject_id === residents[0])).toMatchObject({
      events: 2,
      grams: 2000,
      points: 200,
    });
    expect(statistics.personal).toMatchObject({ residents: 2, events: 3, grams: 2500, points: 250 });
    expect(statistics.expiry).toEqual({
      asOf: expect.stringMatching(new RegExp(`^${period}-`)),
      residents: 1,
      points: 33,
    });
    const industrial = (t.platform.carbon as { industrial?: { closePeriod?: unknown } }).industrial;
    expect(statistics.enterprisesClosed).toBe(typeof industrial?.closePeriod === 'function');
    // Every seeded farm has inputs for the year, and all of them are plausible.
    const farmCount = (await t.platform.registry.countsByCounty()).reduce((n, c) => n + c.farms, 0);
    expect(run.farms).toBe(farmCount);
    expect(Object.values(statistics.labels.farms).reduce((a, b) => a + b, 0)).toBe(farmCount);
    expect(statistics.emissionsByCounty.reduce((n, c) => n + c.farms, 0)).toBe(farmCount);
    expect(await t.platform.carbon.close.statistics(period)).toEqual(statistics);
  });

  it('is idempotent: a second run gives the same results and a second run row', async () => {
    const first = await results();
    const farms = await db()
      .selectFrom('carbon_farm_results')
      .select(['farm_id', 'net_grams', 'label'])
      .orderBy('farm_id')
      .execute();
    const { statistics } = await t.platform.carbon.close.run(period);
    expect(await results()).toEqual(first);
    expect(
      await db()
        .selectFrom('carbon_farm_results')
        .select(['farm_id', 'net_grams', 'label'])
        .orderBy('farm_id')
        .execute(),
    ).toEqual(farms);
    expect(statistics.personal).toMatchObject({ residents: 2, points: 250 });
    expect(statistics.expiry).toMatchObject({ points: 0 });
    const runs = await t.platform.carbon.close.runs({ period });
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    expect((await t.platform.ledger.trialBalance()).find((r) => r.currency === 'POINTS')).toMatchObject({
      total: 0,
      accountsOutOfLine: 0,
    });
    expect(await t.platform.audit.verify()).toMatchObject({ ok: true });
  });

  it('refuses malformed, current and future periods with a clear error', async () => {
    await expect(t.platform.carbon.close.run('2026-13')).rejects.toMatchObject({
      status: 422,
      code: 'CLOSE_PERIOD_FORMAT',
    });
    const current = shanghaiMonth(new Date());
    const error = (await t.platform.carbon.close.run(current).catch((e: Error) => e)) as Error;
    expect(error).toMatchObject({ status: 422, code: 'CLOSE_PERIOD_NOT_ENDED' });
    expect(error.message).toContain(current);
    await expect(t.platform.carbon.close.run('2999-01')).rejects.toMatchObject({
      code: 'CLOSE_PERIOD_NOT_ENDED',
    });
  });

  it('refuses to start while a run of the period is going, but not after a stale one', async () => {
    const row = {
      period: before,
      status: 'running',
      finished_at: null,
      started_by: 'other',
      process: 'elsewhere:1',
      residents: 0,
      enterprises: 0,
      farms: 0,
      expired_points: 0,
      statistics: null,
      error: null,
    };
    await db()
      .insertInto('carbon_close_runs')
      .values({ ...row, id: 'stale', started_at: '2020-01-01T00:00:00.000Z' })
      .execute();
    await db()
      .insertInto('carbon_close_runs')
      .values({ ...row, id: 'live', started_at: new Date().toISOString() })
      .execute();
    await expect(t.platform.carbon.close.run(before)).rejects.toMatchObject({
      status: 409,
      code: 'CLOSE_RUNNING',
    });
    await db().deleteFrom('carbon_close_runs').where('id', '=', 'live').execute();
    expect((await t.platform.carbon.close.run(before)).run.status).toBe('succeeded');
  });

  it('credits points still pending in the wallets before it expires any', async () => {
    const calls: string[] = [];
    const { behaviours, points, farms } = t.platform.carbon;
    const close = createCarbonCloseService(t.platform.database, t.platform.audit, {
      behaviours: {
        creditPending: async () => {
          calls.push('credit');
          return behaviours.creditPending();
        },
      },
      points: {
        ...points,
        expire: async (...args: Parameters<typeof points.expire>) => {
          calls.push('expire');
          return points.expire(...args);
        },
      },
      farms,
    });
    expect((await close.run(period)).run.status).toBe('succeeded');
    expect(calls).toEqual(['credit', 'expire']);
  });

  it('records a failed run and rethrows', async () => {
    const failing = createCarbonCloseService(t.platform.database, t.platform.audit, {
      behaviours: t.platform.carbon.behaviours,
      points: t.platform.carbon.points,
      farms: {
        closeYear: async () => {
          throw new Error('farm factors unavailable');
        },
      } as unknown as CarbonFarmService,
    });
    await expect(failing.run(period)).rejects.toThrow('farm factors unavailable');
    const [latest] = await failing.runs({ period, limit: 1 });
    expect(latest).toMatchObject({ status: 'failed', error: 'farm factors unavailable' });
    // The failed run leaves the last good statistics readable.
    expect((await t.platform.carbon.close.statistics(period))?.personal.points).toBe(250);
  });

  it('closes enterprises through the industrial close when the service has one', async () => {
    const withIndustry = createCarbonCloseService(t.platform.database, t.platform.audit, {
      behaviours: t.platform.carbon.behaviours,
      points: t.platform.carbon.points,
      farms: t.platform.carbon.farms,
      industrial: {
        closePeriod: async (p: string, runId: string) => {
          expect([p, typeof runId]).toEqual([period, 'string']);
          return {
            enterprises: 3,
            byCounty: { '330822': { enterprises: 3, grams: 7_000_000, tonnes: 7, valueAdded: 10 } },
            byIndustry: {
              C2221: { enterprises: 3, grams: 7_000_000, tonnes: 7, valueAdded: 10, industryAverage: 0.7 },
            },
            labels: { 深绿: 1, 浅绿: 1, 黄: 1, 红: 0 },
            unlabelled: 0,
          };
        },
      },
    });
    const { run, statistics } = await withIndustry.run(period);
    expect(run.enterprises).toBe(3);
    expect(statistics.enterprisesClosed).toBe(true);
    expect(statistics.emissionsByCounty.find((c) => c.countyCode === '330822')).toMatchObject({
      enterprises: 3,
      enterpriseGrams: 7_000_000,
    });
    expect(statistics.emissionsByIndustry).toEqual([
      { industryCode: 'C2221', enterprises: 3, grams: 7_000_000, industryAverage: 0.7 },
    ]);
    expect(statistics.labels.enterprises).toEqual({ 深绿: 1, 浅绿: 1, 黄: 1, 红: 0 });
  });
});
