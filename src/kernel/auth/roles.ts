/** The platform's roles. Officers also carry a department and the division they serve. */
export const ROLES = [
  'resident',
  'enterprise_agent',
  'collective',
  'officer',
  'bank',
  'auditor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** A logged-in user as the rest of the platform sees them. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  department: string | null;
  /** The division an officer serves, or where a resident/collective/enterprise belongs. */
  divisionCode: string | null;
  /** The person or body the account stands for: resident ID, USCC or village code. */
  subjectId: string | null;
}
