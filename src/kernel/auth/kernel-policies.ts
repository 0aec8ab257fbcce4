import type { PolicyRule } from './policy';

/** What the kernel itself allows. Modules bring their own rules in their definition. */
export const kernelPolicies: readonly PolicyRule[] = [
  { action: 'user.create', roles: ['admin'], scope: 'any' },
  { action: 'audit.verify', roles: ['auditor', 'admin'], scope: 'any' },
  { action: 'audit.read', roles: ['auditor', 'admin'], scope: 'any' },
  { action: 'audit.read', roles: ['officer'], scope: 'jurisdiction' },
];
