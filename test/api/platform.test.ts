import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../src/kernel/db/test-databases';
import { bearer, errorOf, startTestApp, type TestApp } from './support';

describe('metrics token', () => {
  it('closes /metrics to callers without the configured token', async () => {
    const t = await startTestApp('sqlite', { users: [], metricsToken: 'scrape-secret' });
    try {
      expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(401);
      const ok = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer scrape-secret' } });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('sanqu_http_requests_total');
    } finally {
      await t.dispose();
    }
  });
});

describe.each(testDialects)('platform endpoints on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.dispose());

  it('healthz and readyz answer', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  it('metrics count requests by route template and show the database pool', async () => {
    await t.app.inject({ url: '/api/v1/divisions/330822' });
    const text = (await t.app.inject({ url: '/metrics' })).body;
    expect(text).toMatch(
      /sanqu_http_requests_total\{method="GET",route="\/api\/v1\/divisions\/:code",status="200"\} [1-9]/,
    );
    expect(text).toContain('sanqu_http_request_duration_seconds_bucket');
    expect(text).toMatch(new RegExp(`sanqu_db_pool_connections\\{dialect="${dialect}",state="total"\\}`));
  });

  it('publishes OpenAPI 3.1 where every API operation declares its responses', async () => {
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    const operations = Object.entries(
      spec.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>,
    ).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
    expect(operations.length).toBeGreaterThan(5);
    for (const { path, method, op } of operations) {
      const success = Object.keys(op.responses ?? {}).filter((s) => s.startsWith('2'));
      expect(success, `${method} ${path}`).not.toHaveLength(0);
    }
    expect(spec.paths['/api/v1/auth/login'].post.requestBody).toBeTruthy();
    expect((await t.app.inject({ url: '/docs' })).statusCode).toBeLessThan(400);
  });

  it('serves the division tree', async () => {
    const roots = (await t.app.inject({ url: '/api/v1/divisions' })).json();
    expect(roots.items.map((d: { code: string }) => d.code)).toEqual([
      '330800',
      '341000',
      '350700',
      '361100',
    ]);
    const county = (await t.app.inject({ url: '/api/v1/divisions/330822' })).json();
    expect(county.division.name).toBe('常山县');
    expect(county.path.map((d: { code: string }) => d.code)).toEqual(['330800', '330822']);
    expect(county.children).toHaveLength(14);
    const missing = await t.app.inject({ url: '/api/v1/divisions/330899' });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('NOT_FOUND');
  });

  it('lets auditors verify the audit chain and nobody else', async () => {
    const ok = await t.app.inject({ url: '/api/v1/audit/verify', headers: bearer(await t.login('auditor')) });
    expect(ok.json()).toMatchObject({ ok: true });
    expect(
      (await t.app.inject({ url: '/api/v1/audit/verify', headers: bearer(await t.login('resident1')) }))
        .statusCode,
    ).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/audit/verify' })).statusCode).toBe(401);
  });

  it('lets auditors read the audit trail, filtered and paged, and nobody else', async () => {
    const headers = bearer(await t.login('auditor'));
    const read = (query: string) => t.app.inject({ url: `/api/v1/audit/entries${query}`, headers });
    // Logins of this suite are audited (user.login); the seed's user creation too.
    const page = await read('?limit=2');
    expect(page.statusCode).toBe(200);
    const body = page.json() as {
      entries: { seq: number; action: string; hash: string }[];
      next: number | null;
    };
    expect(body.entries).toHaveLength(2);
    expect(body.entries[0]!.seq).toBeGreaterThan(body.entries[1]!.seq);
    expect(body.entries[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.next).toBe(body.entries[1]!.seq);
    const next = (await read(`?limit=2&before=${body.next}`)).json() as typeof body;
    expect(next.entries[0]!.seq).toBeLessThan(body.next!);
    // Actors are named by username: the auditor's own login is among the newest entries.
    const logins = (await read('?action=auth.login&limit=500')).json() as {
      entries: { actorId: string | null; actorName: string | null }[];
    };
    expect(logins.entries.map((e) => e.actorName)).toContain('auditor');
    expect(logins.entries.every((e) => e.actorId !== null && e.actorName !== null)).toBe(true);
    const users = (await read('?action=user.&limit=500')).json() as typeof body;
    expect(users.entries.length).toBeGreaterThan(0);
    expect(users.entries.every((e) => e.action.startsWith('user.'))).toBe(true);

    for (const query of ['?action=user.%25', '?limit=0', '?before=x', '?from=yesterday']) {
      const refused = await read(query);
      expect(refused.statusCode, query).toBe(422);
      expect(errorOf(refused).code, query).toBe('VALIDATION_FAILED');
    }
    expect(errorOf(await read('?colour=red')).code).toBe('UNKNOWN_FIELD');
    for (const who of ['resident1', 'officer-city']) {
      const forbidden = await t.app.inject({
        url: '/api/v1/audit/entries',
        headers: bearer(await t.login(who)),
      });
      expect(forbidden.statusCode, who).toBe(403);
    }
    expect((await t.app.inject({ url: '/api/v1/audit/entries' })).statusCode).toBe(401);
  });

  it('keeps ID numbers, phones and tokens out of the logs', async () => {
    const token = await t.login('resident1');
    await t.app.inject({
      url: '/api/v1/divisions/330822199001011237?phone=13812345678',
      headers: bearer(token),
    });
    const logs = t.logLines.join('');
    expect(logs).toContain('"reqId"');
    expect(logs).toContain('/api/v1/divisions/330822********1237?phone=138****5678');
    expect(logs).not.toContain('330822199001011237');
    expect(logs).not.toContain('13812345678');
    expect(logs).not.toContain(token);
  });

  it.skipIf(!existsSync('dist/web/index.html'))(
    'serves the web app, with client routes falling back to index.html',
    async () => {
      const root = await t.app.inject({ url: '/', headers: { accept: 'text/html' } });
      expect(root.statusCode).toBe(200);
      expect(root.body).toContain('<div id="root">');
      const deep = await t.app.inject({ url: '/workbench', headers: { accept: 'text/html' } });
      expect(deep.statusCode).toBe(200);
      expect(deep.body).toBe(root.body);
      expect(deep.headers['cache-control']).toBe('no-cache');
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(root.body)?.[1];
      expect(asset).toBeTruthy();
      const script = await t.app.inject({ url: asset! });
      expect(script.headers['cache-control']).toContain('immutable');
    },
  );
});
