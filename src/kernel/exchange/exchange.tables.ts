import type { Generated } from 'kysely';

/** 授权 — one subject's consent that a grantee may read one dataset for one purpose until it expires. */
export interface ExchangeConsentTable {
  id: string;
  subject_type: string;
  subject_id: string;
  grantee_type: string;
  grantee_id: string;
  purpose: string;
  dataset: string;
  granted_by: string;
  granted_at: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

/** 数据使用记录 — one read of a subject's data through the exchange (append-only). */
export interface ExchangeAccessLogTable {
  seq: Generated<number>;
  occurred_at: string;
  actor_id: string;
  actor_role: string;
  actor_organisation: string | null;
  subject_type: string;
  subject_id: string;
  dataset: string;
  /** JSON array of the field names returned. */
  fields: string;
  purpose: string;
  consent_id: string | null;
  case_id: string | null;
  request_id: string | null;
}

export interface ExchangeTables {
  exchange_consents: ExchangeConsentTable;
  exchange_access_log: ExchangeAccessLogTable;
}
