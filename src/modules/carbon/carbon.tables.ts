/**
 * 碳账户 — one per subject and domain. The account number starts with domain and county, so a county's accounts
 * are a range of the primary key and need no index of their own.
 */
export interface CarbonAccountTable {
  account_no: string;
  subject_type: string;
  subject_id: string;
  domain: string;
  county_code: string | null;
  opened_at: string;
}

/** A version of an emission factor. Rows are never updated: a new version is a new row. */
export interface CarbonFactorTable {
  id: string;
  kind: string;
  region: string;
  value: number;
  unit: string;
  gas: string;
  basis: string;
  source: string;
  year: number;
  valid_from: string | null;
  valid_to: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: string;
}

export interface CarbonTables {
  carbon_accounts: CarbonAccountTable;
  carbon_factors: CarbonFactorTable;
}
