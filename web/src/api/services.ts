import i18n from '../i18n/i18n';
import { ApiError, isApiErrorBody } from './api-error';
import { apiFetch } from './client';
import type { Names } from './credit';

/** The four cities of the 跨省通办 alliance: 衢州 · 黄山 · 南平 · 上饶. */
export const ALLIANCE_CITIES = ['330800', '341000', '350700', '361100'] as const;
export type AllianceCity = (typeof ALLIANCE_CITIES)[number];

export const SERVICE_CATEGORIES = [
  'social_security',
  'police',
  'business',
  'provident_fund',
  'education',
  'medical_insurance',
  'elderly_care',
  'marriage_birth',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export type Channel = 'online' | 'window';
/** 全程网办 / 异地代收代办 / 多地联办. */
export type CrossProvinceMode = 'full_online' | 'proxy' | 'joint';
export type CaseMode = 'local' | CrossProvinceMode;
export type Delivery = 'electronic' | 'post' | 'window';

export const CASE_STATES = [
  'submitted',
  'returned',
  'forwarded',
  'accepted',
  'in_review',
  'suspended',
  'approved',
  'denied',
  'delivered',
  'withdrawn',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_ACTIONS = [
  'accept',
  'return',
  'resubmit',
  'forward',
  'claim',
  'transfer',
  'request_supplement',
  'supplement',
  'approve',
  'deny',
  'deliver',
  'withdraw',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
export type CaseRole = 'applicant' | 'receiving' | 'handling' | 'joint' | 'supervisor';

/** An item in a list (事项). */
export interface ServiceItemSummary {
  id: string;
  key: string;
  cityCode: string;
  version: number;
  name: Names;
  category: ServiceCategory;
  department: string;
  level: 'city' | 'county';
  applicant: 'resident' | 'enterprise';
  promisedLimitDays: number;
  legalLimitDays: number;
  maxVisits: number;
  channels: Channel[];
  alliance: boolean;
  crossProvinceModes: CrossProvinceMode[];
  /** 无证明: nothing to upload. */
  certificateFree: boolean;
  feeFen: number;
}

/** A material the item requires and where it comes from. */
export type ItemMaterial =
  | { key: string; name: Names; source: 'applicant'; required: boolean; original: boolean }
  | { key: string; name: Names; source: 'registry'; dataset: string; fields: string[] }
  | { key: string; name: Names; source: 'not_needed'; note: Names };

export interface FormField {
  key: string;
  label: Names;
  type: 'text' | 'date' | 'number' | 'select';
  required: boolean;
  prefill?: string;
  options?: { value: string; label: Names }[];
}

export interface ItemDefinition {
  name: Names;
  category: ServiceCategory;
  department: string;
  level: 'city' | 'county';
  itemType: string;
  applicant: 'resident' | 'enterprise';
  legalLimitDays: number;
  promisedLimitDays: number;
  feeFen: number;
  feeBasis: string | null;
  channels: Channel[];
  alliance: boolean;
  crossProvinceModes: CrossProvinceMode[];
  jointDepartments: string[];
  maxVisits: number;
  result: { kind: string; name: Names; delivery: Delivery[] };
  legalBasis: string;
  materials: ItemMaterial[];
  form: FormField[];
}

/** One registry a case reads for the applicant (免提交), with its fields named. */
export interface RegistryFetch {
  dataset: string;
  name: Names;
  keeper: Names;
  fields: { field: string; label: Names }[];
}

export interface ServiceItem {
  id: string;
  key: string;
  cityCode: string;
  version: number;
  definition: ItemDefinition;
  fetches: RegistryFetch[];
}

/** One problem of a return or a supplement request (一次性告知). */
export interface CaseProblem {
  kind: 'form' | 'material' | 'condition';
  key: string | null;
  message: Names;
}

export type SlaState = 'on_track' | 'warning' | 'overdue' | 'paused';

export interface CaseSla {
  state: SlaState;
  usedDays: number;
  remainingDays: number;
  dueOn: string | null;
  warnOn: string | null;
  /** The count runs through a year still on the provisional calendar: the due date may move. */
  dueDateProvisional: boolean;
}

/** 办件: a case as a list row or the head of the detail. */
export interface ServiceCase {
  id: string;
  itemId: string;
  itemVersion: number;
  itemName: Names;
  department: string;
  applicantType: string;
  applicantId: string;
  applicantName: string;
  handlingDivision: string;
  receivingDivision: string;
  mode: CaseMode;
  channel: Channel;
  state: CaseState;
  submittedAt: string;
  acceptedOn: string | null;
  limitDays: number;
  dueOn: string | null;
  sla: CaseSla | null;
  escalated: boolean;
  visits: number;
  maxVisits: number;
  /** The visits the promise allows this case (a window case is allowed its intake visit). */
  promisedVisits: number;
  overVisits: boolean;
  assigneeName: string | null;
  returnReasons: CaseProblem[] | null;
  decisionReason: string | null;
  decidedAt: string | null;
  delivery: string | null;
  trackingNumber: string | null;
  resultNumber: string | null;
  version: number;
}

export interface CaseMaterial {
  key: string;
  name: Names;
  source: 'applicant' | 'registry';
  fileName: string | null;
  mediaType: string | null;
  size: number | null;
  proof: Record<string, unknown> | null;
}

export interface TimelineStep {
  at: string;
  action: string;
  fromState: string | null;
  toState: string;
  actorRole: string;
  /** `<division>/<department>` of the acting officer. */
  actorOffice: string | null;
  visit: boolean;
  detail: Record<string, unknown>;
}

export interface CaseDetail {
  case: ServiceCase;
  roles: CaseRole[];
  actions: CaseAction[];
  form: Record<string, unknown>;
  materials: CaseMaterial[];
  opinions: { department: string; opinion: string; reason: string; at: string }[];
  timeline: TimelineStep[];
}

export interface UploadedFile {
  hash: string;
  mediaType: string;
  size: number;
  fileName: string;
}

export type FormValues = Record<string, string | number | null>;

export interface SubmitInput {
  itemId: string;
  form: FormValues;
  materials?: Record<string, string>;
  consent: boolean;
  requestKey: string;
  fromCity?: string;
  handlingDivision?: string;
  applicantId?: string;
}

/** What an action carries; each action reads its part. */
export interface ActionInput {
  reasons?: CaseProblem[];
  reason?: string;
  toDivision?: string;
  toOfficer?: string;
  delivery?: Delivery;
  trackingNumber?: string;
  expectedVersion?: number;
  form?: FormValues;
  materials?: Record<string, string>;
}

/** One read of the applicant's data (数据使用记录). */
export interface DataAccessEntry {
  seq: number;
  occurredAt: string;
  /** `<division>/<department>` of the office, or a role. */
  reader: string;
  dataset: string;
  /** The dataset and its fields in words, from the server's registry directory. */
  datasetName: { zh: string; en: string };
  fields: string[];
  fieldNames: { zh: string; en: string }[];
  purpose: string;
  caseId: string | null;
  withConsent: boolean;
}

export interface CaseNotice {
  id: number;
  caseId: string;
  kind: string;
  createdAt: string;
  read: boolean;
}

export interface ItemSearch {
  city?: string;
  category?: string;
  q?: string;
  alliance?: boolean;
}

const enc = encodeURIComponent;

/** The catalogue (public): items of one city, category or words. */
export async function fetchItems(search: ItemSearch, signal?: AbortSignal): Promise<ServiceItemSummary[]> {
  const params = new URLSearchParams();
  if (search.city) params.set('city', search.city);
  if (search.category) params.set('category', search.category);
  if (search.q?.trim()) params.set('q', search.q.trim());
  if (search.alliance) params.set('alliance', 'true');
  return (await apiFetch<{ items: ServiceItemSummary[] }>(`/services/items?${params}`, { signal })).items;
}

export function fetchItem(id: string, signal?: AbortSignal): Promise<ServiceItem> {
  return apiFetch<ServiceItem>(`/services/items/${enc(id)}`, { signal });
}

/** The applicant's own data for the form's prefilled fields. */
export async function fetchPrefill(id: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
  return (
    await apiFetch<{ values: Record<string, unknown> }>(`/services/items/${enc(id)}/prefill`, { signal })
  ).values;
}

/** A PDF, JPEG or PNG of at most 10 MB in the multipart field `file`; cite its hash in an application. */
export async function uploadMaterial(file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch('/api/v1/services/files', {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': i18n.language },
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'));
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as UploadedFile;
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

/** 申请: pre-checked at once; the same requestKey twice returns the first case. */
export function submitCase(input: SubmitInput): Promise<ServiceCase> {
  return apiFetch<ServiceCase>('/services/cases', { method: 'POST', body: input });
}

export async function fetchMyCases(signal?: AbortSignal): Promise<ServiceCase[]> {
  return (await apiFetch<{ items: ServiceCase[] }>('/services/cases/mine', { signal })).items;
}

export function fetchCase(id: string, signal?: AbortSignal): Promise<CaseDetail> {
  return apiFetch<CaseDetail>(`/services/cases/${enc(id)}`, { signal });
}

export function actOnCase(id: string, action: CaseAction, input: ActionInput = {}): Promise<ServiceCase> {
  return apiFetch<ServiceCase>(`/services/cases/${enc(id)}/actions/${action}`, {
    method: 'POST',
    body: input,
  });
}

export function giveOpinion(
  id: string,
  input: { opinion: 'agree' | 'disagree'; reason: string },
): Promise<ServiceCase> {
  return apiFetch<ServiceCase>(`/services/cases/${enc(id)}/opinions`, { method: 'POST', body: input });
}

/** Plain links: the browser opens them with the session cookie. */
export const caseResultUrl = (id: string) => `/api/v1/services/cases/${enc(id)}/result`;
export const caseMaterialUrl = (id: string, key: string) =>
  `/api/v1/services/cases/${enc(id)}/materials/${enc(key)}`;

export async function fetchMyDataAccess(signal?: AbortSignal): Promise<DataAccessEntry[]> {
  return (await apiFetch<{ items: DataAccessEntry[] }>('/services/me/data-access', { signal })).items;
}

export async function fetchMyNotices(signal?: AbortSignal): Promise<CaseNotice[]> {
  return (await apiFetch<{ items: CaseNotice[] }>('/services/me/notices', { signal })).items;
}

/** A division as GET /divisions/:code answers it (only what the service pages use). */
export interface DivisionSummary {
  code: string;
  name: string;
}

/** The counties of an alliance city (for county-level items and transfers). */
export async function fetchCounties(city: string, signal?: AbortSignal): Promise<DivisionSummary[]> {
  const answer = await apiFetch<{ children: (DivisionSummary & { level: string })[] }>(`/divisions/${city}`, {
    signal,
  });
  return answer.children.filter((d) => d.level === 'county').map(({ code, name }) => ({ code, name }));
}
