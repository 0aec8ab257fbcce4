import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditService } from '../audit';
import { isUniqueViolation, type SanquDatabase, tablesOf } from '../db';
import { AppError } from '../errors';
import type { AuthTables, AuthUserTable } from './auth.tables';
import { hashPassword, isAcceptablePassword, verifyPassword } from './passwords';
import { type Actor, ROLES, type Role } from './roles';

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  department?: string | null;
  divisionCode?: string | null;
  subjectId?: string | null;
}

export interface AuthSettings {
  sessionHours: number;
  maxFailedLogins: number;
  lockoutMinutes: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionHours: 12,
  maxFailedLogins: 5,
  lockoutMinutes: 15,
};

export interface LoginResult {
  token: string;
  expiresAt: string;
  actor: Actor;
}

export type AuthService = ReturnType<typeof createAuthService>;

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export function toActor(row: AuthUserTable): Actor {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    department: row.department,
    divisionCode: row.division_code,
    subjectId: row.subject_id,
  };
}

/** 统一身份认证 — users, argon2id passwords, sessions and login lockout. */
export function createAuthService(
  database: SanquDatabase,
  audit: AuditService,
  settings: AuthSettings = DEFAULT_AUTH_SETTINGS,
  now: () => Date = () => new Date(),
) {
  const db = tablesOf<AuthTables>(database.db);
  // Verifying against a real hash when the user does not exist keeps "no such user" as slow as "wrong password".
  const decoyHash = hashPassword(randomUUID());

  /** Counts a failed login in one statement (concurrent failures cannot overwrite each other) and locks at the limit. */
  async function recordFailure(user: AuthUserTable) {
    const lockedUntil = new Date(now().getTime() + settings.lockoutMinutes * 60_000).toISOString();
    const locked = await audit.transaction(db, async (trx) => {
      const counted = await trx
        .updateTable('auth_users')
        .set({ failed_attempts: sql`failed_attempts + 1` })
        .where('id', '=', user.id)
        .returning('failed_attempts')
        .executeTakeFirstOrThrow();
      const attempts = Number(counted.failed_attempts);
      const lock = attempts >= settings.maxFailedLogins;
      if (lock) {
        await trx
          .updateTable('auth_users')
          .set({ failed_attempts: 0, locked_until: lockedUntil })
          .where('id', '=', user.id)
          .execute();
      }
      await audit.record(trx, {
        actor: null,
        action: lock ? 'auth.lock' : 'auth.login_failed',
        resourceType: 'user',
        resourceId: user.id,
        after: { attempts, lockedUntil: lock ? lockedUntil : null },
      });
      return lock;
    });
    if (locked) throw lockedError(lockedUntil);
  }

  function lockedError(until: string) {
    const seconds = Math.max(1, Math.ceil((Date.parse(until) - now().getTime()) / 1000));
    const minutes = Math.ceil(seconds / 60);
    return new AppError(429, 'TOO_MANY_ATTEMPTS', 'accountLocked', { minutes }, [], {
      'retry-after': String(seconds),
    });
  }

  return {
    async createUser(input: NewUser, actor: Actor | null): Promise<Actor> {
      if (!USERNAME.test(input.username)) {
        throw new AppError(422, 'INVALID_USERNAME', 'badFormat', { constraint: 'a-z 0-9 . _ -, 3-64' });
      }
      if (!ROLES.includes(input.role))
        throw new AppError(422, 'INVALID_ROLE', 'notAllowedValue', { allowed: ROLES.join(', ') });
      if (!isAcceptablePassword(input.password)) throw new AppError(422, 'WEAK_PASSWORD', 'weakPassword');
      const row: AuthUserTable = {
        id: randomUUID(),
        username: input.username,
        password_hash: await hashPassword(input.password),
        display_name: input.displayName,
        role: input.role,
        department: input.department ?? null,
        division_code: input.divisionCode ?? null,
        subject_id: input.subjectId ? input.subjectId.trim().toUpperCase() : null,
        failed_attempts: 0,
        locked_until: null,
        disabled: 0,
        created_at: now().toISOString(),
      };
      try {
        await audit.transaction(db, async (trx) => {
          await trx.insertInto('auth_users').values(row).execute();
          const { password_hash: _, ...visible } = row;
          await audit.record(trx, {
            actor,
            action: 'user.create',
            resourceType: 'user',
            resourceId: row.id,
            after: visible,
          });
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError(409, 'USERNAME_TAKEN', 'usernameTaken', { username: input.username });
        throw error;
      }
      return toActor(row);
    },

    async login(username: string, password: string): Promise<LoginResult> {
      const user = await db
        .selectFrom('auth_users')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      if (!user || user.disabled) {
        await verifyPassword(await decoyHash, password);
        throw new AppError(401, 'INVALID_CREDENTIALS', 'invalidCredentials');
      }
      if (user.locked_until && Date.parse(user.locked_until) > now().getTime())
        throw lockedError(user.locked_until);
      if (!(await verifyPassword(user.password_hash, password))) {
        await recordFailure(user);
        throw new AppError(401, 'INVALID_CREDENTIALS', 'invalidCredentials');
      }
      const token = randomBytes(32).toString('base64url');
      const createdAt = now();
      const expiresAt = new Date(createdAt.getTime() + settings.sessionHours * 3_600_000).toISOString();
      await audit.transaction(db, async (trx) => {
        await trx
          .insertInto('auth_sessions')
          .values({
            token_hash: tokenHash(token),
            user_id: user.id,
            created_at: createdAt.toISOString(),
            expires_at: expiresAt,
          })
          .execute();
        await trx
          .updateTable('auth_users')
          .set({ failed_attempts: 0, locked_until: null })
          .where('id', '=', user.id)
          .execute();
        await audit.record(trx, {
          actor: { id: user.id, role: user.role },
          action: 'auth.login',
          resourceType: 'user',
          resourceId: user.id,
        });
      });
      return { token, expiresAt, actor: toActor(user) };
    },

    /** The actor behind a session token, or null when the token is unknown, expired or its user disabled. */
    async authenticate(token: string): Promise<Actor | null> {
      const row = await db
        .selectFrom('auth_sessions as s')
        .innerJoin('auth_users as u', 'u.id', 's.user_id')
        .selectAll('u')
        .select('s.expires_at')
        .where('s.token_hash', '=', tokenHash(token))
        .executeTakeFirst();
      if (!row || row.disabled || Date.parse(row.expires_at) <= now().getTime()) return null;
      return toActor(row);
    },

    async logout(token: string, actor: Actor): Promise<void> {
      await audit.transaction(db, async (trx) => {
        await trx.deleteFrom('auth_sessions').where('token_hash', '=', tokenHash(token)).execute();
        await audit.record(trx, { actor, action: 'auth.logout', resourceType: 'user', resourceId: actor.id });
      });
    },

    /** Usernames of the users among `ids` (unknown ids are left out): the audit trail names its actors by them. */
    async usernamesOf(ids: readonly string[]): Promise<Map<string, string>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await db
        .selectFrom('auth_users')
        .select(['id', 'username'])
        .where('id', 'in', unique)
        .execute();
      return new Map(rows.map((row) => [row.id, row.username]));
    },

    async findByUsername(username: string): Promise<Actor | null> {
      const row = await db
        .selectFrom('auth_users')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      return row ? toActor(row) : null;
    },
  };
}
