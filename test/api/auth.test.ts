import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../src/kernel/db/test-databases';
import { bearer, errorOf, PASSWORD, startTestApp, type TestApp } from './support';

describe.each(testDialects)('auth API on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.dispose());

  it('login returns a token and sets an HTTP-only session cookie', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'officer-changshan', password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({
      username: 'officer-changshan',
      role: 'officer',
      divisionCode: '330822',
      divisionName: '常山县',
    });
    expect(body.user).not.toHaveProperty('passwordHash');
    const cookie = response.cookies.find((c) => c.name === 'sanqu_session');
    expect(cookie).toMatchObject({ value: body.token, httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(response.headers['x-request-id']).toBeTruthy();
  });

  it('/me works with the bearer token and with the cookie, and is 401 without either', async () => {
    const token = await t.login('resident1');
    const viaBearer = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });
    expect(viaBearer.json().user.username).toBe('resident1');
    const viaCookie = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { sanqu_session: token },
    });
    expect(viaCookie.json().user.username).toBe('resident1');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(errorOf(anonymous).code).toBe('UNAUTHENTICATED');
  });

  it('logout ends the session and clears the cookie', async () => {
    const token = await t.login('auditor');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: bearer(token),
    });
    expect(response.statusCode).toBe(204);
    expect(response.cookies.find((c) => c.name === 'sanqu_session')?.value).toBe('');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) })).statusCode,
    ).toBe(401);
    const stale = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { sanqu_session: token },
    });
    expect(stale.statusCode).toBe(204);
    expect(stale.cookies.find((c) => c.name === 'sanqu_session')?.value).toBe('');
  });

  it('a wrong password is a 401; repeated failures lock the account (429)', async () => {
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'officer-city', password: 'wrong-pass1' },
        headers: { 'accept-language': 'en' },
      });
    for (let i = 0; i < 4; i++) expect((await attempt()).statusCode).toBe(401);
    const locked = await attempt();
    expect(locked.statusCode).toBe(429);
    expect(errorOf(locked)).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(errorOf(locked).message).toMatch(/locked/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
  });

  describe('POST /api/v1/auth/users', () => {
    const newUser = {
      username: 'new-officer',
      password: 'Welcome2026',
      displayName: '新干部',
      role: 'officer',
      department: 'market',
      divisionCode: '330824',
    };

    it('lets an admin create a user', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/users',
        headers: bearer(await t.login('admin')),
        payload: newUser,
      });
      expect(response.statusCode).toBe(201);
      expect(response.json().user).toMatchObject({ username: 'new-officer', divisionName: '开化县' });
      expect(await t.platform.audit.verify()).toMatchObject({ ok: true });
    });

    it('refuses a duplicate (409), a non-admin (403), an anonymous caller (401) and a bad role (422)', async () => {
      const admin = bearer(await t.login('admin'));
      const duplicate = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/users',
        headers: admin,
        payload: newUser,
      });
      expect(duplicate.statusCode).toBe(409);
      const officer = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/users',
        headers: bearer(await t.login('officer-changshan')),
        payload: { ...newUser, username: 'other' },
      });
      expect(officer.statusCode).toBe(403);
      expect(errorOf(officer).code).toBe('FORBIDDEN');
      const anonymous = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/users',
        payload: { ...newUser, username: 'other' },
      });
      expect(anonymous.statusCode).toBe(401);
      const badRole = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/users',
        headers: admin,
        payload: { ...newUser, username: 'other', role: 'king' },
      });
      expect(badRole.statusCode).toBe(422);
    });
  });
});

describe('login rate limit per IP', () => {
  it('answers 429 in the shared shape once the per-minute budget is spent', async () => {
    const t = await startTestApp('sqlite', { users: [], loginRatePerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'x', password: 'y' },
        });
        codes.push(r.statusCode);
        if (r.statusCode === 429) expect(errorOf(r).code).toBe('TOO_MANY_REQUESTS');
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await t.dispose();
    }
  });
});
