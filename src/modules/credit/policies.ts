import type { PolicyRule } from '../../kernel/auth';
import { sourceDepartments } from './record-types';

/**
 * Who may do what with 信安分. Source departments report records of their own types in their jurisdiction (the
 * service checks the type's department); the credit office (信用办, in the development-and-reform department)
 * manages models and measures city-wide and reads statistics; residents see and dispute their own; providers
 * (banks, public bodies and businesses acting through their organisation's account) ask eligibility only.
 */
export const creditPolicies: readonly PolicyRule[] = [
  {
    action: 'credit.record.create',
    roles: ['officer'],
    scope: 'jurisdiction',
    departments: sourceDepartments(),
  },
  { action: 'credit.record.read', roles: ['resident'], scope: 'own' },
  {
    action: 'credit.record.read',
    roles: ['officer'],
    scope: 'jurisdiction',
    departments: sourceDepartments(),
  },
  { action: 'credit.score.read', roles: ['resident'], scope: 'own' },
  {
    action: 'credit.score.read',
    roles: ['officer'],
    scope: 'jurisdiction',
    departments: ['development_reform'],
  },
  { action: 'credit.dispute.open', roles: ['resident'], scope: 'own' },
  {
    action: 'credit.dispute.decide',
    roles: ['officer'],
    scope: 'jurisdiction',
    departments: sourceDepartments(),
  },
  { action: 'credit.consent.manage', roles: ['resident'], scope: 'own' },
  { action: 'credit.eligibility.check', roles: ['bank', 'enterprise_agent'], scope: 'any' },
  // Models and measures are city-wide: the resource is the city (330800), so only city-level officers pass.
  {
    action: 'credit.model.manage',
    roles: ['officer'],
    scope: 'jurisdiction',
    departments: ['development_reform'],
  },
  {
    action: 'credit.model.read',
    roles: ['officer'],
    scope: 'jurisdiction',
    departments: ['development_reform'],
  },
  { action: 'credit.model.read', roles: ['auditor', 'admin'], scope: 'any' },
  {
    action: 'credit.statistics.read',
    roles: ['officer'],
    scope: 'jurisdiction',
    departments: ['development_reform'],
  },
  { action: 'credit.statistics.read', roles: ['auditor', 'admin'], scope: 'any' },
];
