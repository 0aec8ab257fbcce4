import i18n from '../i18n/i18n';
import { ApiError, isApiErrorBody } from './api-error';
import { apiFetch } from './client';
import type { CreditDispute, CreditRecord, Decision } from './credit';

/** What an officer enters for one record; `recordId` is the source's own id, so a repeat never counts twice. */
export interface RecordInput {
  recordId: string;
  residentId: string;
  type: string;
  /** YYYY-MM-DD, not in the future. */
  occurredOn: string;
  quantity?: number;
  validUntil?: string;
  evidenceRef?: string | null;
}

/** One row of an imported file: accepted, a duplicate of a stored record, or rejected with a reason. */
export interface ImportRowResult {
  /** Line (CSV) or row (XLSX) number as the file shows it. */
  row: number;
  index: number;
  recordId: string;
  status: 'accepted' | 'duplicate' | 'rejected';
  id?: string;
  reason?: { code: string; message: string };
}

export interface ImportReport {
  format: 'csv' | 'xlsx';
  accepted: number;
  duplicates: number;
  rejected: number;
  results: ImportRowResult[];
}

export interface DecisionInput {
  decision: Decision;
  reason: string;
  correction?: { quantity?: number; occurredOn?: string; validUntil?: string };
}

export interface DecisionResult {
  dispute: CreditDispute;
  /** Null for a minor (not scored). */
  score: number | null;
  previousScore: number | null;
}

/**
 * Enters one record (officers of the type's department, in their jurisdiction). 201 new, 200 a repeat of the
 * same content; a refusal rejects with the server's sentence (e.g. a date in the future).
 */
export function enterRecord(input: RecordInput): Promise<CreditRecord> {
  return apiFetch<CreditRecord>('/credit/records', { method: 'POST', body: input });
}

/** A CSV (UTF-8) or XLSX file in the multipart field `file`; one result per row, bad rows never block the rest. */
export async function importRecords(file: File): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch('/api/v1/credit/records:import', {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': i18n.language },
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'));
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as ImportReport;
  if (isApiErrorBody(payload)) {
    const { code, message, details } = payload.error;
    throw new ApiError(response.status, code, message, details ?? []);
  }
  throw new ApiError(
    response.status,
    'UPLOAD_FAILED',
    i18n.t('errors.unexpected', { status: response.status }),
  );
}

/** The records the officer's department entered in their jurisdiction, newest first; `before` the cursor `<createdAt>|<id>` of the last row seen. */
export async function fetchEnteredRecords(
  before: string | null,
  signal?: AbortSignal,
): Promise<CreditRecord[]> {
  const params = new URLSearchParams({ limit: '50' });
  if (before) params.set('before', before);
  return (await apiFetch<{ items: CreditRecord[] }>(`/credit/records/entered?${params}`, { signal })).items;
}

/** The department's queue in the officer's jurisdiction: open cases nearest deadline first, or decided ones. */
export async function fetchDisputeQueue(
  status: 'open' | 'decided',
  signal?: AbortSignal,
): Promise<CreditDispute[]> {
  return (await apiFetch<{ items: CreditDispute[] }>(`/credit/disputes?status=${status}`, { signal })).items;
}

/** One case with the disputed record; the read is logged for the resident with the case id. */
export function fetchDisputeCase(
  id: string,
  signal?: AbortSignal,
): Promise<{ dispute: CreditDispute; record: CreditRecord }> {
  return apiFetch(`/credit/disputes/${encodeURIComponent(id)}`, { signal });
}

export function decideDispute(id: string, input: DecisionInput): Promise<DecisionResult> {
  return apiFetch<DecisionResult>(`/credit/disputes/${encodeURIComponent(id)}/decision`, {
    method: 'POST',
    body: input,
  });
}
