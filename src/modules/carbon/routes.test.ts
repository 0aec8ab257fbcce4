import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, loginHeaders, startTestApp, type TestApp } from '../../../test/api/support';
import { testDialects } from '../../kernel/db/test-databases';
import { silentProgress } from '../../kernel/progress';
import { DEMO_PASSWORD, seedCity } from '../../seed';

describe.each(testDialects)('carbon accounts on %s', (dialect) => {
  let t: TestApp;
  const login = (username: string) => loginHeaders(t.app, username, DEMO_PASSWORD);

  beforeAll(async () => {
    t = await startTestApp(dialect, { users: [] });
    await seedCity(t.platform, {
      scale: 'demo',
      seed: 11,
      sizes: { residents: 400, enterprises: 40 },
      progress: silentProgress,
    });
  }, 120_000);
  afterAll(() => t.dispose());

  it('opens one account per seeded resident, enterprise and farm', async () => {
    const counts = await t.platform.registry.countsByCounty();
    const subjects = counts.reduce((n, c) => n + c.residents + c.enterprises + c.farms, 0);
    expect(await t.platform.carbon.accounts.count()).toBe(subjects);
    expect(await t.platform.carbon.accounts.openForRegistry(silentProgress)).toBe(0);
  });

  it('opening an account again returns the same one', async () => {
    const resident = await t.platform.auth.findByUsername('resident');
    const [account] = await t.platform.carbon.accounts.accountsOf('resident', resident!.subjectId!);
    const again = await t.platform.carbon.accounts.open(
      'resident',
      resident!.subjectId!,
      account!.countyCode!,
      null,
    );
    expect(again).toEqual(account);
  });

  it('numbers new accounts in sequence per county, without duplicates under concurrency', async () => {
    const subjects = ['330822200001010011', '330822200001010027', '330822200001010035', '330822200001010043'];
    const opened = await Promise.all(
      [...subjects, subjects[0]!].map((id) =>
        t.platform.carbon.accounts.open('resident', id, '330822', null),
      ),
    );
    const numbers = new Set(opened.map((a) => a.accountNo));
    expect(numbers.size).toBe(subjects.length);
    const sequences = [...numbers].map((n) => Number(n.slice(-7))).sort((a, b) => a - b);
    expect(sequences[sequences.length - 1]! - sequences[0]!).toBe(subjects.length - 1);
    expect(await t.platform.audit.verify()).toMatchObject({ ok: true });
  });

  it('shows residents and enterprises their own accounts', async () => {
    const mine = await t.app.inject({ url: '/api/v1/carbon/accounts/me', headers: await login('resident') });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toHaveLength(1);
    expect(mine.json().items[0]).toMatchObject({ subjectType: 'resident', domain: 'household_life' });
    const firm = await t.app.inject({
      url: '/api/v1/carbon/accounts/me',
      headers: await login('enterprise'),
    });
    expect(firm.json().items[0]).toMatchObject({ subjectType: 'enterprise', domain: 'industry' });
  });

  it('answers 401 without login and 403 for a role with no carbon subject', async () => {
    expect((await t.app.inject({ url: '/api/v1/carbon/accounts/me' })).statusCode).toBe(401);
    const officer = await t.app.inject({
      url: '/api/v1/carbon/accounts/me',
      headers: await login('officer'),
    });
    expect(officer.statusCode).toBe(403);
    expect(errorOf(officer).code).toBe('NO_CARBON_SUBJECT');
  });

  it('lets officers read accounts in their jurisdiction only, with the ID number masked', async () => {
    const resident = await t.platform.auth.findByUsername('resident');
    const [account] = await t.platform.carbon.accounts.accountsOf('resident', resident!.subjectId!);
    const url = `/api/v1/carbon/accounts/${account!.accountNo}`;
    const own = await t.app.inject({ url, headers: await login('resident') });
    expect(own.json().subjectId).toBe(resident!.subjectId);
    const city = await t.app.inject({ url, headers: await login('officer') });
    expect(city.statusCode).toBe(200);
    expect(city.json().subjectId).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const county = account!.countyCode === '330822' ? 'officer-330881-ecology' : 'officer-changshan';
    expect((await t.app.inject({ url, headers: await login(county) })).statusCode).toBe(403);
    expect((await t.app.inject({ url, headers: await login('enterprise') })).statusCode).toBe(403);
  });

  it('answers 404 for an unknown account to those who may look, 422 for a malformed number', async () => {
    expect(
      (
        await t.app.inject({
          url: '/api/v1/carbon/accounts/HL-330822-9999999',
          headers: await login('auditor'),
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ url: '/api/v1/carbon/accounts/nope', headers: await login('auditor') }))
        .statusCode,
    ).toBe(422);
  });
});
