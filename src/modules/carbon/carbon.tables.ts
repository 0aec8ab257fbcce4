import type { Generated } from 'kysely';

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
  /** The accepting batch; its points reach the ledger when the batch is credited (null: credited on receipt). */
  batch_id: number | null;
}

/** 入账批次 — one accepted batch and the points it owes per account until the crediting step posts them. */
export interface CarbonBehaviourBatchTable {
  id: Generated<number>;
  source: string;
  received_at: string;
  events: number;
  points: number;
  /** JSON [[account number, points], …] */
  credits: string;
  ledger_transaction_id: string | null;
  credited_at: string | null;
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

/** 工业企业活动数据 — one enterprise's figure for one kind and month, as entered (re-entry replaces it). */
export interface CarbonEnterpriseActivityTable {
  uscc: string;
  period: string;
  kind: string;
  amount: number;
  unit: string;
  /** entry | upload | seed */
  channel: string;
  entered_by: string | null;
  entered_at: string;
  /** 1 when the amount failed the plausibility rule: excluded from figures until confirmed. */
  warning: number;
  /** JSON of the plausibility check that raised the warning. */
  warning_detail: string | null;
  confirmed_by: string | null;
  confirmed_at: string | null;
}

/** 工业增加值 of one enterprise and month, in fen (万元 × 1,000,000). */
export interface CarbonEnterpriseValueAddedTable {
  uscc: string;
  period: string;
  value_added_fen: number;
  channel: string;
  entered_by: string | null;
  entered_at: string;
}

/** 工业碳账户月度结果 — written by the monthly close; a re-run replaces the period's rows. */
export interface CarbonEnterpriseResultTable {
  uscc: string;
  period: string;
  county_code: string;
  /** GB/T 4754 class of the enterprise. */
  industry_code: string;
  /** The class whose average K was taken against (the class, or its 2-digit division when the class is thin). */
  benchmark_class: string | null;
  grams_total: number;
  grams_energy: number;
  grams_process: number;
  value_added_fen: number | null;
  intensity: number | null;
  industry_average: number | null;
  k: number | null;
  grade: number | null;
  level: string | null;
  label: string | null;
  /** JSON LabelResult. */
  explanation: string | null;
  /** JSON FactorProvenance[]. */
  factors: string;
  unconfirmed_rows: number;
  close_run_id: string;
  computed_at: string;
}

/** 结果留痕 — a month's enterprise result as it stood before a re-close changed or dropped it. */
export interface CarbonEnterpriseResultReplacedTable {
  uscc: string;
  period: string;
  label: string | null;
  grade: number | null;
  intensity: number | null;
  close_run_id: string;
  replaced_by_run_id: string;
  replaced_at: string;
}

/** 农场年度投入 — one farm's inputs for one calendar year (JSON FarmInput without `year`); re-entry replaces it. */
export interface CarbonFarmInputTable {
  farm_id: number;
  year: number;
  input: string;
  recorded_by: string | null;
  recorded_at: string;
}

/** 农业碳中和账户结果 — a farm's account for a year as the latest monthly close computed it. */
export interface CarbonFarmResultTable {
  farm_id: number;
  year: number;
  county_code: string;
  village_code: string;
  close_period: string;
  run_id: string;
  /** 1 once the December close has run: the year is complete. */
  final: number;
  emissions_grams: number;
  sinks_grams: number;
  net_grams: number;
  neutrality_ratio: number | null;
  label: string;
  /** JSON FarmAccount (lines, factor ids, fallbacks). */
  account: string;
  closed_at: string;
}

/** 月度结算 — one run of the monthly close. */
export interface CarbonCloseRunTable {
  id: string;
  period: string;
  status: string;
  started_at: string;
  finished_at: string | null;
  started_by: string | null;
  /** host:pid of the process that ran it. */
  process: string;
  residents: number;
  enterprises: number;
  farms: number;
  expired_points: number;
  /** JSON CloseStatistics. */
  statistics: string | null;
  error: string | null;
}

/** 个人碳账户月度结果 — one resident's reductions and points in a closed month. */
export interface CarbonPersonalResultTable {
  period: string;
  subject_id: string;
  county_code: string;
  events: number;
  grams: number;
  points: number;
  run_id: string;
}

/** 积分过期 — one expiry posting on one resident's points wallet. */
export interface CarbonPointsExpiryTable {
  account_no: string;
  /** The account's cumulative expired points after this posting. */
  expired_through: number;
  subject_id: string;
  points: number;
  as_of: string;
  ledger_transaction_id: string;
  created_at: string;
}

export interface CarbonTables {
  carbon_enterprise_results_replaced: CarbonEnterpriseResultReplacedTable;
  carbon_accounts: CarbonAccountTable;
  carbon_factors: CarbonFactorTable;
  carbon_behaviour_events: CarbonBehaviourEventTable;
  carbon_behaviour_batches: CarbonBehaviourBatchTable;
  carbon_reward_stock: CarbonRewardStockTable;
  carbon_redemptions: CarbonRedemptionTable;
  carbon_farm_inputs: CarbonFarmInputTable;
  carbon_farm_results: CarbonFarmResultTable;
  carbon_close_runs: CarbonCloseRunTable;
  carbon_personal_results: CarbonPersonalResultTable;
  carbon_points_expiries: CarbonPointsExpiryTable;
  carbon_enterprise_activity: CarbonEnterpriseActivityTable;
  carbon_enterprise_value_added: CarbonEnterpriseValueAddedTable;
  carbon_enterprise_results: CarbonEnterpriseResultTable;
}
