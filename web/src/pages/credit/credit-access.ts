import { useQuery } from '@tanstack/react-query';
import type { MenuEntry } from '../../app/roles';
import { useCurrentUser } from '../../auth/use-current-user';
import { recordTypesQuery, sourceDepartments } from './credit-queries';

/** The credit office (信用办) sits in the development-and-reform department. */
export const CREDIT_OFFICE_DEPARTMENT = 'development_reform';

export interface CreditAccess {
  resident: boolean;
  /** An officer of a source department (GET /credit/record-types): enters records, decides disputes about them. */
  recordsWorkbench: boolean;
  /** The credit office: model versions and statistics. */
  creditOffice: boolean;
}

/** Which credit pages the signed-in user may use; officers learn it once the record-type catalogue has loaded. */
export function useCreditAccess(): CreditAccess {
  const user = useCurrentUser();
  const officer = user.role === 'officer';
  const { data: types } = useQuery({ ...recordTypesQuery, enabled: officer });
  const department = user.department ?? '';
  return {
    resident: user.role === 'resident',
    recordsWorkbench: officer && types !== undefined && sourceDepartments(types).includes(department),
    creditOffice: officer && department === CREDIT_OFFICE_DEPARTMENT,
  };
}

/** The credit pages' side-menu entries for the signed-in user, after their role's own. */
export function useCreditMenuEntries(): MenuEntry[] {
  const access = useCreditAccess();
  const entries: MenuEntry[] = [];
  if (access.resident) entries.push({ path: '/me/credit', labelKey: 'menu.residentCredit' });
  if (access.recordsWorkbench) entries.push({ path: '/workbench/credit', labelKey: 'menu.officerCredit' });
  if (access.creditOffice)
    entries.push({ path: '/workbench/credit/admin', labelKey: 'menu.officerCreditAdmin' });
  return entries;
}
