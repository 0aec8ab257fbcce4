import { createHash } from 'node:crypto';

/** Whose account it is. */
export const SUBJECT_TYPES = ['resident', 'enterprise', 'farm'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/**
 * The city's carbon-account domains (2022: industry, energy, buildings, transport, agriculture/forestry, household
 * life). Accounts are opened today in the three the programme started with; the others are reserved so an
 * account of those kinds needs no schema change.
 */
export const DOMAINS = [
  'household_life',
  'industry',
  'agriculture',
  'energy',
  'buildings',
  'transport',
] as const;
export type Domain = (typeof DOMAINS)[number];

const PREFIX: Record<Domain, string> = {
  household_life: 'HL',
  industry: 'IN',
  agriculture: 'AG',
  energy: 'EN',
  buildings: 'BU',
  transport: 'TR',
};

export const DEFAULT_DOMAIN: Record<SubjectType, Domain> = {
  resident: 'household_life',
  enterprise: 'industry',
  farm: 'agriculture',
};

/**
 * The account number: a domain prefix and 16 hex digits derived from the subject, so it is stable across
 * re-seeds and reveals no ID number. 64 bits keep collisions improbable at city scale (the primary key still
 * guards against one).
 * @example accountNumber('resident', '330822199001011237', 'household_life') // 'HL-…16 hex…'
 */
export function accountNumber(subjectType: SubjectType, subjectId: string, domain: Domain): string {
  const digest = createHash('sha256')
    .update(`${subjectType}:${subjectId.toUpperCase()}:${domain}`)
    .digest('hex');
  return `${PREFIX[domain]}-${digest.slice(0, 16).toUpperCase()}`;
}
