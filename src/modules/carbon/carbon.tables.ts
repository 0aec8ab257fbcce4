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

/** 绿色行为 — one received behaviour event and what it earned. The key (source, event_id) makes retries harmless. */
export interface CarbonBehaviourEventTable {
  source: string;
  event_id: string;
  subject_id: string;
  behaviour: string;
  amount: number;
  occurred_at: string;
  /** Asia/Shanghai calendar day the daily cap counts on. */
  day: string;
  credited_milli: number;
  grams: number;
  points: number;
  capped: number;
  expires_on: string;
  ledger_transaction_id: string | null;
  received_at: string;
  reversed_at: string | null;
}

/** What is left of a reward's stock (积分兑换库存); starts at the catalogue's figure. */
export interface CarbonRewardStockTable {
  code: string;
  stock_left: number;
}

/** One redemption of points for a reward. The idempotency key makes a double-click a single purchase. */
export interface CarbonRedemptionTable {
  id: string;
  idempotency_key: string;
  subject_id: string;
  reward_code: string;
  quantity: number;
  points: number;
  ledger_transaction_id: string;
  created_at: string;
}

/** Units of a behaviour a person has been credited on a day (thousandths), for the daily cap. */
export interface CarbonBehaviourUsageTable {
  subject_id: string;
  behaviour: string;
  day: string;
  used_milli: number;
}

export interface CarbonTables {
  carbon_accounts: CarbonAccountTable;
  carbon_factors: CarbonFactorTable;
  carbon_behaviour_events: CarbonBehaviourEventTable;
  carbon_behaviour_usage: CarbonBehaviourUsageTable;
  carbon_reward_stock: CarbonRewardStockTable;
  carbon_redemptions: CarbonRedemptionTable;
}
