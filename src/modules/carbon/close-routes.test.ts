import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, loginHeaders, startTestApp, type TestApp } from '../../../test/api/support';
import { testDialects } from '../../kernel/db/test-databases';
import { silentProgress } from '../../kernel/progress';
import { DEMO_PASSWORD, seedCity } from '../../seed';
import { plantEvents, previousMonth } from './close-fixtures';

const period = previousMonth();

describe.each(testDialects)('monthly close routes on %s', (dialect) => {
  let t: TestApp;
  let county: string;
  const get = async (url: string, username?: string) =>
    t.app.inject({
      url: `/api/v1/carbon/close${url}`,
      headers: username
        ? { ...(await loginHeaders(t.app, username, DEMO_PASSWORD)), 'accept-language': 'en' }
        : {},
    });

  beforeAll(async () => {
    t = await startTestApp(dialect, { users: [] });
    await seedCity(t.platform, {
      scale: 'demo',
      seed: 9,
      sizes: { residents: 600, enterprises: 20 },
      progress: silentProgress,
    });
    const residents = await t.platform.registry.residentsAfter({ limit: 600 });
    const first = residents[0]!;
    county = first.divisionCode.slice(0, 6);
    const elsewhere = residents.find((r) => r.divisionCode.slice(0, 6) !== county)!;
    await plantEvents(t.platform, [
      { subjectId: first.residentId, day: `${period}-05`, grams: 1000, points: 100, expiresOn: '2028-01-01' },
      {
        subjectId: elsewhere.residentId,
        day: `${period}-06`,
        grams: 3000,
        points: 300,
        expiresOn: '2028-01-01',
      },
    ]);
  }, 120_000);
  afterAll(() => t.dispose());

  it('answers 404 with the command to run before the month is closed', async () => {
    const response = await get(`/${period}/statistics`, 'officer');
    expect(response.statusCode).toBe(404);
    expect(errorOf(response)).toMatchObject({ code: 'CLOSE_NOT_RUN' });
    expect(errorOf(response).message).toContain(`sanqu carbon close --period ${period}`);
  });

  it('gives city officers, auditors and admins the city statistics', async () => {
    await t.platform.carbon.close.run(period);
    for (const reader of ['officer', 'officer-330800-ecology', 'auditor', 'admin']) {
      const response = await get(`/${period}/statistics`, reader);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        period,
        countyCode: null,
        personal: { residents: 2, grams: 4000, points: 400 },
      });
    }
    const body = (await get(`/${period}/statistics`, 'officer')).json();
    expect(body.personal.byCounty).toHaveLength(2);
    expect(body.labels.farms).toHaveProperty('碳中和');
    expect(body.expiry).toMatchObject({ points: 0 });
  });

  it('gives a county officer their county only, and refuses other counties', async () => {
    const mine = `officer-${county}-economy`;
    const body = (await get(`/${period}/statistics`, mine)).json();
    expect(body).toMatchObject({ countyCode: county, emissionsByIndustry: null, expiry: null });
    expect(body.personal).toMatchObject({ residents: 1, grams: 1000, points: 100 });
    expect(body.personal.byCounty.map((c: { countyCode: string }) => c.countyCode)).toEqual([county]);
    expect((await get(`/${period}/statistics?county=${county}`, 'officer')).json().countyCode).toBe(county);
    const otherCounty = ['330802', '330803', '330822', '330824', '330825', '330881'].find(
      (c) => c !== county,
    )!;
    expect((await get(`/${period}/statistics?county=${otherCounty}`, mine)).statusCode).toBe(403);
  });

  it('refuses residents, enterprises, banks and anonymous callers; validates the period', async () => {
    for (const reader of ['resident', 'enterprise', 'bank', 'village'])
      expect((await get(`/${period}/statistics`, reader)).statusCode).toBe(403);
    expect((await get(`/${period}/statistics`)).statusCode).toBe(401);
    expect((await get('/2026-13/statistics', 'officer')).statusCode).toBe(422);
    expect((await get(`/${period}/statistics?extra=1`, 'officer')).statusCode).toBe(422);
  });

  it('lists runs, newest first', async () => {
    await t.platform.carbon.close.run(period);
    const response = await get(`/runs?period=${period}`, 'officer-changshan');
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      period,
      status: 'succeeded',
      residents: 2,
      process: expect.stringContaining(':'),
    });
    expect(items[0].startedAt >= items[1].startedAt).toBe(true);
    expect((await get('/runs', 'resident')).statusCode).toBe(403);
  });
});
