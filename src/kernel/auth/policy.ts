import { divisionContains } from '../divisions/division-code';
import type { Actor, Role } from './roles';

/** What a rule is checked against: the kind of thing, where it is, and whose it is. */
export interface Resource {
  type: string;
  divisionCode?: string | null;
  /** The user id or subject id (resident ID, USCC, village code) the resource belongs to. */
  ownerId?: string | null;
}

/**
 * One line of policy: `roles` may do `action`, limited by `scope`:
 * - `any`: wherever the resource is;
 * - `jurisdiction`: only inside the actor's division (an officer of 常山县 acts on 常山县 only; a city officer on the city);
 * - `own`: only on resources that belong to the actor.
 * `departments` further limits officers to named departments.
 */
export interface PolicyRule {
  action: string;
  roles: readonly Role[];
  scope: 'any' | 'jurisdiction' | 'own';
  departments?: readonly string[];
}

export type Can = (actor: Actor | null, action: string, resource: Resource) => boolean;

/** Builds `can(actor, action, resource)` from declarative rules. Nothing is allowed unless a rule says so. */
export function createPolicy(rules: readonly PolicyRule[]): Can {
  const byAction = new Map<string, PolicyRule[]>();
  for (const rule of rules) byAction.set(rule.action, [...(byAction.get(rule.action) ?? []), rule]);
  return (actor, action, resource) => {
    if (!actor) return false;
    return (byAction.get(action) ?? []).some((rule) => allows(rule, actor, resource));
  };
}

function allows(rule: PolicyRule, actor: Actor, resource: Resource): boolean {
  if (!rule.roles.includes(actor.role)) return false;
  if (rule.departments && !(actor.department && rule.departments.includes(actor.department))) return false;
  switch (rule.scope) {
    case 'any':
      return true;
    case 'jurisdiction':
      return Boolean(
        actor.divisionCode &&
          resource.divisionCode &&
          divisionContains(actor.divisionCode, resource.divisionCode),
      );
    case 'own':
      return Boolean(
        resource.ownerId && (resource.ownerId === actor.id || resource.ownerId === actor.subjectId),
      );
  }
}
