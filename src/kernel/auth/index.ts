import type { MigrationSource } from '../db';
import { createUsersAndSessions } from './migrations/2026_11_29_0003_create_users_and_sessions';

export type { AuthTables } from './auth.tables';
export { isAcceptablePassword } from './passwords';
export { type Can, createPolicy, type PolicyRule, type Resource } from './policy';
export { type Actor, ROLES, type Role } from './roles';
export {
  type AuthService,
  type AuthSettings,
  createAuthService,
  DEFAULT_AUTH_SETTINGS,
  type LoginResult,
  type NewUser,
} from './service';

export const authComponent: MigrationSource = {
  name: 'auth',
  migrations: { '2026_11_29_0003_create_users_and_sessions': createUsersAndSessions },
};
