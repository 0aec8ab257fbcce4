import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, multipartFile } from '../../../test/api/support';
import { testDialects } from '../../kernel/db/test-databases';
import { MONDAY, PDF, PNG, type ServicesFixture, startServicesFixture } from './services-test-support';

describe.each(testDialects)('services API on %s', (dialect) => {
  let f: ServicesFixture;
  const call = async (
    username: string | null,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: unknown,
    extra: Record<string, string> = {},
  ) =>
    f.t.app.inject({
      method,
      url: `/api/v1/services${url}`,
      payload: payload as never,
      headers: { ...(username ? await f.headers(username) : {}), ...extra },
    });

  beforeAll(async () => {
    f = await startServicesFixture(dialect);
    f.clock.now = MONDAY;
  }, 180_000);
  afterAll(() => f?.t.dispose());

  describe('catalogue', () => {
    it('lists and searches items of the four cities without login', async () => {
      const all = await call(null, 'GET', '/items');
      expect(all.statusCode).toBe(200);
      const items = all.json().items as {
        id: string;
        alliance: boolean;
        cityCode: string;
        certificateFree: boolean;
      }[];
      expect(items.filter((i) => i.cityCode === '361100')).toHaveLength(101);
      expect(items.filter((i) => i.cityCode === '330800')).toHaveLength(130);
      const search = (await call(null, 'GET', `/items?city=330800&q=${encodeURIComponent('公积金')}`)).json()
        .items;
      expect(search.length).toBeGreaterThan(5);
      expect(search.every((i: { name: { zh: string } }) => i.name.zh.includes('公积金'))).toBe(true);
      expect((await call(null, 'GET', '/items?city=110000')).statusCode).toBe(422);
    });

    it('shows which registry fields an item fetches, and 404 for an unknown item', async () => {
      const item = (await call(null, 'GET', '/items/330800-hpf-account-query')).json();
      expect(item.fetches.map((x: { dataset: string }) => x.dataset)).toEqual([
        'household',
        'provident_fund',
      ]);
      expect(item.fetches[0].keeper.zh).toBe('公安机关');
      expect(errorOf(await call(null, 'GET', '/items/330800-nope')).code).toBe('NOT_FOUND');
    });

    it('prefills the form from the applicant’s own records, for applicants only', async () => {
      const prefill = await call('resident-a', 'GET', '/items/330800-hrss-social-security-card/prefill');
      expect(prefill.statusCode).toBe(200);
      const resident = await f.t.platform.registry.getResident(f.residents[0]);
      expect(prefill.json().values.name).toBe(resident?.name);
      expect((await call(null, 'GET', '/items/330800-hrss-social-security-card/prefill')).statusCode).toBe(
        401,
      );
      expect(
        (await call('hpf-city', 'GET', '/items/330800-hrss-social-security-card/prefill')).statusCode,
      ).toBe(403);
    });

    it('lets the item’s department edit it as a new version; refuses others, bad definitions and stale versions', async () => {
      const item = (await call(null, 'GET', '/items/330800-hpf-account-query')).json();
      const definition = { ...item.definition, promisedLimitDays: 0, legalLimitDays: 2 };
      const body = { definition, expectedVersion: item.version, note: '压缩法定时限' };
      expect((await call('ps-changshan', 'PUT', '/items/330800-hpf-account-query', body)).statusCode).toBe(
        403,
      );
      expect((await call('hpf-huangshan', 'PUT', '/items/330800-hpf-account-query', body)).statusCode).toBe(
        403,
      );
      const bad = await call('hpf-city', 'PUT', '/items/330800-hpf-account-query', {
        ...body,
        definition: { ...definition, promisedLimitDays: 5 },
      });
      expect(bad.statusCode).toBe(422);
      expect(errorOf(bad).details).toEqual([
        { path: 'promisedLimitDays', message: expect.stringContaining('legal') },
      ]);
      expect(
        (await call('hpf-city', 'PUT', '/items/330800-hpf-account-query', { ...body, extra: 1 })).statusCode,
      ).toBe(422);
      const edited = await call('hpf-city', 'PUT', '/items/330800-hpf-account-query', body);
      expect(edited.statusCode).toBe(200);
      expect(edited.json().version).toBe(item.version + 1);
      expect((await call('hpf-city', 'PUT', '/items/330800-hpf-account-query', body)).statusCode).toBe(409);
      const versions = (await call('hpf-city', 'GET', '/items/330800-hpf-account-query/versions')).json()
        .items;
      expect(versions.map((v: { version: number }) => v.version)).toEqual([item.version + 1, item.version]);
      expect((await call('resident-a', 'GET', '/items/330800-hpf-account-query/versions')).statusCode).toBe(
        403,
      );
    });
  });

  describe('uploads', () => {
    it('stores PDF, JPEG and PNG by content; refuses other content, mislabelled files and anonymous uploads', async () => {
      const ok = await f.t.app.inject({
        method: 'POST',
        url: '/api/v1/services/files',
        ...withAuth(multipartFile('照片.png', PNG, { type: 'image/png' }), await f.headers('resident-a')),
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ mediaType: 'image/png', size: PNG.length, fileName: '照片.png' });
      const exe = await f.t.app.inject({
        method: 'POST',
        url: '/api/v1/services/files',
        ...withAuth(
          multipartFile('a.pdf', new TextEncoder().encode('MZ not a pdf')),
          await f.headers('resident-a'),
        ),
      });
      expect([exe.statusCode, errorOf(exe).code]).toEqual([415, 'UPLOAD_TYPE_NOT_ALLOWED']);
      const lying = await f.t.app.inject({
        method: 'POST',
        url: '/api/v1/services/files',
        ...withAuth(multipartFile('a.png', PDF, { type: 'image/png' }), await f.headers('resident-a')),
      });
      expect([lying.statusCode, errorOf(lying).code]).toEqual([415, 'UPLOAD_MISLABELLED']);
      const anonymous = await f.t.app.inject({
        method: 'POST',
        url: '/api/v1/services/files',
        ...multipartFile('a.pdf', PDF),
      });
      expect(anonymous.statusCode).toBe(401);
      const big = new Uint8Array(10 * 1024 * 1024 + 10);
      big.set(PDF);
      const tooBig = await f.t.app.inject({
        method: 'POST',
        url: '/api/v1/services/files',
        ...withAuth(multipartFile('big.pdf', big), await f.headers('resident-a')),
      });
      expect([tooBig.statusCode, errorOf(tooBig).code]).toEqual([413, 'UPLOAD_TOO_LARGE']);
    });
  });

  describe('cases', () => {
    let caseId: string;

    it('takes an application and shows it to the applicant, to nobody else', async () => {
      const created = await call('resident-a', 'POST', '/cases', {
        itemId: '330800-hpf-account-query',
        form: {},
        consent: true,
        requestKey: 'route-test-1',
      });
      expect(created.statusCode).toBe(201);
      caseId = created.json().id;
      expect(created.json()).toMatchObject({
        state: 'accepted',
        visits: 0,
        overVisits: false,
        sla: { state: 'warning', dueDateProvisional: false },
      });
      const mine = (await call('resident-a', 'GET', '/cases/mine')).json().items;
      expect(mine.map((c: { id: string }) => c.id)).toContain(caseId);
      const detail = (await call('resident-a', 'GET', `/cases/${caseId}`)).json();
      expect(detail.roles).toEqual(['applicant']);
      expect(detail.actions).toEqual(['withdraw']);
      expect(detail.materials.every((m: { proof: unknown }) => m.proof !== null)).toBe(true);
      expect((await call('resident-b', 'GET', `/cases/${caseId}`)).statusCode).toBe(404);
      expect((await call(null, 'GET', `/cases/${caseId}`)).statusCode).toBe(401);
    });

    it('answers bad applications with the shared error shape', async () => {
      const unknownField = await call('resident-a', 'POST', '/cases', {
        itemId: '330800-hpf-account-query',
        form: {},
        consent: true,
        extra: 1,
      });
      expect(unknownField.statusCode).toBe(422);
      const wrongApplicant = await call('resident-a', 'POST', '/cases', {
        itemId: '330800-hpf-employer-registration',
        form: {},
        consent: true,
      });
      expect([wrongApplicant.statusCode, errorOf(wrongApplicant).code]).toEqual([
        422,
        'ITEM_NOT_FOR_APPLICANT',
      ]);
      const noItem = await call('resident-a', 'POST', '/cases', {
        itemId: '330800-nope',
        form: {},
        consent: true,
      });
      expect(noItem.statusCode).toBe(404);
      const badForm = await call('resident-a', 'POST', '/cases', {
        itemId: '330800-hpf-transfer',
        form: { color: 'red' },
        consent: true,
      });
      expect([badForm.statusCode, errorOf(badForm).code]).toEqual([422, 'UNKNOWN_FORM_FIELD']);
      const missing = await call('resident-a', 'POST', '/cases', {
        itemId: '330800-hpf-transfer',
        form: {},
        consent: true,
      });
      expect(errorOf(missing)).toMatchObject({
        code: 'FORM_INVALID',
        details: [{ path: 'form.fromCentre' }],
      });
      const english = await call(
        'resident-a',
        'POST',
        '/cases',
        { itemId: '330800-hpf-transfer', form: {}, consent: true },
        { 'accept-language': 'en' },
      );
      expect(errorOf(english).message).toMatch(/^The form has 1/);
      const notAlliance = await call('resident-a', 'POST', '/cases', {
        itemId: '330800-hpf-account-query',
        form: {},
        consent: true,
        fromCity: '110100',
      });
      expect([notAlliance.statusCode, errorOf(notAlliance).code]).toEqual([422, 'CROSS_CITY_NOT_OFFERED']);
      const fromShangrao = await call('resident-a', 'POST', '/cases', {
        itemId: '330800-hpf-account-query',
        form: {},
        consent: true,
        fromCity: '361100',
      });
      expect(fromShangrao.json()).toMatchObject({ mode: 'full_online', receivingDivision: '361100' });
      const officerWithoutApplicant = await call('hpf-city', 'POST', '/cases', {
        itemId: '330800-hpf-account-query',
        form: {},
        consent: true,
      });
      expect(officerWithoutApplicant.statusCode).toBe(403);
    });

    it('moves a case step by step for the deciding office; refuses other roles and wrong states', async () => {
      expect(errorOf(await call('hpf-city', 'POST', `/cases/${caseId}/actions/approve`, {})).code).toBe(
        'TRANSITION_NOT_ALLOWED',
      );
      expect((await call('hpf-huangshan', 'POST', `/cases/${caseId}/actions/claim`, {})).statusCode).toBe(
        404,
      );
      expect((await call('resident-a', 'POST', `/cases/${caseId}/actions/claim`, {})).statusCode).toBe(403);
      expect((await call('hpf-city', 'POST', `/cases/${caseId}/actions/fly`, {})).statusCode).toBe(422);
      expect((await call('resident-a', 'GET', `/cases/${caseId}/result`)).statusCode).toBe(409);
      const claimed = await call('hpf-city', 'POST', `/cases/${caseId}/actions/claim`, {
        expectedVersion: 2,
      });
      expect(claimed.json()).toMatchObject({ state: 'in_review', assigneeName: 'hpf-city' });
      await call('hpf-city', 'POST', `/cases/${caseId}/actions/approve`, {});
      const post = await call('hpf-city', 'POST', `/cases/${caseId}/actions/deliver`, {
        delivery: 'post',
        trackingNumber: 'EA123456789CN',
      });
      expect([post.statusCode, errorOf(post).code]).toEqual([422, 'INVALID_ACTION_INPUT']); // electronic only
      const delivered = await call('hpf-city', 'POST', `/cases/${caseId}/actions/deliver`, {
        delivery: 'electronic',
      });
      expect(delivered.json()).toMatchObject({ state: 'delivered', resultNumber: `${caseId}-R` });
      const result = await call('resident-a', 'GET', `/cases/${caseId}/result`);
      expect(result.statusCode).toBe(200);
      expect(result.headers['content-type']).toMatch(/text\/html/);
      expect(result.body).toContain(`${caseId}-R`);
      expect(result.body).not.toContain(f.residents[0]); // the ID is masked on paper
    });

    it('takes a batch of steps, each checked on its own, in one request', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++)
        ids.push(
          (
            await call('resident-a', 'POST', '/cases', {
              itemId: '330800-hpf-account-query',
              form: {},
              consent: true,
            })
          ).json().id,
        );
      const batch = await call('hpf-city', 'POST', '/cases/batch-actions', {
        steps: [
          { caseId: ids[0], action: 'claim' },
          { caseId: ids[1], action: 'claim', expectedVersion: 99 },
          { caseId: ids[2], action: 'approve' },
          { caseId: 'nope', action: 'claim' },
          { caseId: caseId, action: 'resubmit' },
        ],
      });
      expect(batch.statusCode).toBe(200);
      const results = batch.json().results as {
        caseId: string;
        status: string;
        case: { state: string } | null;
        error: { code: string } | null;
      }[];
      expect(results.map((r) => [r.status, r.case?.state ?? r.error?.code])).toEqual([
        ['done', 'in_review'],
        ['refused', 'CASE_CHANGED'],
        ['refused', 'TRANSITION_NOT_ALLOWED'],
        ['refused', 'NOT_FOUND'],
        ['refused', 'NOT_IN_BATCH'],
      ]);
      const timeline = (await call('hpf-city', 'GET', `/cases/${ids[0]}`)).json().timeline as {
        action: string;
      }[];
      expect(timeline.map((s) => s.action)).toEqual(['submit', 'accept', 'claim']);
      expect((await call('hpf-city', 'GET', `/cases/${ids[1]}`)).json().case.state).toBe('accepted');
      expect((await f.t.platform.audit.verify()).ok).toBe(true);
      const twice = await call('hpf-city', 'POST', '/cases/batch-actions', {
        steps: [
          { caseId: ids[1], action: 'claim' },
          { caseId: ids[1], action: 'claim' },
        ],
      });
      expect(errorOf(twice).code).toBe('BATCH_DUPLICATE_CASE');
      expect((await call('hpf-city', 'POST', '/cases/batch-actions', { steps: [] })).statusCode).toBe(422);
      const other = await call('resident-b', 'POST', '/cases/batch-actions', {
        steps: [{ caseId: ids[1], action: 'withdraw' }],
      });
      expect(other.json().results[0].error.code).toBe('NOT_FOUND');
    });

    it('lists what was read for the applicant’s cases in their 数据使用记录, and their notices', async () => {
      const log = (await call('resident-a', 'GET', '/me/data-access')).json().items as {
        caseId: string;
        dataset: string;
        withConsent: boolean;
      }[];
      const reads = log.filter((entry) => entry.caseId === caseId);
      expect(reads.map((r) => r.dataset).sort()).toEqual(['registry.household', 'registry.provident_fund']);
      expect(reads.every((r) => r.withConsent)).toBe(true);
      const named = log.find((entry) => entry.dataset === 'registry.household') as unknown as {
        datasetName: { zh: string };
        fieldNames: { zh: string }[];
      };
      expect(named.datasetName.zh).toBe('户籍信息');
      expect(named.fieldNames[0]?.zh).toBe('姓名');
      const notices = (await call('resident-a', 'GET', '/me/notices')).json().items as {
        caseId: string;
        kind: string;
      }[];
      expect(notices.filter((n) => n.caseId === caseId).map((n) => n.kind)).toEqual([
        'deliver',
        'approve',
        'accepted',
      ]);
      expect((await call('hpf-city', 'GET', '/me/data-access')).statusCode).toBe(403);
    });

    it('serves queues and statistics to the right offices only', async () => {
      const queue = await call('hpf-city', 'GET', '/queue?state=delivered&limit=5'); // handling by default
      expect(queue.statusCode).toBe(200);
      expect(queue.json().items.map((c: { id: string }) => c.id)).toContain(caseId);
      expect((await call('hpf-city', 'GET', '/queue?view=supervision&state=accepted')).statusCode).toBe(403);
      expect((await call('resident-a', 'GET', '/queue?view=handling&state=accepted')).statusCode).toBe(403);
      expect((await call('hpf-city', 'GET', '/queue?view=handling&state=flying')).statusCode).toBe(422);
      const stats = await call('window-quzhou', 'GET', '/statistics?from=2026-06-01&to=2026-06-30');
      expect(stats.statusCode).toBe(200);
      expect(stats.json().visits.zero).toBeGreaterThan(0);
      expect((await call('hpf-city', 'GET', '/statistics?from=2026-06-01&to=2026-06-30')).statusCode).toBe(
        403,
      );
      expect(
        (await call('window-quzhou', 'GET', '/statistics?from=2026-07-01&to=2026-06-30')).statusCode,
      ).toBe(422);
      const xlsx = await call('window-quzhou', 'GET', '/statistics.xlsx?from=2026-06-01&to=2026-06-30');
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      expect(
        (await call('auditor-x', 'GET', '/statistics?division=330800&from=2026-06-01&to=2026-06-30'))
          .statusCode,
      ).toBe(200);
    });
  });
});

function withAuth<T extends { headers: Record<string, string> }>(
  request: T,
  auth: { authorization: string },
) {
  return { ...request, headers: { ...request.headers, ...auth } };
}
