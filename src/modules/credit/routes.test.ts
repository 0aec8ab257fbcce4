import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, multipartFile } from '../../../test/api/support';
import { addDays, shanghaiDate } from '../../kernel/calendar';
import { testDialects } from '../../kernel/db/test-databases';
import { type CreditFixture, LIBRARY, startCreditFixture } from './credit-test-support';

const today = shanghaiDate(new Date());

describe.each(testDialects)('credit API on %s', (dialect) => {
  let f: CreditFixture;
  let a: string;
  const call = async (
    username: string | null,
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: unknown,
    extra: Record<string, string> = {},
  ) =>
    f.t.app.inject({
      method,
      url: `/api/v1/credit${url}`,
      payload: payload as never,
      headers: { ...(username ? await f.headers(username) : {}), ...extra },
    });

  beforeAll(async () => {
    f = await startCreditFixture(dialect);
    a = f.changshan[0];
  }, 120_000);
  afterAll(() => f?.t.dispose());

  it('enters a record (201), answers a repeat with the stored record (200) and a changed repeat with 409', async () => {
    const body = {
      recordId: 'api-1',
      residentId: a,
      type: 'volunteer_service',
      occurredOn: addDays(today, -2),
      quantity: 10,
    };
    const created = await call('civil-changshan', 'POST', '/records', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      recordId: 'api-1',
      status: 'active',
      typeName: { zh: '志愿服务' },
      residentId: expect.stringContaining('****'),
    });
    expect((await call('civil-changshan', 'POST', '/records', body)).statusCode).toBe(200);
    const changed = await call('civil-changshan', 'POST', '/records', { ...body, quantity: 11 });
    expect(changed.statusCode).toBe(409);
    expect(errorOf(changed).code).toBe('DUPLICATE_DIFFERS');
  });

  it('refuses bad records with the shared error shape and a message a person can act on', async () => {
    const base = { recordId: 'api-2', residentId: a, type: 'volunteer_service', occurredOn: today };
    const future = await call(
      'civil-changshan',
      'POST',
      '/records',
      { ...base, occurredOn: addDays(today, 3) },
      { 'accept-language': 'en' },
    );
    expect(future.statusCode).toBe(422);
    expect(errorOf(future)).toMatchObject({
      code: 'IN_FUTURE',
      message: expect.stringContaining('after today'),
    });
    const notMine = await call('civil-changshan', 'POST', '/records', { ...base, type: 'tax_arrears' });
    expect(notMine.statusCode).toBe(403);
    expect(errorOf(notMine).message).toContain('tax');
    const unknownField = await call('civil-changshan', 'POST', '/records', { ...base, score: 999 });
    expect(unknownField.statusCode).toBe(422);
    expect(errorOf(unknownField).code).toBe('UNKNOWN_FIELD');
    expect((await call('civil-changshan', 'POST', '/records', { ...base, type: 'nope' })).statusCode).toBe(
      422,
    );
    expect((await call('market-city', 'POST', '/records', base)).statusCode).toBe(403);
    expect((await call('resident-a', 'POST', '/records', base)).statusCode).toBe(403);
    expect((await call(null, 'POST', '/records', base)).statusCode).toBe(401);
  });

  it('takes a batch from a source system with one result per record, and refuses an oversized batch', async () => {
    const response = await call('civil-changshan', 'POST', '/records:batch', [
      { recordId: 'bt-1', residentId: a, type: 'youli_good_deed', occurredOn: today },
      { recordId: 'bt-2', residentId: f.kecheng, type: 'youli_good_deed', occurredOn: today },
      {
        recordId: 'api-1',
        residentId: a,
        type: 'volunteer_service',
        occurredOn: addDays(today, -2),
        quantity: 10,
      },
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      accepted: 1,
      duplicates: 1,
      rejected: 1,
      results: [
        { status: 'accepted' },
        { status: 'rejected', reason: { code: 'outside_jurisdiction' } },
        { status: 'duplicate' },
      ],
    });
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({
      recordId: `x-${i}`,
      residentId: a,
      type: 'youli_good_deed',
      occurredOn: today,
    }));
    expect((await call('civil-changshan', 'POST', '/records:batch', tooMany)).statusCode).toBe(422);
  });

  it('imports a CSV with Chinese headers and reports each row; refuses unreadable files as a whole', async () => {
    const csv = `记录编号,身份证号码,记录类型,发生日期,数量\nf-1,${a},volunteer_service,${today},3\nf-2,${a},volunteer_service,${today},abc\nf-3,${a},blood_donation,${today},1\n`;
    const response = await f.t.app.inject({
      method: 'POST',
      url: '/api/v1/credit/records:import',
      ...multipartFile('志愿.csv', csv),
      headers: { ...multipartFile('x', '').headers, ...(await f.headers('civil-changshan')) },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      format: 'csv',
      accepted: 1,
      rejected: 2,
      results: [
        { row: 2, status: 'accepted' },
        { row: 3, reason: { code: 'bad_quantity' } },
        { row: 4, reason: { code: 'not_your_type' } },
      ],
    });
    const noColumns = await f.t.app.inject({
      method: 'POST',
      url: '/api/v1/credit/records:import',
      ...multipartFile('x.csv', 'a,b\n1,2\n'),
      headers: { ...multipartFile('x', '').headers, ...(await f.headers('civil-changshan')) },
    });
    expect(noColumns.statusCode).toBe(422);
    expect(errorOf(noColumns).message).toContain('recordId');
    const json = await call('civil-changshan', 'POST', '/records:import', { file: 'x' });
    expect(json.statusCode).toBe(415);
  });

  it('shows the resident their score with its explanation, history, records and messages — and nobody else', async () => {
    const score = await call('resident-a', 'GET', '/me/score');
    expect(score.statusCode).toBe(200);
    const body = score.json();
    expect(body).toMatchObject({
      score: 500 + 13 + 40,
      tier: 'average',
      modelVersion: '2026.1',
      range: { min: 0, max: 1000 },
    });
    expect(body.dimensions.find((d: { code: string }) => d.code === 'prosocial')).toMatchObject({
      contribution: 53,
      zh: '社会公益与有礼',
    });
    expect(body.suggestions.length).toBeGreaterThan(0);
    expect((await call('resident-a', 'GET', '/me/history')).json().items.at(-1)).toMatchObject({
      score: 553,
    });
    expect((await call('resident-a', 'GET', '/me/records')).json().items[0].residentId).toBe(a);
    expect((await call('resident-a', 'GET', '/me/notifications')).json().items.length).toBe(3);
    expect((await call('civil-changshan', 'GET', '/me/score')).statusCode).toBe(403);
    expect((await call(null, 'GET', '/me/score')).statusCode).toBe(401);
  });

  it('routes a dispute to the reporting department and its decision back to the resident', async () => {
    const [record] = (await call('resident-a', 'GET', '/me/records'))
      .json()
      .items.filter((r: { type: string }) => r.type === 'youli_good_deed');
    expect(
      (
        await call('resident-b', 'POST', '/me/disputes', {
          recordId: record.id,
          kind: 'dispute',
          reason: '不是我的',
        })
      ).statusCode,
    ).toBe(404);
    const opened = await call('resident-a', 'POST', '/me/disputes', {
      recordId: record.id,
      kind: 'dispute',
      reason: '日期有误',
    });
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({ status: 'open', workingDaysLeft: 5 });
    const queue = (await call('civil-changshan', 'GET', '/disputes')).json().items;
    expect(queue).toHaveLength(1);
    expect(queue[0].residentId).toContain('****');
    expect(queue[0]).toMatchObject({
      recordType: 'youli_good_deed',
      recordTypeName: { zh: '衢州有礼·好人好事' },
    });
    expect((await call('court-city', 'GET', '/disputes')).json().items).toHaveLength(0);
    expect((await call('court-city', 'GET', `/disputes/${opened.json().id}`)).statusCode).toBe(404);
    expect((await call('civil-changshan', 'GET', `/disputes/${opened.json().id}`)).json().record.id).toBe(
      record.id,
    );
    const decided = await call('civil-changshan', 'POST', `/disputes/${opened.json().id}/decision`, {
      decision: 'upheld',
      reason: '经核实记录无误',
    });
    expect(decided.statusCode).toBe(200);
    expect(
      (
        await call('civil-changshan', 'POST', `/disputes/${opened.json().id}/decision`, {
          decision: 'upheld',
          reason: 'again',
        })
      ).statusCode,
    ).toBe(409);
    const log = (await call('resident-a', 'GET', '/me/data-access')).json().items;
    expect(log[0]).toMatchObject({
      dataset: 'credit.records',
      purpose: 'credit_dispute',
      caseId: opened.json().id,
    });
  });

  it('answers a provider’s eligibility question only with the resident’s consent', async () => {
    const ask = () =>
      call('library-agent', 'POST', '/measures/city-study-deposit-free/eligibility', { residentId: a });
    expect((await ask()).statusCode).toBe(403);
    const consent = await call('resident-a', 'POST', '/me/consents', {
      providerId: LIBRARY,
      expiresAt: addDays(today, 30),
    });
    expect(consent.statusCode).toBe(201);
    expect((await ask()).json()).toEqual({
      measureId: 'city-study-deposit-free',
      eligible: true,
      checkedAt: expect.any(String),
    });
    expect(
      (
        await call('resident-a', 'POST', '/me/consents', {
          providerId: '91330800DEMBANK27C',
          expiresAt: addDays(today, 30),
        })
      ).statusCode,
    ).toBe(422);
    expect((await call('resident-a', 'DELETE', `/me/consents/${consent.json().id}`)).json().status).toBe(
      'revoked',
    );
    expect((await ask()).statusCode).toBe(403);
    expect(
      (
        await call('civil-changshan', 'POST', '/measures/city-study-deposit-free/eligibility', {
          residentId: a,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('lets an officer read a resident’s records of their own department’s types in their jurisdiction, and the credit office the score; every read shows in the resident’s data-use log', async () => {
    const read = (who: string, residentId: string, purpose = 'record_verification') =>
      call(who, 'GET', `/records?residentId=${residentId}&purpose=${purpose}`);
    const mine = await read('civil-changshan', a);
    expect(mine.statusCode).toBe(200);
    const types = new Set(mine.json().items.map((r: { type: string }) => r.type));
    expect(types.size).toBeGreaterThan(0);
    // civilization reports volunteering, good deeds and skill certificates, nothing of the court's or utilities'.
    for (const type of types)
      expect(['volunteer_service', 'youli_good_deed', 'skill_certificate']).toContain(type);
    const score = await call('utility-city', 'GET', `/scores/${a}?purpose=credit_administration`);
    expect(score.statusCode).toBe(200);
    expect(score.json().residentId).toContain('****');

    // a lives in Changshan (330822): Kecheng's court has no jurisdiction there.
    const elsewhere = await read('court-kecheng', a);
    expect(elsewhere.statusCode).toBe(403);
    expect(errorOf(elsewhere).code).toBe('FORBIDDEN');
    for (const who of ['library-agent', 'bank-agent', 'resident-b'])
      expect((await read(who, a)).statusCode, who).toBe(403);
    expect(
      (await call('civil-changshan', 'GET', `/scores/${a}?purpose=credit_administration`)).statusCode,
    ).toBe(403);
    // A well-formed ID the register does not hold.
    const unknown = await read('civil-changshan', '330822199001010019');
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown).code).toBe('NOT_FOUND');
    expect((await call('civil-changshan', 'GET', `/records?residentId=${a}`)).statusCode).toBe(422);
    expect(
      (await call('civil-changshan', 'GET', `/records?residentId=${a}&purpose=curiosity`)).statusCode,
    ).toBe(422);

    const log = (await call('resident-a', 'GET', '/me/data-access?limit=100')).json().items as {
      actor: { id: string };
      purpose: string;
    }[];
    const by = (username: string) => log.filter((entry) => entry.actor.id === f.actors[username]!.id);
    expect(by('civil-changshan').map((entry) => entry.purpose)).toContain('record_verification');
    expect(by('utility-city').map((entry) => entry.purpose)).toContain('credit_administration');
    // Refused reads read nothing, so they log nothing.
    expect(by('court-kecheng')).toEqual([]);
  });

  it('shows a resident the measures they qualify for and the uses recorded', async () => {
    const response = await call('resident-a', 'GET', '/me/measures');
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as { items: { id: string; minTier: string; qualifies: boolean }[] };
    expect(items.length).toBe(27);
    // a's tier is 一般 (average): the measures open to every tier qualify, those for 优秀 and above do not.
    expect(items.filter((m) => m.qualifies).length).toBeGreaterThan(0);
    expect(items.find((m) => m.minTier === 'excellent' || m.minTier === 'outstanding')?.qualifies).toBe(
      false,
    );
    expect((await call('library-agent', 'GET', '/me/measures')).statusCode).toBe(403);
  });

  it('gives the credit office model versions, the distribution and its Excel file; others are refused', async () => {
    expect((await call('utility-city', 'GET', '/models')).json().items[0]).toMatchObject({
      version: '2026.1',
      active: true,
    });
    expect((await call('civil-changshan', 'GET', '/models')).statusCode).toBe(403);
    expect((await call('devref-changshan', 'POST', '/models', {})).statusCode).toBe(422);
    const model = (await call('utility-city', 'GET', '/models')).json().items[0].model;
    const broken = await call('utility-city', 'POST', '/models', {
      ...model,
      version: '2027.1',
      dimensions: [null],
    });
    expect(broken.statusCode).toBe(422);
    const wrongSign = await call('utility-city', 'POST', '/models', {
      ...model,
      version: '2027.1',
      types: { ...model.types, court_enforcement: { pointsPerUnit: 150, decay: 'linear' } },
    });
    expect(wrongSign.statusCode).toBe(422);
    expect(errorOf(wrongSign).details).toContainEqual({
      path: '/types/court_enforcement/pointsPerUnit',
      message: expect.stringContaining('negative'),
    });
    const added = await call('utility-city', 'POST', '/models', { ...model, version: '2027.1', base: 510 });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual({ version: '2027.1', active: false });
    expect(
      (await call('devref-changshan', 'POST', '/models', { ...model, version: '2027.2' })).statusCode,
    ).toBe(403);
    const distribution = await call('utility-city', 'GET', '/statistics/distribution');
    expect(distribution.json().rows.some((r: { countyCode: string }) => r.countyCode === '330822')).toBe(
      true,
    );
    const xlsx = await call('utility-city', 'GET', '/statistics/distribution.xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const read = await call('devref-changshan', 'GET', `/scores/${a}?purpose=credit_administration`);
    expect(read.json()).toMatchObject({ score: 553, residentId: expect.stringContaining('****') });
    expect((await call('court-city', 'GET', `/scores/${a}?purpose=credit_administration`)).statusCode).toBe(
      403,
    );
  });
});
