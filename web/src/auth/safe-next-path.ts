import type { Role } from '../api/auth';
import { canVisit, roleHome } from '../app/roles';

/**
 * Where to go after login: the `next` path if it is a same-origin app path the role may visit,
 * otherwise the role's home.
 * @example safeNextPath('/workbench', 'officer') === '/workbench'
 * @example safeNextPath('//evil.example', 'officer') === '/workbench'
 */
export function safeNextPath(next: string | null, role: Role): string {
  const home = roleHome(role).path;
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return home;
  if (next === '/' || next.startsWith('/login')) return home;
  return canVisit(role, next) ? next : home;
}
