import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  errorOf,
  loginHeaders,
  PASSWORD,
  startTestApp,
  type TestApp,
} from '../../../test/api/support';
import { testDialects } from '../../kernel/db/test-databases';
import { silentProgress } from '../../kernel/progress';
import { DEMO_PASSWORD, seedCity } from '../../seed';
import type { Farm } from '../registry';
import { previousMonth } from './close-fixtures';

describe.each(testDialects)('farm carbon-neutral accounts on %s', (dialect) => {
  let t: TestApp;
  let farm: Farm;
  let other: Farm;
  const year = Number(previousMonth().slice(0, 4));
  const as = async (username: string) =>
    username.startsWith('officer-') || username === 'auditor' || username === 'resident'
      ? loginHeaders(t.app, username, DEMO_PASSWORD)
      : bearer(await t.login(username));
  const record = async (username: string, payload: unknown, id = farm.id) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/carbon/farms/${id}/inputs`,
      payload: payload as object,
      headers: { ...(await as(username)), 'accept-language': 'en' },
    });
  const read = async (username: string, query = '', id = farm.id) =>
    t.app.inject({ url: `/api/v1/carbon/farms/${id}/account${query}`, headers: await as(username) });

  beforeAll(async () => {
    t = await startTestApp(dialect, { users: [] });
    await seedCity(t.platform, {
      scale: 'demo',
      seed: 3,
      sizes: { residents: 2_000, enterprises: 20, familyFarmsPerResident: 0.01 },
      progress: silentProgress,
    });
    const farms = await t.platform.registry.farmsAfter({ limit: 1_000 });
    farm = farms.find((f) => f.operatorType === 'resident')!;
    other = farms.find((f) => f.divisionCode.slice(0, 6) !== farm.divisionCode.slice(0, 6))!;
    const users = [
      {
        username: 'farmer',
        role: 'resident' as const,
        subjectId: farm.operatorId,
        divisionCode: farm.divisionCode,
      },
      {
        username: 'collective',
        role: 'collective' as const,
        subjectId: farm.divisionCode,
        divisionCode: farm.divisionCode,
      },
      {
        username: 'other-collective',
        role: 'collective' as const,
        subjectId: other.divisionCode,
        divisionCode: other.divisionCode,
      },
    ];
    for (const user of users)
      await t.platform.auth.createUser({ ...user, password: PASSWORD, displayName: user.username }, null);
  }, 120_000);
  afterAll(() => t.dispose());

  const good = {
    year,
    // 100 kg N per mu at most: within bounds for the smallest generated farm (10 mu).
    nitrogenFertilizerKgN: 1_000,
    rice: [{ areaMu: 10, daysFlooded: 100, waterRegime: 'single_drainage' }],
    dieselTonnes: 0.5,
    electricityKWh: 2_000,
    sinks: { strawReturnedMu: 10, forestMu: 1 },
  };

  it('lets the operator record a year’s inputs and answers with the account and factor provenance', async () => {
    const response = await record('farmer', { ...good, nitrogenFertilizerKgN: farm.areaMu * 15 });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ farmId: farm.id, year, status: 'provisional', closedPeriod: null });
    expect(body.inputs).toMatchObject({ dieselTonnes: 0.5, sinks: { strawReturnedMu: 10 } });
    expect(body.account.emissions.map((l: { source: string }) => l.source)).toEqual([
      'fertilizer_n2o',
      'rice_ch4',
      'diesel',
      'electricity',
    ]);
    expect(body.account.netGrams).toBe(body.account.emissionsGrams - body.account.sinksGrams);
    expect(['碳中和', '近零', '减排中']).toContain(body.account.label);
    expect(body.factors.map((f: { id: string }) => f.id)).toContain('ipcc-rice-efc-east-asia-2019');
    expect(body.factors[0]).toMatchObject({ source: expect.any(String), fallback: expect.any(Boolean) });
    const again = (await read('farmer', `?period=${year}-03`)).json();
    expect(again.account).toEqual(body.account);
  });

  it('shows the closed result after the monthly close', async () => {
    await t.platform.carbon.close.run(previousMonth());
    const body = (await read('auditor', `?period=${year}`)).json();
    expect(body).toMatchObject({
      status: previousMonth().endsWith('-12') ? 'final' : 'closed',
      closedPeriod: previousMonth(),
    });
  });

  it('keeps a year final when an earlier month of it is closed again', async () => {
    const farms = t.platform.carbon.farms;
    await farms.closeYear({ year, period: `${year}-12`, runId: 'december', final: true });
    expect((await read('auditor', `?period=${year}`)).json().status).toBe('final');
    await farms.closeYear({ year, period: `${year}-06`, runId: 're-close-june', final: false });
    expect((await read('auditor', `?period=${year}`)).json().status).toBe('final');
  });

  it('refuses negative, absurd and unknown inputs with a clear 422', async () => {
    const negative = await record('farmer', { ...good, dieselTonnes: -2 });
    expect(negative.statusCode).toBe(422);
    expect(errorOf(negative).details).toEqual([
      { path: 'body.dieselTonnes', message: 'Amount cannot be negative (got -2)' },
    ]);
    const absurd = await record('farmer', { ...good, livestock: { dairy_cattle: farm.areaMu * 1_000 } });
    expect(absurd.statusCode).toBe(422);
    expect(errorOf(absurd).details[0]).toMatchObject({ path: 'body.livestock.dairy_cattle' });
    expect(errorOf(absurd).details[0]!.message).toContain(`${farm.areaMu} mu`);
    const unknown = await record('farmer', { ...good, sinks: { forestMu: 1, wetlandMu: 3 } });
    expect(unknown.statusCode).toBe(422);
    expect(errorOf(unknown).code).toBe('UNKNOWN_FIELD');
    const topLevel = await record('farmer', { ...good, cows: 3 });
    expect(errorOf(topLevel).code).toBe('UNKNOWN_FIELD');
    const future = await record('farmer', { ...good, year: year + 2 });
    expect(future.statusCode).toBe(422);
    expect(errorOf(future).code).toBe('FARM_YEAR_INVALID');
    const notNumber = await record('farmer', { ...good, electricityKWh: '2000' });
    expect(notNumber.statusCode).toBe(422);
    // Nothing of the refused inputs was stored.
    expect((await read('farmer', `?period=${year}`)).json().inputs.dieselTonnes).toBe(0.5);
  });

  it('lets the village collective and the county agriculture officer record, not other officers', async () => {
    const county = farm.divisionCode.slice(0, 6);
    expect((await record('collective', good)).statusCode).toBe(200);
    expect((await record(`officer-${county}-agriculture`, good)).statusCode).toBe(200);
    expect((await record('officer-330800-agriculture', good)).statusCode).toBe(200);
    expect((await record(`officer-${county}-economy`, good)).statusCode).toBe(403);
    expect((await record('other-collective', good)).statusCode).toBe(403);
    expect((await record('auditor', good)).statusCode).toBe(403);
    expect((await record('resident', good)).statusCode).toBe(403);
    const otherCounty = ['330802', '330803', '330822', '330824', '330825', '330881'].find(
      (c) => c !== county,
    )!;
    expect((await record(`officer-${otherCounty}-agriculture`, good)).statusCode).toBe(403);
  });

  it('lets the operator, collective, agriculture officers and auditors read; nobody else', async () => {
    for (const reader of [
      'farmer',
      'collective',
      `officer-${farm.divisionCode.slice(0, 6)}-agriculture`,
      'auditor',
    ])
      expect((await read(reader)).statusCode).toBe(200);
    for (const reader of ['other-collective', 'resident', 'officer-330800-economy'])
      expect((await read(reader)).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/carbon/farms/${farm.id}/account` })).statusCode).toBe(401);
  });

  it('answers 404 for an unknown farm to those who could read it, 403 to others', async () => {
    expect((await read('auditor', '', 999_999)).statusCode).toBe(404);
    expect((await record('officer-330800-agriculture', good, 999_999)).statusCode).toBe(403);
    expect((await read('auditor', '?period=26')).statusCode).toBe(422);
  });
});
