import type { PolicyRule } from '../../kernel/auth';

/** Who may read what of the registries over HTTP (the data exchange adds purpose- and consent-bound reads). */
export const registryPolicies: readonly PolicyRule[] = [
  { action: 'registry.summary', roles: ['officer'], scope: 'jurisdiction' },
  { action: 'registry.summary', roles: ['auditor', 'admin'], scope: 'any' },
  { action: 'registry.enterprises.list', roles: ['officer'], scope: 'jurisdiction' },
  { action: 'registry.enterprises.list', roles: ['admin'], scope: 'any' },
  { action: 'registry.enterprises.read', roles: ['officer'], scope: 'jurisdiction' },
  { action: 'registry.enterprises.read', roles: ['enterprise_agent'], scope: 'own' },
  { action: 'registry.enterprises.read', roles: ['admin'], scope: 'any' },
  { action: 'registry.residents.read_own', roles: ['resident'], scope: 'own' },
];
