import { apiFetch } from './client';

/** One entry of the hash-chained audit trail (审计日志), as GET /audit/entries sends it. */
export interface AuditEntry {
  seq: number;
  occurredAt: string;
  /** null: the system (seed, scheduled jobs) */
  actorId: string | null;
  /** The actor's username; null for the system */
  actorName: string | null;
  actorRole: string | null;
  action: string;
  resourceType: string;
  resourceId: string;
  beforeDigest: string | null;
  afterDigest: string | null;
  requestId: string | null;
  hash: string;
}

/** Filters of the trail; `action` may be a prefix ending in a dot (`credit.`). Instants are ISO-8601. */
export interface AuditFilter {
  action?: string;
  resourceType?: string;
  resourceId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next page; null on the last page. */
  next: number | null;
}

export interface ChainCheck {
  ok: boolean;
  rows: number;
  /** The first broken entry, when not ok. */
  seq?: number;
  reason?: string;
}

/** Auditors and admins: the trail newest first, `limit` entries before the entry `before`. */
export function fetchAuditEntries(
  filter: AuditFilter,
  before: number | null,
  limit: number,
  signal?: AbortSignal,
): Promise<AuditPage> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) query.set(name, value);
  if (before !== null) query.set('before', String(before));
  query.set('limit', String(limit));
  return apiFetch<AuditPage>(`/audit/entries?${query}`, { signal });
}

/** Walks the whole hash chain on the server and reports the first broken entry. */
export function verifyAuditChain(): Promise<ChainCheck> {
  return apiFetch<ChainCheck>('/audit/verify');
}
