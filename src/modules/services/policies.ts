import type { PolicyRule } from '../../kernel/auth';
import { ITEM_DEPARTMENTS } from './catalogue';

/**
 * Who may do what with the catalogue. Cases are authorised by the role a user plays in each case (case-roles.ts):
 * applicant, receiving window, handling department, joint department or supervisor.
 */
export const servicesPolicies: readonly PolicyRule[] = [
  // An item is edited by its department in the city that offers it (the resource is the city).
  { action: 'services.item.edit', roles: ['officer'], scope: 'jurisdiction', departments: ITEM_DEPARTMENTS },
  { action: 'services.item.edit', roles: ['officer'], scope: 'jurisdiction', departments: ['services'] },
  { action: 'services.file.upload', roles: ['resident', 'enterprise_agent'], scope: 'any' },
  { action: 'services.file.upload', roles: ['officer'], scope: 'any', departments: ['services'] },
  {
    action: 'services.statistics.read',
    roles: ['officer'],
    scope: 'jurisdiction',
    departments: ['services'],
  },
  { action: 'services.statistics.read', roles: ['auditor', 'admin'], scope: 'any' },
];
