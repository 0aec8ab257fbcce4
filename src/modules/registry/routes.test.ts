import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, errorOf, startTestApp, type TestApp } from '../../../test/api/support';
import { testDialects } from '../../kernel/db/test-databases';
import { silentProgress } from '../../kernel/progress';
import { loadRegistry } from './bulk-load';
import { planRegistry } from './city-plan';
import { demoSubjects } from './demo-subjects';

describe.each(testDialects)('registry routes on %s', (dialect) => {
  let t: TestApp;
  let subjects: ReturnType<typeof demoSubjects>;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp(dialect, { users: [] });
    const plan = planRegistry(t.platform.divisions, 'demo', 11, { residents: 800, enterprises: 200 });
    subjects = demoSubjects(plan);
    await loadRegistry(t.platform.database, t.platform.audit, plan, silentProgress);
    const users = [
      { username: 'admin', role: 'admin' as const },
      { username: 'officer-city', role: 'officer' as const, department: 'economy', divisionCode: '330800' },
      {
        username: 'officer-changshan',
        role: 'officer' as const,
        department: 'economy',
        divisionCode: '330822',
      },
      { username: 'agent', role: 'enterprise_agent' as const, subjectId: subjects.enterprise.uscc },
      { username: 'villager', role: 'resident' as const, subjectId: subjects.resident.residentId },
    ];
    tokens = {};
    for (const user of users) {
      await t.platform.auth.createUser({ ...user, password: 'Test@2026x', displayName: user.username }, null);
      tokens[user.username] = await t.login(user.username);
    }
  });
  afterAll(() => t.dispose());

  const get = (url: string, user?: string) =>
    t.app.inject({ url: `/api/v1/registry${url}`, headers: user ? bearer(tokens[user]!) : {} });

  it('summarises per county, cut to the officer’s jurisdiction', async () => {
    const city = (await get('/summary', 'officer-city')).json();
    expect(city.counties).toHaveLength(6);
    expect(city.counties.reduce((s: number, c: { residents: number }) => s + c.residents, 0)).toBe(800);
    const county = (await get('/summary', 'officer-changshan')).json();
    expect(county.counties.map((c: { countyCode: string }) => c.countyCode)).toEqual(['330822']);
    expect((await get('/summary', 'villager')).statusCode).toBe(403);
    expect((await get('/summary')).statusCode).toBe(401);
  });

  it('lists a county’s enterprises for its officers only, and validates the query', async () => {
    const page = await get('/enterprises?countyCode=330822&pageSize=5&aboveScale=false', 'officer-changshan');
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.items.length).toBeLessThanOrEqual(5);
    expect(
      body.items.every(
        (e: { countyCode: string; aboveScale: boolean }) => e.countyCode === '330822' && !e.aboveScale,
      ),
    ).toBe(true);
    expect((await get('/enterprises?countyCode=330881', 'officer-changshan')).statusCode).toBe(403);
    const bad = await get('/enterprises?countyCode=33&pageSize=500', 'admin');
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad).details.length).toBeGreaterThan(0);
  });

  it('shows an enterprise to its own agent and to officers of its county, not to others', async () => {
    const uscc = subjects.enterprise.uscc;
    const own = await get(`/enterprises/${uscc}`, 'agent');
    expect(own.statusCode).toBe(200);
    expect(own.json().uscc).toBe(uscc);
    expect((await get(`/enterprises/${uscc}`, 'officer-city')).statusCode).toBe(200);
    expect((await get(`/enterprises/${uscc}`, 'villager')).statusCode).toBe(403);
    expect((await get('/enterprises/91330800MA2XXXXXX1', 'admin')).statusCode).toBe(404);
  });

  it('gives residents their own record', async () => {
    const me = await get('/residents/me', 'villager');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      residentId: subjects.resident.residentId,
      divisionCode: subjects.resident.villageCode,
    });
    expect((await get('/residents/me', 'agent')).statusCode).toBe(403);
  });
});
