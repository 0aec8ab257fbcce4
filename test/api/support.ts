import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/http/app';
import type { Role } from '../../src/kernel/auth';
import type { DialectName } from '../../src/kernel/db';
import { openTestDatabase } from '../../src/kernel/db/test-databases';
import type { SanquApp } from '../../src/kernel/module';
import { type Platform, preparePlatform } from '../../src/platform';

export const PASSWORD = 'Test@2026x';

export interface TestUser {
  username: string;
  role: Role;
  department?: string;
  divisionCode?: string;
  subjectId?: string;
}

export interface TestApp {
  app: SanquApp;
  platform: Platform;
  logLines: string[];
  /** Logs in through the API and returns the bearer token. */
  login(username: string): Promise<string>;
  dispose(): Promise<void>;
}

export const STANDARD_USERS: TestUser[] = [
  { username: 'admin', role: 'admin' },
  { username: 'officer-city', role: 'officer', department: 'services', divisionCode: '330800' },
  { username: 'officer-changshan', role: 'officer', department: 'services', divisionCode: '330822' },
  { username: 'resident1', role: 'resident', subjectId: '330822199001011237', divisionCode: '330822104201' },
  { username: 'auditor', role: 'auditor' },
];

/** A real app on a fresh database of `dialect`, with a few users; logs are captured, not printed. */
export async function startTestApp(
  dialect: DialectName,
  options: {
    users?: TestUser[];
    bodyLimit?: number;
    loginRatePerMinute?: number;
    metricsToken?: string;
    /** The platform's clock for the exchange and the services module (default: the real one). */
    now?: () => Date;
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(dialect);
  const platform = await preparePlatform(database, { now: options.now });
  for (const user of options.users ?? STANDARD_USERS) {
    await platform.auth.createUser({ ...user, password: PASSWORD, displayName: user.username }, null);
  }
  const logLines: string[] = [];
  const app = await buildApp(platform, {
    bodyLimit: options.bodyLimit ?? 1_048_576,
    logLevel: 'info',
    cookieSecure: false,
    loginRatePerMinute: options.loginRatePerMinute ?? 1000,
    webRoot: 'dist/web',
    metricsToken: options.metricsToken ?? null,
    logDestination: { write: (line) => void logLines.push(line) },
  });
  await app.ready();
  return {
    app,
    platform,
    logLines,
    async login(username) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: PASSWORD },
      });
      if (response.statusCode !== 200)
        throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
      return response.json().token as string;
    },
    async dispose() {
      await app.close();
      await database.dispose();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Logs in through the API with any password (e.g. the seeded demo password) and returns bearer headers. */
export async function loginHeaders(app: SanquApp, username: string, password: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  return bearer(response.json().token as string);
}

/** Asserts the shared error shape and returns its error object. */
export function errorOf(response: LightMyRequestResponse) {
  const body = response.json() as {
    error: { code: string; message: string; details: { path: string; message: string }[] };
  };
  if (
    !body.error ||
    typeof body.error.code !== 'string' ||
    typeof body.error.message !== 'string' ||
    !Array.isArray(body.error.details)
  ) {
    throw new Error(`not the shared error shape: ${response.body}`);
  }
  return body.error;
}

/**
 * A multipart/form-data body with one file part, for `app.inject`: `{ payload, headers }`. The part is named
 * `field` ("file" unless given) and declared as `type` (application/octet-stream unless given).
 */
export function multipartFile(
  filename: string,
  content: string | Uint8Array,
  options: { field?: string; type?: string } = {},
) {
  const boundary = '----sanqu-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${options.field ?? 'file'}"; filename="${filename}"\r\nContent-Type: ${options.type ?? 'application/octet-stream'}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
