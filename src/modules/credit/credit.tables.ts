import type { Generated } from 'kysely';

/** 信用记录 — one positive or negative fact about a resident, reported by a source department. */
export interface CreditRecordTable {
  id: string;
  /** Who reported it: `<department>/<division>` of the officer or source system. Record ids are unique per source. */
  source: string;
  source_record_id: string;
  resident_id: string;
  /** The resident's registered division, copied at entry: officers' jurisdiction is checked against it. */
  division_code: string;
  type: string;
  department: string;
  quantity: number;
  occurred_on: string;
  valid_until: string;
  evidence_ref: string | null;
  status: string;
  /** Bumped by each correction, so a resident can see that a record changed. */
  revision: number;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** The current 信安分 of each resident: one row, replaced on each change. */
export interface CreditScoreTable {
  resident_id: string;
  division_code: string;
  score: number;
  tier: string;
  model_version: string;
  /** Each dimension's contribution, JSON `{ identity: 60, … }`. */
  dimensions: string;
  computed_at: string;
}

/** Score history: a row whenever a resident's score, tier or model version changes. */
export interface CreditScoreHistoryTable {
  id: Generated<number>;
  resident_id: string;
  score: number;
  tier: string;
  model_version: string;
  computed_at: string;
  /** What caused it: `record:<id>`, `dispute:<id>`, `recompute:<model>`. */
  cause: string;
}

/** 评分模型 — stored model versions (shipped and officer-added). Never updated. */
export interface CreditModelTable {
  version: string;
  config: string;
  created_at: string;
  created_by: string | null;
}

/** Which model version scores are made with: the latest row is in force. Activation is a recompute. */
export interface CreditModelActivationTable {
  id: Generated<number>;
  version: string;
  activated_at: string;
  activated_by: string | null;
  residents: number;
}

/** 守信联合激励 — an incentive measure and its provider. */
export interface CreditMeasureTable {
  id: string;
  kind: string;
  provider_id: string;
  provider_name_zh: string;
  provider_name_en: string;
  name_zh: string;
  name_en: string;
  benefit_zh: string;
  benefit_en: string;
  min_tier: string;
  discloses_tier: number;
  valid_from: string;
  valid_until: string | null;
}

/** One use of a measure by a resident, reported by its provider; `use_key` makes a retried report count once. */
export interface CreditMeasureUseTable {
  id: string;
  measure_id: string;
  resident_id: string;
  provider_id: string;
  use_key: string;
  used_at: string;
  recorded_by: string;
}

/** 异议 / 信用修复 — a resident's dispute of a record, or request for credit repair, handled as a case. */
export interface CreditDisputeTable {
  id: string;
  kind: string;
  record_id: string;
  resident_id: string;
  division_code: string;
  department: string;
  reason: string;
  evidence_ref: string | null;
  status: string;
  submitted_at: string;
  /** Last working day for a decision (kernel calendar). */
  due_on: string;
  decided_at: string | null;
  decided_by: string | null;
  decision: string | null;
  decision_reason: string | null;
  /** JSON of the record's fields before and after a correction. */
  correction: string | null;
}

/** Messages to a resident (a dispute decided, a record added), shown on their page. */
export interface CreditNotificationTable {
  id: Generated<number>;
  resident_id: string;
  kind: string;
  /** JSON parameters of the message (record type, decision, score before and after). */
  params: string;
  created_at: string;
  read_at: string | null;
}

export interface CreditTables {
  credit_records: CreditRecordTable;
  credit_scores: CreditScoreTable;
  credit_score_history: CreditScoreHistoryTable;
  credit_models: CreditModelTable;
  credit_model_activations: CreditModelActivationTable;
  credit_measures: CreditMeasureTable;
  credit_measure_uses: CreditMeasureUseTable;
  credit_disputes: CreditDisputeTable;
  credit_notifications: CreditNotificationTable;
}
