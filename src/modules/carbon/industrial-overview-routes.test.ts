import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, errorOf, startTestApp, type TestApp, type TestUser } from '../../../test/api/support';
import type { Actor } from '../../kernel/auth';
import { testDialects } from '../../kernel/db/test-databases';
import { TEST_ENTERPRISES as E, insertTestEnterprises } from './industrial-test-support';

const USERS: TestUser[] = [
  { username: 'ecology-city', role: 'officer', department: 'ecology', divisionCode: '330800' },
  { username: 'economy-changshan', role: 'officer', department: 'economy', divisionCode: '330822' },
  { username: 'agent', role: 'enterprise_agent', subjectId: E.pharma.uscc },
  { username: 'auditor', role: 'auditor' },
  { username: 'services-city', role: 'officer', department: 'services', divisionCode: '330800' },
];
const BASE = '/api/v1/carbon/enterprises';

describe.each(testDialects)('officer label overview on %s', (dialect) => {
  let t: TestApp;
  const get = async (url: string, username: string | null) =>
    t.app.inject({ url, headers: username ? bearer(await t.login(username)) : {} });

  beforeAll(async () => {
    t = await startTestApp(dialect, { users: USERS });
    await insertTestEnterprises(t.platform.database, Object.values(E));
  }, 60_000);
  afterAll(() => t?.dispose());

  it('answers 404 with a reason before the first close', async () => {
    expect(errorOf(await get(`${BASE}/overview`, 'ecology-city')).code).toBe('CLOSE_NOT_RUN');
  });

  it('counts labels by county and industry division; a county officer sees only their county', async () => {
    const actor: Actor = {
      id: 'test',
      username: 'ecology-city',
      displayName: 'ecology-city',
      role: 'officer',
      department: 'ecology',
      divisionCode: '330800',
      subjectId: null,
    };
    const month = (amount: number, valueAdded: number) => ({
      period: '2024-06',
      activities: [{ kind: 'electricity', amount, unit: 'kWh' }],
      valueAdded,
    });
    const figures: [keyof typeof E, number, number][] = [
      ['pharma', 400_000, 500],
      ['pharmaB', 300_000, 200],
      ['pharmaC', 100_000, 400],
      ['cement', 2_000_000, 900],
    ];
    for (const [key, kwh, va] of figures)
      await t.platform.carbon.industrial.recordActivity(actor, { uscc: E[key].uscc, ...month(kwh, va) });
    await t.platform.carbon.industrial.closePeriod('2024-06', 'run-overview');

    const city = await get(`${BASE}/overview`, 'ecology-city');
    expect(city.statusCode).toBe(200);
    const body = city.json();
    expect(body.period).toBe('2024-06');
    const sum = (c: Record<'深绿' | '浅绿' | '黄' | '红' | 'none', number>) =>
      c.深绿 + c.浅绿 + c.黄 + c.红 + c.none;
    expect(sum(body.total)).toBe(4);
    expect(body.byCounty.map((c: { countyCode: string }) => c.countyCode)).toEqual([
      '330802',
      '330803',
      '330822',
    ]);
    expect(body.byCounty.find((c: { countyCode: string }) => c.countyCode === '330822')).toMatchObject({
      countyName: '常山县',
    });
    expect(body.byIndustry.map((d: { division: string }) => d.division)).toEqual(['C27', 'C30']);
    expect(sum(body.byIndustry[0])).toBe(3);

    const county = (await get(`${BASE}/overview`, 'economy-changshan')).json();
    expect(county.countyCode).toBe('330822');
    expect(county.byCounty.map((c: { countyCode: string }) => c.countyCode)).toEqual(['330822']);
    expect((await get(`${BASE}/overview?county=330802`, 'economy-changshan')).statusCode).toBe(403);
    expect((await get(`${BASE}/overview?county=330802`, 'auditor')).statusCode).toBe(200);
  });

  it('lists results worst label first with names, pages them, and filters by label', async () => {
    const page = (await get(`${BASE}/results?period=2024-06&limit=2`, 'ecology-city')).json();
    expect(page.total).toBe(4);
    expect(page.items).toHaveLength(2);
    const order = ['红', '黄', '浅绿', '深绿', null];
    const all = (await get(`${BASE}/results?period=2024-06&limit=10`, 'ecology-city')).json().items;
    const ranks = all.map((r: { label: string | null }) => order.indexOf(r.label));
    expect(ranks).toEqual([...ranks].sort((a: number, b: number) => a - b));
    expect(all[0].name).toMatch(/测试企业\d有限公司/);
    const label = all[0].label as string;
    const filtered = (
      await get(`${BASE}/results?period=2024-06&label=${encodeURIComponent(label)}`, 'ecology-city')
    ).json();
    expect(filtered.items.every((r: { label: string }) => r.label === label)).toBe(true);
  });

  it('exports the results as an Excel workbook with a Chinese file name', async () => {
    const response = await get(`${BASE}/results.xlsx?period=2024-06`, 'ecology-city');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(
      encodeURIComponent('碳效贴标-衢州市-2024-06.xlsx'),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('统一社会信用代码');
    expect(sheet?.rowCount).toBe(5);
  });

  it('gives other departments the counts but not the enterprises’ figures', async () => {
    expect((await get(`${BASE}/overview?period=2024-06`, 'services-city')).statusCode).toBe(200);
    expect((await get(`${BASE}/results?period=2024-06`, 'services-city')).statusCode).toBe(403);
    expect((await get(`${BASE}/results.xlsx?period=2024-06`, 'services-city')).statusCode).toBe(403);
    expect((await get(`${BASE}/results?period=2024-06`, 'auditor')).statusCode).toBe(200);
  });

  it('refuses anonymous callers, enterprises and bad filters', async () => {
    expect((await get(`${BASE}/overview`, null)).statusCode).toBe(401);
    expect((await get(`${BASE}/overview`, 'agent')).statusCode).toBe(403);
    expect((await get(`${BASE}/results.xlsx`, 'agent')).statusCode).toBe(403);
    expect((await get(`${BASE}/overview?period=2024-13`, 'ecology-city')).statusCode).toBe(422);
    expect((await get(`${BASE}/results?label=紫`, 'ecology-city')).statusCode).toBe(422);
    expect((await get(`${BASE}/results?limit=500`, 'ecology-city')).statusCode).toBe(422);
    expect((await get(`${BASE}/overview?extra=1`, 'ecology-city')).statusCode).toBe(422);
  });
});
