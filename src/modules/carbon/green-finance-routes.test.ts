import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorOf, loginHeaders, startTestApp, type TestApp } from '../../../test/api/support';
import { testDialects } from '../../kernel/db/test-databases';
import { createExchangeService } from '../../kernel/exchange';
import { usccCheckChar } from '../../kernel/identity';
import { silentProgress } from '../../kernel/progress';
import { DEMO_PASSWORD, seedCity } from '../../seed';
import { loadBanks } from './green-finance-config';
import { enterpriseMonth } from './green-finance-fixtures';
import { addMonths, shanghaiMonth } from './periods';

const [BANK_ONE, BANK_TWO, BANK_THREE] = loadBanks().map((b) => b.uscc) as [string, string, string];
/** The first 17 characters of a well-formed USCC no seeded enterprise has. */
const UNREGISTERED = '91330800MA2A0B1C9';

describe.each(testDialects)('carbon green finance on %s', (dialect) => {
  let t: TestApp;
  let uscc: string;
  let otherUscc: string;
  const headers = new Map<string, Record<string, string>>();
  const as = async (username: string) => {
    if (!headers.has(username)) headers.set(username, await loginHeaders(t.app, username, DEMO_PASSWORD));
    return headers.get(username) as Record<string, string>;
  };
  const grant = async (bank: string, expiresAt = addMonths(shanghaiMonth(new Date()), 6).concat('-01')) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/carbon/consents',
      headers: await as('enterprise'),
      payload: { bank, purpose: 'loan_assessment', expiresAt },
    });
  const report = async (username: string, code = uscc, suffix = '') =>
    t.app.inject({ url: `/api/v1/carbon/credit-reports/${code}${suffix}`, headers: await as(username) });
  const accessLog = async (username = 'enterprise') =>
    (await t.app.inject({ url: '/api/v1/carbon/data-access/me', headers: await as(username) })).json();

  beforeAll(async () => {
    t = await startTestApp(dialect, { users: [] });
    await seedCity(t.platform, {
      scale: 'demo',
      seed: 7,
      sizes: { residents: 200, enterprises: 12 },
      progress: silentProgress,
    });
    uscc = (await t.platform.auth.findByUsername('enterprise'))?.subjectId as string;
    otherUscc = (await t.platform.registry.enterprisesAfter({ limit: 3 }))
      .map((e) => e.uscc)
      .find((u) => u !== uscc) as string;
    const bankUser = (username: string, subjectId?: string) =>
      t.platform.auth.createUser(
        { username, password: DEMO_PASSWORD, role: 'bank', displayName: username, subjectId },
        null,
      );
    await bankUser('bank-two', BANK_TWO);
    await bankUser('bank-three', BANK_THREE);
    await bankUser('bank-nobody');
    // The report's figures: twelve closed months up to last month, as the industrial accounts return them.
    const last = addMonths(shanghaiMonth(new Date()), -1);
    vi.spyOn(t.platform.carbon.industrial, 'monthlyResults').mockImplementation(async (code) =>
      Array.from({ length: 12 }, (_, i) => enterpriseMonth(code, addMonths(last, i - 11))),
    );
  }, 180_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    await t.dispose();
  });

  it('lists the partner banks, and the demo bank login acts for one of them', async () => {
    const response = await t.app.inject({ url: '/api/v1/carbon/banks', headers: await as('enterprise') });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((b: { uscc: string }) => b.uscc)).toEqual([
      BANK_ONE,
      BANK_TWO,
      BANK_THREE,
    ]);
    expect((await t.platform.auth.findByUsername('bank'))?.subjectId).toBe(BANK_ONE);
    expect((await t.app.inject({ url: '/api/v1/carbon/banks' })).statusCode).toBe(401);
  });

  it('with consent a bank reads the report; the read shows in the enterprise’s list and the audit trail', async () => {
    const granted = await grant(BANK_ONE);
    expect(granted.statusCode).toBe(201);
    const consent = granted.json();
    expect(consent).toMatchObject({
      bank: { uscc: BANK_ONE },
      purpose: 'loan_assessment',
      status: 'active',
      revokedAt: null,
    });
    const mine = (
      await t.app.inject({ url: '/api/v1/carbon/consents/me', headers: await as('enterprise') })
    ).json();
    expect(mine.items.map((c: { id: string }) => c.id)).toContain(consent.id);

    const response = await report('bank');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(body.enterprise).toMatchObject({ uscc });
    expect(body.enterprise.name).toBeTruthy();
    expect(body.enterprise.industryName).toBeTruthy();
    expect(body.months).toHaveLength(12);
    expect(body.window.to).toBe(addMonths(shanghaiMonth(new Date()), -1));
    expect(body.efficiency).toMatchObject({ grade: 2, level: '低碳' });
    expect(body.label).toMatchObject({ label: '浅绿' });
    expect(body.label.explanation.dimensions).toHaveLength(3);
    expect(body.factors[0]).toMatchObject({ id: 'grid-national-2023', source: expect.any(String) });
    expect(body.suggestedRate).toMatchObject({
      lprBasisPoints: 300,
      spreadBasis: 'assumption',
      label: '浅绿',
    });

    const log = await accessLog();
    const read =
      log.items.find((r: { requestId: string }) => r.requestId === response.headers['x-request-id']) ??
      log.items[0];
    expect(read).toMatchObject({
      actor: { role: 'bank', organisation: BANK_ONE },
      organisationName: { zh: '衢州合作银行（演示）' },
      dataset: 'carbon.credit_report',
      purpose: 'loan_assessment',
      consentId: consent.id,
    });
    expect(read.fields).toContain('four_colour_label');
    const audited = await t.platform.audit.history('exchange_access_log', String(read.seq));
    expect(audited).toMatchObject([{ action: 'exchange.read', actor_role: 'bank' }]);
    expect((await t.platform.audit.history('exchange_consent', consent.id))[0]).toMatchObject({
      action: 'exchange.consent.grant',
    });
    expect(await t.platform.audit.verify()).toMatchObject({ ok: true });
  });

  it('prints the report as an A4 HTML page, logged like any read', async () => {
    const before = (await accessLog()).items.length;
    const response = await report('bank', uscc, '/print');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(response.body).toContain('企业碳征信报告');
    expect(response.body).toContain('@page { size: A4');
    expect(response.body).toContain('衢州合作银行（演示）');
    expect((await accessLog()).items.length).toBe(before + 1);
    const refused = await report('bank-two', uscc, '/print');
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe('CONSENT_MISSING');
  });

  it('another bank cannot use the consent given to the first, and its refusal is not logged', async () => {
    const before = (await accessLog()).items.length;
    const response = await report('bank-two');
    expect(response.statusCode).toBe(403);
    expect(errorOf(response)).toMatchObject({ code: 'CONSENT_MISSING' });
    expect(errorOf(response).message).toContain('未获授权');
    expect((await accessLog()).items.length).toBe(before);
  });

  it('a bank without consent for this enterprise is refused', async () => {
    const response = await report('bank', otherUscc);
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).code).toBe('CONSENT_MISSING');
  });

  it('a revoked consent refuses the bank with the reason; revoking twice is a conflict', async () => {
    const consent = (await grant(BANK_TWO)).json();
    expect((await report('bank-two')).statusCode).toBe(200);
    const revoke = () =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/v1/carbon/consents/${consent.id}`,
        headers: headers.get('enterprise'),
      });
    const revoked = await revoke();
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked' });
    const response = await t.app.inject({
      url: `/api/v1/carbon/credit-reports/${uscc}`,
      headers: { ...(await as('bank-two')), 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).code).toBe('CONSENT_REVOKED');
    expect(errorOf(response).message).toMatch(/^Consent revoked/);
    expect((await revoke()).statusCode).toBe(409);
  });

  it('an expired consent refuses the bank and says when it ended', async () => {
    const past = new Date(Date.now() - 40 * 86_400_000);
    const pastExchange = createExchangeService(t.platform.database, t.platform.audit, () => past);
    const owner = (await t.platform.auth.findByUsername('enterprise'))!;
    await pastExchange.grant(
      {
        subject: { type: 'enterprise', id: uscc },
        grantee: { type: 'organisation', id: BANK_THREE },
        purpose: 'loan_assessment',
        dataset: 'carbon.credit_report',
        expiresAt: new Date(past.getTime() + 10 * 86_400_000),
      },
      owner,
    );
    const response = await report('bank-three');
    expect(response.statusCode).toBe(403);
    expect(errorOf(response)).toMatchObject({ code: 'CONSENT_EXPIRED' });
    expect(errorOf(response).message).toContain('已于');
    const mine = (
      await t.app.inject({ url: '/api/v1/carbon/consents/me', headers: await as('enterprise') })
    ).json();
    expect(mine.items.find((c: { bank: { uscc: string } }) => c.bank.uscc === BANK_THREE)?.status).toBe(
      'expired',
    );
  });

  it('an unregistered USCC is a 404 and a malformed one a 422', async () => {
    const unknown = UNREGISTERED + usccCheckChar(UNREGISTERED);
    const missing = await report('bank', unknown);
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('NOT_FOUND');
    expect((await report('bank', 'not-a-uscc')).statusCode).toBe(422);
  });

  it('refuses bad bodies with the field named', async () => {
    const post = async (payload: unknown) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/carbon/consents',
        headers: await as('enterprise'),
        payload: payload as object,
      });
    const base = { bank: BANK_THREE, purpose: 'loan_assessment', expiresAt: '2099-01-01' };
    expect(errorOf(await post({ ...base, note: 'x' })).code).toBe('UNKNOWN_FIELD');
    expect((await post({ ...base, purpose: 'marketing' })).statusCode).toBe(422);
    expect((await post({ bank: BANK_THREE, purpose: 'loan_assessment' })).statusCode).toBe(422);
    const unknownBank = await post({ ...base, bank: otherUscc });
    expect(unknownBank.statusCode).toBe(422);
    expect(errorOf(unknownBank).code).toBe('UNKNOWN_BANK');
    const tooLate = await post(base);
    expect(tooLate.statusCode).toBe(422);
    expect(errorOf(tooLate).code).toBe('INVALID_CONSENT_EXPIRY');
    expect(errorOf(await post({ ...base, expiresAt: '2020-01-01' })).code).toBe('INVALID_CONSENT_EXPIRY');
    expect(errorOf(await post({ ...base, expiresAt: 'next week' })).code).toBe('INVALID_CONSENT_EXPIRY');
    expect(errorOf(await grant(BANK_ONE)).code).toBe('CONSENT_EXISTS');
  });

  it('authorises by role: who may grant, read reports and see the access log', async () => {
    const body = { bank: BANK_ONE, purpose: 'loan_assessment', expiresAt: '2099-01-01' };
    for (const username of ['resident', 'bank', 'officer'])
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/carbon/consents',
            headers: await as(username),
            payload: body,
          })
        ).statusCode,
        username,
      ).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/carbon/consents', payload: body })).statusCode,
    ).toBe(401);
    expect((await report('officer')).statusCode).toBe(403);
    expect((await report('resident')).statusCode).toBe(403);
    expect((await report('enterprise', otherUscc)).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/carbon/credit-reports/${uscc}` })).statusCode).toBe(401);
    const nobody = await report('bank-nobody');
    expect(nobody.statusCode).toBe(403);
    expect(errorOf(nobody).code).toBe('NO_BANK_ORGANISATION');
    expect(
      (await t.app.inject({ url: '/api/v1/carbon/data-access/me', headers: await as('bank') })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ url: '/api/v1/carbon/consents/me', headers: await as('bank') })).statusCode,
    ).toBe(403);
  });

  it('the enterprise reads its own report without consent, and that is not someone else’s read', async () => {
    const before = (await accessLog()).items.length;
    const response = await report('enterprise');
    expect(response.statusCode).toBe(200);
    expect(response.json().enterprise.uscc).toBe(uscc);
    expect((await accessLog()).items.length).toBe(before);
  });

  it('another enterprise’s consent cannot be revoked, and a resident sees their own (empty) access log', async () => {
    const consents = (
      await t.app.inject({ url: '/api/v1/carbon/consents/me', headers: await as('enterprise') })
    ).json();
    const active = consents.items.find((c: { status: string }) => c.status === 'active');
    const otherAgent = await t.platform.auth.createUser(
      {
        username: 'agent-other',
        password: DEMO_PASSWORD,
        role: 'enterprise_agent',
        displayName: 'x',
        subjectId: otherUscc,
      },
      null,
    );
    expect(otherAgent.subjectId).toBe(otherUscc);
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/carbon/consents/${active.id}`,
      headers: await as('agent-other'),
    });
    expect(response.statusCode).toBe(404);
    expect(await accessLog('resident')).toEqual({ items: [], next: null });
  });

  it('reads its figures from the industrial accounts themselves (no stand-in)', async () => {
    vi.restoreAllMocks();
    const response = await report('bank');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.months.length + body.missingPeriods.length).toBe(body.window ? 12 : 0);
  });
});
