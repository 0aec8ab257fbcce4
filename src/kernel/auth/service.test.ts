import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditComponent, createAuditService } from '../audit';
import { migrate } from '../db';
import { openTestDatabase, type TestDatabase, testDialects } from '../db/test-databases';
import { authComponent, createAuthService } from './index';

describe.each(testDialects)('auth on %s', (dialect) => {
  let database: TestDatabase;
  let clock: Date;
  let auth: ReturnType<typeof createAuthService>;
  let audit: ReturnType<typeof createAuditService>;

  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    await migrate(database, [auditComponent, authComponent]);
    audit = createAuditService(database);
    clock = new Date('2026-11-29T02:00:00Z');
    auth = createAuthService(
      database,
      audit,
      { sessionHours: 12, maxFailedLogins: 3, lockoutMinutes: 15 },
      () => clock,
    );
    await auth.createUser(
      {
        username: 'lin',
        password: 'Sanqu@2026',
        displayName: '林晓',
        role: 'officer',
        divisionCode: '330822',
        department: 'services',
      },
      null,
    );
  });
  afterEach(async () => {
    await database.dispose();
  });

  it('logs in with the right password and authenticates the token', async () => {
    const session = await auth.login('lin', 'Sanqu@2026');
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.expiresAt).toBe('2026-11-29T14:00:00.000Z');
    expect(await auth.authenticate(session.token)).toMatchObject({
      username: 'lin',
      role: 'officer',
      divisionCode: '330822',
    });
    expect(await auth.authenticate('not-a-token')).toBeNull();
  });

  it('stores an argon2id hash, never the password', async () => {
    const { sql } = await import('kysely');
    const row = await sql<{
      password_hash: string;
    }>`select password_hash from auth_users where username = 'lin'`.execute(database.db);
    expect(row.rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('expires sessions and ends them on logout', async () => {
    const session = await auth.login('lin', 'Sanqu@2026');
    clock = new Date('2026-11-29T14:00:01Z');
    expect(await auth.authenticate(session.token)).toBeNull();
    clock = new Date('2026-11-29T03:00:00Z');
    const again = await auth.login('lin', 'Sanqu@2026');
    await auth.logout(again.token, session.actor);
    expect(await auth.authenticate(again.token)).toBeNull();
  });

  it('answers the same for a wrong password and an unknown user', async () => {
    await expect(auth.login('lin', 'wrong-pass1')).rejects.toMatchObject({
      status: 401,
      code: 'INVALID_CREDENTIALS',
    });
    await expect(auth.login('nobody', 'wrong-pass1')).rejects.toMatchObject({
      status: 401,
      code: 'INVALID_CREDENTIALS',
    });
  });

  it('locks the account after repeated failures, even for the right password, until the lockout ends', async () => {
    await expect(auth.login('lin', 'x1234567')).rejects.toMatchObject({ status: 401 });
    await expect(auth.login('lin', 'x1234567')).rejects.toMatchObject({ status: 401 });
    await expect(auth.login('lin', 'x1234567')).rejects.toMatchObject({
      status: 429,
      code: 'TOO_MANY_ATTEMPTS',
    });
    await expect(auth.login('lin', 'Sanqu@2026')).rejects.toMatchObject({ status: 429 });
    clock = new Date('2026-11-29T02:15:01Z');
    await expect(auth.login('lin', 'Sanqu@2026')).resolves.toMatchObject({ actor: { username: 'lin' } });
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('counts concurrent failures without losing any, so parallel guessing still locks the account', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 12 }, () => auth.login('lin', 'x1234567')),
    );
    const codes = attempts.map((a) =>
      a.status === 'rejected' ? (a.reason as { status: number }).status : 200,
    );
    expect(codes.filter((c) => c === 429).length).toBeGreaterThan(0);
    await expect(auth.login('lin', 'Sanqu@2026')).rejects.toMatchObject({ status: 429 });
  });

  it('refuses duplicate usernames, weak passwords, bad usernames and unknown roles', async () => {
    const base = { password: 'Sanqu@2026', displayName: 'x', role: 'resident' as const };
    await expect(auth.createUser({ ...base, username: 'lin' }, null)).rejects.toMatchObject({
      status: 409,
      code: 'USERNAME_TAKEN',
    });
    await expect(
      auth.createUser({ ...base, username: 'ok-name', password: 'short1' }, null),
    ).rejects.toMatchObject({ code: 'WEAK_PASSWORD' });
    await expect(auth.createUser({ ...base, username: 'Bad Name' }, null)).rejects.toMatchObject({
      code: 'INVALID_USERNAME',
    });
    await expect(
      auth.createUser({ ...base, username: 'ok-name', role: 'king' as never }, null),
    ).rejects.toMatchObject({ code: 'INVALID_ROLE' });
  });
});
