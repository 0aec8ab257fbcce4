import i18n from '../i18n/i18n';
import { ApiError } from './api-error';
import type { ActivityInput, CarbonLevel } from './carbon';
import { apiFetch } from './client';

/** 三维四色 labels, best first. */
export type FourColourLabel = '深绿' | '浅绿' | '黄' | '红';
export type LabelDimension = 'industry_advancement' | 'regional_contribution' | 'historical_decline';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface LabelExplanation {
  label: FourColourLabel;
  score: number;
  thresholdsVersion: string;
  dimensions: { dimension: LabelDimension; value: number | null; score: number; explanation: Bilingual }[];
  explanation: Bilingual;
}

export interface FactorProvenance {
  id: string;
  kind: string;
  value: number;
  unit: string;
  source: string;
  year: number | null;
  fallback: boolean;
}

/** One month of an enterprise's carbon account (`closed` by the monthly close, or `provisional`). */
export interface EnterpriseMonth {
  uscc: string;
  period: string;
  status: 'closed' | 'provisional';
  totalTonnes: number;
  energyTonnes: number;
  processTonnes: number;
  valueAdded: number | null;
  intensity: number | null;
  level: CarbonLevel | null;
  industryAverage: number | null;
  k: number | null;
  grade: 1 | 2 | 3 | 4 | 5 | null;
  label: FourColourLabel | null;
  explanation: LabelExplanation | null;
  factors: FactorProvenance[];
  unconfirmedRows: number;
}

export interface ActivityEntry {
  uscc: string;
  period: string;
  kind: string;
  amount: number;
  unit: string;
  channel: 'entry' | 'upload' | 'seed';
  enteredBy: string | null;
  enteredAt: string;
  warning: { plausible: boolean; annualTonnes: number; ceilingTonnes: number } | null;
  confirmedBy: string | null;
  confirmedAt: string | null;
  counted: boolean;
}

export interface RecordedMonth {
  uscc: string;
  period: string;
  rows: ActivityEntry[];
  valueAdded: number | null;
  replaced: string[];
}

export interface UploadRowResult {
  row: number;
  status: 'accepted' | 'warning' | 'rejected';
  uscc: string;
  period: string;
  kind: string;
  messages: { code: string; zh: string; en: string }[];
}

export interface UploadReport {
  format: 'csv' | 'xlsx';
  dryRun: boolean;
  totals: { rows: number; accepted: number; warning: number; rejected: number };
  results: UploadRowResult[];
}

export async function fetchEnterpriseMonths(
  uscc: string,
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<EnterpriseMonth[]> {
  const query = new URLSearchParams({ from, to });
  const answer = await apiFetch<{ items: EnterpriseMonth[] }>(`/carbon/enterprises/${uscc}/months?${query}`, {
    signal,
  });
  return answer.items;
}

export function recordActivity(
  uscc: string,
  body: { period: string; activities: ActivityInput[]; valueAdded?: number },
): Promise<RecordedMonth> {
  return apiFetch<RecordedMonth>(`/carbon/enterprises/${uscc}/activity`, { method: 'POST', body });
}

/** Multipart upload (the JSON client does not do multipart); errors come back in the shared shape. */
export async function uploadActivity(file: File, dryRun: boolean): Promise<UploadReport> {
  const form = new FormData();
  form.append('file', file);
  const response = await fetch(`/api/v1/carbon/enterprises/activity:upload?dryRun=${dryRun}`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Accept-Language': i18n.language },
  });
  const payload = (await response.json().catch(() => null)) as
    | UploadReport
    | { error: { code: string; message: string; details?: { path: string; message: string }[] } }
    | null;
  if (response.ok) return payload as UploadReport;
  const error = payload && 'error' in payload ? payload.error : null;
  throw new ApiError(
    response.status,
    error?.code ?? 'UPLOAD_FAILED',
    error?.message ?? response.statusText,
    error?.details ?? [],
    null,
  );
}
