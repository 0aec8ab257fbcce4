import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  errorOf,
  multipartFile,
  startTestApp,
  type TestApp,
  type TestUser,
} from '../../../test/api/support';
import { testDialects } from '../../kernel/db/test-databases';
import { UPLOAD_LIMITS } from './activity-upload';
import { TEST_ENTERPRISES as E, insertTestEnterprises } from './industrial-test-support';

const USERS: TestUser[] = [
  { username: 'agent', role: 'enterprise_agent', subjectId: E.pharma.uscc, divisionCode: '330822' },
  { username: 'agent-cement', role: 'enterprise_agent', subjectId: E.cement.uscc, divisionCode: '330803' },
  { username: 'economy-changshan', role: 'officer', department: 'economy', divisionCode: '330822' },
  { username: 'ecology-city', role: 'officer', department: 'ecology', divisionCode: '330800' },
  { username: 'economy-kecheng', role: 'officer', department: 'economy', divisionCode: '330802' },
  { username: 'services-changshan', role: 'officer', department: 'services', divisionCode: '330822' },
  { username: 'auditor', role: 'auditor' },
  { username: 'resident1', role: 'resident', subjectId: '330822199001011237', divisionCode: '330822104201' },
];
const BASE = '/api/v1/carbon/enterprises';
const PHARMA = `${BASE}/${E.pharma.uscc}`;

describe.each(testDialects)('industrial account routes on %s', (dialect) => {
  let t: TestApp;
  const as = async (username: string) => bearer(await t.login(username));
  const post = async (url: string, username: string | null, payload: unknown = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      headers: username ? await as(username) : {},
    });
  const get = async (url: string, username: string | null) =>
    t.app.inject({ url, headers: username ? await as(username) : {} });
  const entry = {
    period: '2024-06',
    activities: [{ kind: 'electricity', amount: 50_000, unit: 'kWh' }],
    valueAdded: 500,
  };

  beforeAll(async () => {
    t = await startTestApp(dialect, { users: USERS });
    await insertTestEnterprises(t.platform.database, Object.values(E));
  }, 60_000);
  afterAll(() => t?.dispose());

  it('lets the agent and the county’s economy officer enter data; refuses everyone else', async () => {
    const own = await post(`${PHARMA}/activity`, 'agent', entry);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      uscc: E.pharma.uscc,
      valueAdded: 500,
      rows: [{ kind: 'electricity', counted: true }],
    });
    expect((await post(`${PHARMA}/activity`, 'economy-changshan', entry)).json().replaced).toEqual([
      'electricity',
    ]);
    expect((await post(`${PHARMA}/activity`, 'ecology-city', entry)).statusCode).toBe(200);
    expect((await post(`${PHARMA}/activity`, null, entry)).statusCode).toBe(401);
    for (const user of ['agent-cement', 'economy-kecheng', 'services-changshan', 'auditor', 'resident1'])
      expect((await post(`${PHARMA}/activity`, user, entry)).statusCode, user).toBe(403);
  });

  it('answers 404, 422, 415, 400 and 413 for bad requests', async () => {
    expect((await post(`${BASE}/91330822MA2XX0019X/activity`, 'ecology-city', entry)).statusCode).toBe(404);
    expect((await post(`${BASE}/not-a-uscc/activity`, 'agent', entry)).statusCode).toBe(422);
    const unknownField = await post(`${PHARMA}/activity`, 'agent', { ...entry, colour: 'green' });
    expect(errorOf(unknownField).code).toBe('UNKNOWN_FIELD');
    const unit = await t.app.inject({
      method: 'POST',
      url: `${PHARMA}/activity`,
      payload: { period: '2024-06', activities: [{ kind: 'raw_coal', amount: 1, unit: 'kWh' }] },
      headers: { ...(await as('agent')), 'accept-language': 'en' },
    });
    expect(unit.statusCode).toBe(422);
    expect(errorOf(unit)).toMatchObject({
      code: 'INVALID_ACTIVITY_DATA',
      details: [{ path: 'body.activities[0].unit' }],
    });
    expect(errorOf(unit).details[0]?.message).toContain('allowed units: t, kg');
    // Past 1e9 万元 the fen amount would overflow bigint (a 500) or lose integer precision.
    const hugeValueAdded = await post(`${PHARMA}/activity`, 'agent', { ...entry, valueAdded: 1e13 });
    expect(hugeValueAdded.statusCode).toBe(422);
    expect(errorOf(hugeValueAdded).details[0]).toMatchObject({ path: 'body.valueAdded' });
    expect(JSON.stringify(errorOf(hugeValueAdded).details)).toMatch(/1000000000|1e\+?9/);
    const headers = await as('agent');
    const text = await t.app.inject({
      method: 'POST',
      url: `${PHARMA}/activity`,
      payload: 'x',
      headers: { ...headers, 'content-type': 'application/xml' },
    });
    expect(text.statusCode).toBe(415);
    const broken = await t.app.inject({
      method: 'POST',
      url: `${PHARMA}/activity`,
      payload: '{"period":',
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    const huge = await t.app.inject({
      method: 'POST',
      url: `${PHARMA}/activity`,
      payload: JSON.stringify({ ...entry, pad: 'x'.repeat(1_100_000) }),
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(huge.statusCode).toBe(413);
  });

  it('flags an implausible figure that only a county economy or ecology officer confirms', async () => {
    const tiny = `${BASE}/${E.tiny.uscc}`;
    await post(`${tiny}/activity`, 'economy-changshan', {
      period: '2024-06',
      activities: [{ kind: 'raw_coal', amount: 500_000, unit: 't' }],
    });
    const listed = await get(`${tiny}/activity?period=2024-06`, 'auditor');
    expect(listed.json().rows[0]).toMatchObject({
      kind: 'raw_coal',
      counted: false,
      warning: { plausible: false },
    });
    const confirm = `${tiny}/activity/2024-06/raw_coal/confirmation`;
    expect((await post(confirm, 'services-changshan')).statusCode).toBe(403);
    expect((await post(confirm, 'economy-kecheng')).statusCode).toBe(403);
    expect((await post(confirm, null)).statusCode).toBe(401);
    const done = await post(confirm, 'economy-changshan');
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ counted: true, confirmedAt: expect.any(String) });
    expect(errorOf(await post(confirm, 'ecology-city')).code).toBe('ALREADY_CONFIRMED');
    expect((await post(`${tiny}/activity/2024-06/diesel/confirmation`, 'ecology-city')).statusCode).toBe(404);
    expect((await post(`${tiny}/activity/2024-13/raw_coal/confirmation`, 'ecology-city')).statusCode).toBe(
      422,
    );
  });

  it('reads months, years and labels for the agent, county officers and auditors', async () => {
    const months = await get(`${PHARMA}/months?from=2024-01&to=2024-12`, 'agent');
    expect(months.statusCode).toBe(200);
    expect(months.json().items).toMatchObject([
      { period: '2024-06', status: 'provisional', valueAdded: 500 },
    ]);
    expect((await get(`${PHARMA}/months?from=2024-12&to=2024-01`, 'agent')).statusCode).toBe(422);
    expect((await get(`${PHARMA}/months?from=2024-01`, 'agent')).statusCode).toBe(422);
    expect((await get(`${PHARMA}/months?from=2024-01&to=2024-12`, 'agent-cement')).statusCode).toBe(403);
    expect((await get(`${PHARMA}/months?from=2024-01&to=2024-12`, null)).statusCode).toBe(401);
    const year = await get(`${PHARMA}/years/2024`, 'economy-changshan');
    expect(year.json()).toMatchObject({ year: 2024, provisionalMonths: 1, valueAdded: 500 });
    expect((await get(`${PHARMA}/years/1999`, 'auditor')).statusCode).toBe(422);
    expect((await get(`${BASE}/91330822MA2XX0019X/years/2024`, 'auditor')).statusCode).toBe(404);
    expect(errorOf(await get(`${PHARMA}/label?period=2024-06`, 'auditor')).code).toBe('PERIOD_NOT_CLOSED');
    await t.platform.carbon.industrial.closePeriod('2024-06', 'test-run');
    const label = await get(`${PHARMA}/label?period=2024-06`, 'agent');
    expect(label.statusCode).toBe(200);
    expect(label.json()).toMatchObject({
      period: '2024-06',
      closeRunId: 'test-run',
      explanation: { dimensions: [{}, {}, {}] },
    });
    expect(label.json().explanation.explanation.zh).toContain('综合得分');
    expect((await get(`${PHARMA}/label`, 'agent')).statusCode).toBe(422);
    expect((await get(`${PHARMA}/label?period=2024-06`, 'resident1')).statusCode).toBe(403);
  });

  it('takes a multipart CSV upload with a per-row report, dry-run or for real', async () => {
    const file = `uscc,period,kind,amount,unit\n${E.pharma.uscc},2024-07,electricity,1000,kWh\n${E.cement.uscc},2024-07,electricity,1000,kWh\n`;
    const send = async (username: string | null, body: ReturnType<typeof multipartFile>, query = '') =>
      t.app.inject({
        method: 'POST',
        url: `${BASE}/activity:upload${query}`,
        payload: body.payload,
        headers: { ...body.headers, ...(username ? await as(username) : {}) },
      });
    const dry = await send('agent', multipartFile('july.csv', file), '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, totals: { accepted: 1, rejected: 1 } });
    expect((await get(`${PHARMA}/activity?period=2024-07`, 'agent')).json().rows).toEqual([]);
    const real = await send('ecology-city', multipartFile('july.csv', file));
    expect(real.json().totals).toMatchObject({ accepted: 2, rejected: 0 });
    expect((await get(`${PHARMA}/activity?period=2024-07`, 'agent')).json().rows).toHaveLength(1);
    expect((await send(null, multipartFile('july.csv', file))).statusCode).toBe(401);
    expect((await send('resident1', multipartFile('july.csv', file))).statusCode).toBe(403);
    expect((await send('services-changshan', multipartFile('july.csv', file))).statusCode).toBe(403);
    expect(errorOf(await send('agent', multipartFile('july.csv', file, { field: 'attachment' }))).code).toBe(
      'UPLOAD_NO_FILE',
    );
    expect((await send('agent', multipartFile('july.xls', file))).statusCode).toBe(415);
    expect((await send('agent', multipartFile('july.csv', 'uscc,kind\n1,2'))).statusCode).toBe(422);
    expect((await send('agent', multipartFile('july.csv', file), '?colour=1')).statusCode).toBe(422);
    const big = await send('agent', multipartFile('big.csv', new Uint8Array(UPLOAD_LIMITS.maxBytes + 10)));
    expect(big.statusCode).toBe(413);
    expect(errorOf(big).code).toBe('UPLOAD_TOO_LARGE');
    const json = await post(`${BASE}/activity:upload`, 'agent', { file: 'x' });
    expect(json.statusCode).toBe(415);
  });
});
