import type { Actor } from '../../kernel/auth';
import { divisionContains } from '../../kernel/divisions';
import type { CaseAction, CaseRole, CaseState } from './case-workflow';
import { ACTION_ROLES } from './case-workflow';

/** 政务服务 — the department of the service halls' windows (综合窗口) and of the office that supervises them. */
export const SERVICES_DEPARTMENT = 'services';

/** What the role checks need to know about a case. */
export interface CaseParties {
  applicantId: string;
  department: string;
  jointDepartments: readonly string[];
  handlingDivision: string;
  receivingDivision: string;
  mode: string;
  channel: string;
  state: CaseState;
  delivery: string | null;
}

/** The roles `actor` plays in the case (empty: the case is none of their business). */
export function caseRolesOf(actor: Actor, parties: CaseParties): CaseRole[] {
  const roles: CaseRole[] = [];
  if (
    (actor.role === 'resident' || actor.role === 'enterprise_agent') &&
    actor.subjectId === parties.applicantId
  )
    roles.push('applicant');
  if (actor.role !== 'officer' || !actor.divisionCode || !actor.department) return roles;
  const within = (division: string) => divisionContains(actor.divisionCode as string, division);
  if (
    actor.department === SERVICES_DEPARTMENT &&
    parties.channel === 'window' &&
    within(parties.receivingDivision)
  )
    roles.push('receiving');
  if (actor.department === parties.department && within(parties.handlingDivision)) roles.push('handling');
  if (parties.jointDepartments.includes(actor.department) && within(parties.handlingDivision))
    roles.push('joint');
  if (actor.department === SERVICES_DEPARTMENT && within(parties.handlingDivision)) roles.push('supervisor');
  return roles;
}

/**
 * The role under which `roles` may take `action` on the case, or null. Beyond the table of ACTION_ROLES:
 * only a 异地代收代办 window forwards, a window returns only before forwarding, and a window hands out a result
 * only when it is collected there.
 */
export function actingRole(
  action: CaseAction,
  roles: readonly CaseRole[],
  parties: CaseParties,
): CaseRole | null {
  for (const role of ACTION_ROLES[action]) {
    if (!roles.includes(role)) continue;
    if (role !== 'receiving') return role;
    if (action === 'forward' && parties.mode !== 'proxy') continue;
    if (action === 'return' && parties.state !== 'submitted') continue;
    if (action === 'deliver' && parties.delivery !== 'window') continue;
    return role;
  }
  return null;
}
