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
  { action: 'carbon.factor.create', roles: ['admin'], scope: 'any' },
  // Behaviour data arrives from integrations (transit, recycling, utilities) through officer-run accounts of the
  // ecology bureau or the data bureau's admins; each account is its own event source.
  {
    action: 'carbon.behaviour.ingest',
    roles: ['officer'],
    scope: 'jurisdiction',
    departments: ['ecology', 'city_admin'],
  },
  { action: 'carbon.behaviour.ingest', roles: ['admin'], scope: 'any' },
];
