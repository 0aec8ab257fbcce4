import type { PolicyRule } from '../../kernel/auth';

/** Who may do what with carbon accounts. Factor versions are city-wide: only city-level ecology officers add them. */
export const carbonPolicies: readonly PolicyRule[] = [
  { action: 'carbon.account.read', roles: ['resident', 'enterprise_agent'], scope: 'own' },
  { action: 'carbon.account.read', roles: ['officer'], scope: 'jurisdiction' },
  { action: 'carbon.account.read', roles: ['auditor', 'admin'], scope: 'any' },
  {
    action: 'carbon.factor.create',
    roles: ['officer'],
    scope: 'jurisdiction',
    departments: ['ecology', 'city_admin'],
  },
  // Factor versions are city-wide: only the city ecology bureau (生态环境局) adds them.
  { action: 'carbon.factor.create', roles: ['officer'], scope: 'jurisdiction', departments: ['ecology'] },
  // Behaviour data arrives from partner systems (transit, recycling, utilities) through the city ecology bureau's
  // accounts; each account is its own event source, and it alone may reverse its events. Points are money-like:
  // no general office and no platform admin may mint them. (A dedicated integration principal per partner system
  // is the next step.)
  { action: 'carbon.behaviour.ingest', roles: ['officer'], scope: 'jurisdiction', departments: ['ecology'] },
];
