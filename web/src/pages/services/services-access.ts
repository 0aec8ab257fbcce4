import type { Role } from '../../api/auth';
import type { MenuEntry } from '../../app/roles';
import { useCurrentUser } from '../../auth/use-current-user';

/** 政务服务: the service halls' windows and the office that supervises them and reads the statistics. */
export const SERVICES_DEPARTMENT = 'services';

/** Where the service hall lives for an applicant role (办事大厅), or null for roles that do not apply. */
export function hallPath(role: Role): string | null {
  if (role === 'resident') return '/me/services';
  if (role === 'enterprise_agent') return '/enterprise/services';
  return null;
}

/** Where the statistics page lives for a role that may read them, or null. */
export function statisticsPath(role: Role, department: string | null): string | null {
  if (role === 'officer' && department === SERVICES_DEPARTMENT) return '/workbench/services/statistics';
  if (role === 'auditor') return '/audit/services/statistics';
  return null;
}

/** The 一网通办 pages' side-menu entries for the signed-in user, after their role's own. */
export function useServicesMenuEntries(): MenuEntry[] {
  const user = useCurrentUser();
  const entries: MenuEntry[] = [];
  const hall = hallPath(user.role);
  if (hall) entries.push({ path: hall, labelKey: 'menu.servicesHall' });
  if (user.role === 'officer')
    entries.push({ path: '/workbench/services', labelKey: 'menu.servicesWorkbench' });
  const statistics = statisticsPath(user.role, user.department);
  if (statistics) entries.push({ path: statistics, labelKey: 'menu.servicesStatistics' });
  return entries;
}
