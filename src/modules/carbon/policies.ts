import type { PolicyRule } from '../../kernel/auth';

/** Who may do what with carbon accounts. Factor versions are city-wide: only city-level ecology officers add them. */
export const carbonPolicies: readonly PolicyRule[] = [
  { action: 'carbon.account.read', roles: ['resident', 'enterprise_agent'], scope: 'own' },
  { action: 'carbon.account.read', roles: ['officer'], scope: 'jurisdiction' },
  { action: 'carbon.account.read', roles: ['auditor', 'admin'], scope: 'any' },
  // Factor versions are city-wide: only the city ecology bureau (生态环境局) adds them.
  { action: 'carbon.factor.create', roles: ['officer'], scope: 'jurisdiction', departments: ['ecology'] },
  // Behaviour data arrives from partner systems (transit, recycling, utilities) through the city ecology bureau's
  // accounts; each account is its own event source, and it alone may reverse its events. Points are money-like:
  // no general office and no platform admin may mint them. (A dedicated integration principal per partner system
  // is the next step.)
  { action: 'carbon.behaviour.ingest', roles: ['officer'], scope: 'jurisdiction', departments: ['ecology'] },
  // A resident's behaviour events are timestamped trips and pickups: where a person was. Besides the resident,
  // only the ecology bureau that runs the scheme (in jurisdiction) and auditors read them.
  { action: 'carbon.behaviour.read', roles: ['resident'], scope: 'own' },
  { action: 'carbon.behaviour.read', roles: ['officer'], scope: 'jurisdiction', departments: ['ecology'] },
  { action: 'carbon.behaviour.read', roles: ['auditor'], scope: 'any' },
  // Industrial accounts (工业企业碳账户): the enterprise enters its own figures; the economy (经信) and ecology
  // bureaus of the enterprise's county (or the city) read, enter on its behalf and confirm flagged figures.
  { action: 'carbon.activity.write', roles: ['enterprise_agent'], scope: 'own' },
  {
    action: 'carbon.activity.write',
    roles: ['officer'],
    scope: 'jurisdiction',
    departments: ['economy', 'ecology'],
  },
  { action: 'carbon.activity.upload', roles: ['enterprise_agent'], scope: 'any' },
  { action: 'carbon.activity.upload', roles: ['officer'], scope: 'any', departments: ['economy', 'ecology'] },
  { action: 'carbon.activity.read', roles: ['enterprise_agent'], scope: 'own' },
  {
    action: 'carbon.activity.read',
    roles: ['officer'],
    scope: 'jurisdiction',
    departments: ['economy', 'ecology'],
  },
  { action: 'carbon.activity.read', roles: ['auditor'], scope: 'any' },
  {
    action: 'carbon.activity.confirm',
    roles: ['officer'],
    scope: 'jurisdiction',
    departments: ['economy', 'ecology'],
  },
  // carbon: farms and close. A farm's inputs come from its operator, the village collective (which often reports
  // for family farms) or the agriculture bureau (农业农村局) of its county or the city; auditors read.
  { action: 'carbon.farm.record', roles: ['resident', 'enterprise_agent'], scope: 'own' },
  { action: 'carbon.farm.record', roles: ['collective'], scope: 'jurisdiction' },
  { action: 'carbon.farm.record', roles: ['officer'], scope: 'jurisdiction', departments: ['agriculture'] },
  { action: 'carbon.farm.read', roles: ['resident', 'enterprise_agent'], scope: 'own' },
  { action: 'carbon.farm.read', roles: ['collective'], scope: 'jurisdiction' },
  { action: 'carbon.farm.read', roles: ['officer'], scope: 'jurisdiction', departments: ['agriculture'] },
  { action: 'carbon.farm.read', roles: ['auditor'], scope: 'any' },
  // Close statistics: officers of the city, or of a county for that county's part.
  { action: 'carbon.close.read', roles: ['officer'], scope: 'jurisdiction' },
  { action: 'carbon.close.read', roles: ['auditor', 'admin'], scope: 'any' },
  // carbon: green finance. The enterprise's agent manages its consents and sees who read its data; a bank may ask
  // for any enterprise's credit report, and the enterprise's recorded consent (kernel exchange) decides the answer.
  { action: 'carbon.consent.manage', roles: ['enterprise_agent'], scope: 'own' },
  { action: 'carbon.credit_report.read', roles: ['bank'], scope: 'any' },
  { action: 'carbon.credit_report.read', roles: ['enterprise_agent'], scope: 'own' },
  { action: 'carbon.data_access.read', roles: ['resident', 'enterprise_agent'], scope: 'own' },
];
