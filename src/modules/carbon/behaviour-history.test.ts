import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, loginHeaders, startTestApp, type TestApp } from '../../../test/api/support';
import { testDialects } from '../../kernel/db/test-databases';
import { silentProgress } from '../../kernel/progress';
import { DEMO_PASSWORD, seedCity } from '../../seed';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

describe.each(testDialects)('carbon behaviour history on %s', (dialect) => {
  let t: TestApp;
  let resident: string;
  let accountNo: string;
  let county: string;
  const login = (username: string) => loginHeaders(t.app, username, DEMO_PASSWORD);
  const get = async (url: string, username: string) => t.app.inject({ url, headers: await login(username) });

  beforeAll(async () => {
    t = await startTestApp(dialect, { users: [] });
    await seedCity(t.platform, {
      scale: 'demo',
      seed: 7,
      sizes: { residents: 300, enterprises: 10 },
      progress: silentProgress,
    });
    resident = (await t.platform.auth.findByUsername('resident'))!.subjectId!;
    const [account] = await t.platform.carbon.accounts.accountsOf('resident', resident);
    accountNo = account!.accountNo;
    county = account!.countyCode!;
    const officer = (await t.platform.auth.findByUsername('officer-330800-ecology'))!;
    // Five events at distinct times (two in the same instant: the keyset must still order them), one reversed.
    const at = hoursAgo(3);
    const events = [
      { eventId: 'h1', behaviour: 'bus_trip', amount: 1, occurredAt: hoursAgo(5) },
      { eventId: 'h2', behaviour: 'metro_km', amount: 10, occurredAt: hoursAgo(4) },
      { eventId: 'h3', behaviour: 'paperless_bill', amount: 1, occurredAt: at },
      { eventId: 'h4', behaviour: 'bus_trip', amount: 1, occurredAt: at },
      { eventId: 'h5', behaviour: 'clothes_donation_kg', amount: 1, occurredAt: hoursAgo(1) },
    ].map((e) => ({ ...e, subjectId: resident }));
    await t.platform.carbon.behaviours.ingest(events, officer, 'zh-CN');
    await t.platform.carbon.reversals.reverse('user:officer-330800-ecology', 'h1', officer);
  }, 120_000);
  afterAll(() => t.dispose());

  it('pages the resident’s own events newest first with names, units, grams, points and flags', async () => {
    const first = await get('/api/v1/carbon/behaviours/me?limit=2', 'resident');
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((i: { eventId: string }) => i.eventId)).toEqual(['h5', 'h4']);
    expect(page1.items[0]).toMatchObject({
      behaviour: 'clothes_donation_kg',
      name: { zh: expect.any(String), en: expect.any(String) },
      amount: 1,
      unit: 'kg',
      reversed: false,
      pending: false,
      capped: false,
    });
    expect(page1.items[0].points).toBeGreaterThan(0);
    expect(page1.items[0].grams).toBeGreaterThan(0);
    const page2 = (await get(`/api/v1/carbon/behaviours/me?limit=2&cursor=${page1.next}`, 'resident')).json();
    expect(page2.items.map((i: { eventId: string }) => i.eventId)).toEqual(['h3', 'h2']);
    const page3 = (await get(`/api/v1/carbon/behaviours/me?limit=2&cursor=${page2.next}`, 'resident')).json();
    expect(page3.items.map((i: { eventId: string }) => i.eventId)).toEqual(['h1']);
    expect(page3.items[0].reversed).toBe(true);
    expect(page3.next).toBeNull();
  });

  it('shows new points as pending until the crediting step has run', async () => {
    // The app's background worker would credit them about a second later, racing this test on a slow machine.
    await t.platform.carbon.behaviours.stopCrediting();
    const officer = (await t.platform.auth.findByUsername('officer-330800-ecology'))!;
    await t.platform.carbon.behaviours.ingest(
      [
        {
          eventId: 'h6',
          subjectId: resident,
          behaviour: 'walking_1000_steps',
          amount: 5,
          occurredAt: hoursAgo(0.5),
        },
      ],
      officer,
      'zh-CN',
    );
    const newest = async () =>
      (await get('/api/v1/carbon/behaviours/me?limit=1', 'resident')).json().items[0];
    expect(await newest()).toMatchObject({ eventId: 'h6', pending: true });
    await t.platform.carbon.behaviours.creditPending();
    expect(await newest()).toMatchObject({ eventId: 'h6', pending: false });
    t.platform.carbon.behaviours.startCrediting();
  });

  it('sums this month and all time by behaviour, without reversed events', async () => {
    const response = await get('/api/v1/carbon/behaviours/me/summary', 'resident');
    expect(response.statusCode).toBe(200);
    const summary = response.json();
    const page = (await get('/api/v1/carbon/behaviours/me?limit=100', 'resident')).json().items as {
      behaviour: string;
      grams: number;
      points: number;
      reversed: boolean;
    }[];
    const counted = page.filter((i) => !i.reversed);
    expect(summary.allTime).toMatchObject({
      events: counted.length,
      grams: counted.reduce((n, i) => n + i.grams, 0),
      points: counted.reduce((n, i) => n + i.points, 0),
    });
    expect(
      summary.allTime.byBehaviour.find((b: { behaviour: string }) => b.behaviour === 'bus_trip').events,
    ).toBe(1);
    expect(summary.month).toMatch(/^\d{4}-\d{2}$/);
    expect(summary.thisMonth.events).toBeLessThanOrEqual(summary.allTime.events);
  });

  it('lets ecology officers of the resident’s county read the history by account number; nobody else', async () => {
    const url = `/api/v1/carbon/accounts/${accountNo}/behaviours`;
    const officer = await get(url, `officer-${county}-ecology`);
    expect(officer.statusCode).toBe(200);
    expect(officer.json().items.length).toBeGreaterThan(0);
    expect((await get(url, 'officer-330800-ecology')).statusCode).toBe(200);
    expect((await get(url, 'resident')).statusCode).toBe(200);
    // Where a person travelled is not for every office of the county or the city.
    expect((await get(url, 'officer')).statusCode).toBe(403);
    expect((await get(url, `officer-${county}-market`)).statusCode).toBe(403);
    const otherCounty = county === '330822' ? '330824' : '330822';
    expect((await get(url, `officer-${otherCounty}-ecology`)).statusCode).toBe(403);
    expect((await get(url, 'enterprise')).statusCode).toBe(403);
    expect((await t.app.inject({ url })).statusCode).toBe(401);
    // An unknown number is a 404 only to readers of every account; others learn no more than from a 403.
    const unknown = '/api/v1/carbon/accounts/HL-330822-9999999/behaviours';
    expect((await get(unknown, 'auditor')).statusCode).toBe(404);
    expect((await get(unknown, 'officer')).statusCode).toBe(403);
  });

  it('refuses the own-history routes to non-residents, and a forged cursor', async () => {
    expect((await get('/api/v1/carbon/behaviours/me', 'officer')).statusCode).toBe(403);
    expect((await get('/api/v1/carbon/behaviours/me/summary', 'enterprise')).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/carbon/behaviours/me' })).statusCode).toBe(401);
    const forged = await get('/api/v1/carbon/behaviours/me?cursor=bm9wZQ', 'resident');
    expect(forged.statusCode).toBe(422);
    expect(errorOf(forged).code).toBe('INVALID_CURSOR');
    expect((await get('/api/v1/carbon/behaviours/me?limit=101', 'resident')).statusCode).toBe(422);
  });
});
