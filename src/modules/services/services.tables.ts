import type { Generated } from 'kysely';

/** 事项 — one service item as one city offers it; `definition` is the current version's JSON. */
export interface ServicesItemTable {
  id: string;
  key: string;
  city_code: string;
  version: number;
  definition: string;
  name_zh: string;
  name_en: string;
  category: string;
  department: string;
  /** 1 for the alliance's 跨省通办 items. */
  alliance: number;
  updated_at: string;
  updated_by: string;
}

/** Every version an item has had (the current one included), so a case can show the rules it was decided by. */
export interface ServicesItemVersionTable {
  item_id: string;
  version: number;
  definition: string;
  changed_at: string;
  changed_by: string;
  note: string;
}

/** 办件 — one application and where it stands. */
export interface ServicesCaseTable {
  /** 办件编号: the handling city, the submission date and eight digits. */
  id: string;
  item_id: string;
  item_version: number;
  department: string;
  applicant_type: string;
  /** Resident ID or USCC. */
  applicant_id: string;
  applicant_name: string;
  /** The user who submitted (the applicant, or the window officer who received them). */
  submitted_by: string;
  /** The applicant's retry key: the same key from the same applicant gives the same case. */
  request_key: string | null;
  handling_division: string;
  /** Where the application came in: the handling division online, else the receiving window's division. */
  receiving_division: string;
  /** local, full_online (全程网办), proxy (异地代收代办) or joint (多地联办). */
  mode: string;
  channel: string;
  state: string;
  submitted_at: string;
  accepted_on: string | null;
  limit_days: number;
  /** Null until accepted and while paused. */
  due_on: string | null;
  warn_on: string | null;
  /** JSON array of { from, to } clock pauses. */
  pauses: string;
  warned_at: string | null;
  escalated_at: string | null;
  visits: number;
  max_visits: number;
  assignee_id: string | null;
  assignee_name: string | null;
  officer_returns: number;
  /** JSON array of the reasons of the last return (一次性告知), or null. */
  return_reasons: string | null;
  decision_reason: string | null;
  decided_at: string | null;
  delivery: string | null;
  tracking_number: string | null;
  result_number: string | null;
  delivered_at: string | null;
  /** JSON object of the form's fields. */
  form: string;
  /** 1 when the applicant let the office fetch the registry materials (免提交). */
  consent: number;
  /** Working days from acceptance to the decision, pauses excluded; null until decided. */
  working_days: number | null;
  updated_at: string;
  /** Bumped by every change: a transition applies only to the version it read. */
  row_version: number;
}

/** 办件时间轴 — one step of a case (append-only). */
export interface ServicesCaseEventTable {
  seq: Generated<number>;
  case_id: string;
  at: string;
  actor_id: string;
  actor_role: string;
  actor_division: string | null;
  actor_department: string | null;
  action: string;
  from_state: string | null;
  to_state: string;
  /** 1 when the applicant came to a window for this step. */
  visit: number;
  /** JSON: reasons, notes, what changed. */
  detail: string;
}

/** A material of a case: an uploaded file (by content hash) or a proof fetched from a registry. */
export interface ServicesCaseMaterialTable {
  case_id: string;
  material_key: string;
  source: string;
  file_hash: string | null;
  file_name: string | null;
  media_type: string | null;
  size: number | null;
  /** JSON of the fields fetched, for a registry material. */
  proof: string | null;
  /** The exchange access-log entry of the fetch. */
  access_seq: number | null;
  updated_at: string;
}

/** An upload by one user; the bytes are stored once under the file store by their SHA-256. */
export interface ServicesFileTable {
  hash: string;
  uploaded_by: string;
  media_type: string;
  size: number;
  file_name: string;
  created_at: string;
}

/** 会签 — a joint department's opinion on a 多地联办 case. */
export interface ServicesOpinionTable {
  case_id: string;
  department: string;
  division_code: string;
  opinion: string;
  reason: string;
  actor_id: string;
  at: string;
}

/** A notice to an applicant (subject) or an office (`<division>/<department>`) about a case. */
export interface ServicesNoticeTable {
  id: Generated<number>;
  recipient: string;
  case_id: string;
  kind: string;
  created_at: string;
  read_at: string | null;
}

/** The last 办件编号 given out per city and day. */
export interface ServicesCaseNumberTable {
  city_code: string;
  day: string;
  last: number;
}

export interface ServicesTables {
  services_items: ServicesItemTable;
  services_item_versions: ServicesItemVersionTable;
  services_cases: ServicesCaseTable;
  services_case_events: ServicesCaseEventTable;
  services_case_materials: ServicesCaseMaterialTable;
  services_files: ServicesFileTable;
  services_opinions: ServicesOpinionTable;
  services_notices: ServicesNoticeTable;
  services_case_numbers: ServicesCaseNumberTable;
}
