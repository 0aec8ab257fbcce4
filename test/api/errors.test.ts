import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../src/kernel/db/test-databases';
import { errorOf, startTestApp, type TestApp } from './support';

describe.each(testDialects)('bad input on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { users: [], bodyLimit: 2048 });
  });
  afterAll(() => t.dispose());

  const login = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('malformed JSON is a 400 with a message in Chinese by default and English on request', async () => {
    const zh = await login('{"username": "a",');
    expect(zh.statusCode).toBe(400);
    expect(errorOf(zh)).toMatchObject({ code: 'MALFORMED_JSON' });
    expect(errorOf(zh).message).toMatch(/请求体不是有效的 JSON/);
    const en = await login('{"username": "a",', { 'accept-language': 'en-US,en;q=0.9' });
    expect(errorOf(en).message).toMatch(/not valid JSON/);
  });

  it('a wrong type is a 422 naming the field, without coercing strings into numbers', async () => {
    const response = await login(JSON.stringify({ username: 123, password: 'x' }));
    expect(response.statusCode).toBe(422);
    const error = errorOf(response);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toContainEqual({ path: 'body.username', message: '应为 string 类型' });
  });

  it('an unknown field is a 422 UNKNOWN_FIELD, not silently dropped', async () => {
    const response = await login(JSON.stringify({ username: 'a', password: 'b', pasword: 'typo' }), {
      'accept-language': 'en',
    });
    expect(response.statusCode).toBe(422);
    expect(errorOf(response)).toMatchObject({
      code: 'UNKNOWN_FIELD',
      details: [{ path: 'body.pasword', message: 'Unknown field pasword' }],
    });
  });

  it('a missing field and an over-long value are listed together', async () => {
    const response = await login(JSON.stringify({ username: 'x'.repeat(65) }), { 'accept-language': 'en' });
    expect(response.statusCode).toBe(422);
    const paths = errorOf(response)
      .details.map((d) => d.path)
      .sort();
    expect(paths).toEqual(['body.password', 'body.username']);
  });

  it('a body over the configured limit is a 413', async () => {
    const response = await login(JSON.stringify({ username: 'a', password: 'x'.repeat(4096) }));
    expect(response.statusCode).toBe(413);
    expect(errorOf(response)).toMatchObject({ code: 'BODY_TOO_LARGE' });
    expect(errorOf(response).message).toContain('2048');
  });

  it('a non-JSON content type is a 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: 'username=a',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(415);
    expect(errorOf(response).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('an unknown API route is a 404 in the shared shape', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { accept: 'text/html' },
    });
    expect(response.statusCode).toBe(404);
    expect(errorOf(response).code).toBe('NOT_FOUND');
  });

  it('a malformed URL and an over-long path parameter get the shared shape too', async () => {
    const badUrl = await t.app.inject({ method: 'GET', url: '/api/v1/divisions/%ZZ' });
    expect(badUrl.statusCode).toBe(400);
    expect(errorOf(badUrl).code).toBe('FST_ERR_BAD_URL');
    const longParam = await t.app.inject({ method: 'GET', url: `/api/v1/divisions/${'1'.repeat(200)}` });
    expect(longParam.statusCode).toBe(414);
    expect(errorOf(longParam).code).toBe('FST_ERR_MAX_PARAM_LENGTH');
  });

  it('bad path parameters are a 422, not a 500', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/divisions/abc' });
    expect(response.statusCode).toBe(422);
  });
});
