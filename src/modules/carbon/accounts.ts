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
 * The account number: domain prefix, the county where it was opened, and a sequence within that county and
 * domain — `HL-330822-0000123`. It reveals no ID number, and numbers handed out in order keep the primary-key
 * index append-only, which is what lets the city's 2.6 million accounts open in one bulk pass.
 */
export function accountNumber(domain: Domain, countyCode: string, sequence: number): string {
  if (!/^\d{6}$/.test(countyCode))
    throw new Error(`accountNumber: county code must be 6 digits, got ${countyCode}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 9_999_999) {
    throw new Error(`accountNumber: sequence ${sequence} is outside 1..9999999`);
  }
  return `${PREFIX[domain]}-${countyCode}-${String(sequence).padStart(7, '0')}`;
}

/** The prefix shared by every account of one domain and county, for finding the last sequence used. */
export const accountNumberPrefix = (domain: Domain, countyCode: string) => `${PREFIX[domain]}-${countyCode}-`;

export const ACCOUNT_NUMBER_PATTERN = '^[A-Z]{2}-\\d{6}-\\d{7}$';
