import { apiFetch } from './client';

/** A name the server sends in both languages. */
export interface Names {
  zh: string;
  en: string;
}

/** The score's dimensions (维度), `src/modules/credit/record-types.ts`. */
export type CreditDimension = 'identity' | 'law_abiding' | 'life' | 'economic' | 'prosocial' | 'green';
export type CreditPolarity = 'positive' | 'negative';
/** Disputed records keep counting until the department decides; withdrawn and repaired ones do not. */
export type CreditRecordStatus = 'active' | 'disputed' | 'withdrawn' | 'repaired';
/** 异议 (the record is wrong) or 信用修复 (its condition has since been remedied). */
export type DisputeKind = 'dispute' | 'repair';
export type Decision = 'upheld' | 'corrected' | 'withdrawn' | 'repaired';

/** 信用记录类型: one kind of record and the department entitled to report it. */
export interface CreditRecordType extends Names {
  code: string;
  department: string;
  polarity: CreditPolarity;
  dimension: CreditDimension;
  unit: Names;
  validityMonths: number;
  maxQuantity: number;
  repairable: boolean;
}

/** One credit record; `residentId` is masked for anyone but the resident. */
export interface CreditRecord {
  id: string;
  recordId: string;
  source: string;
  residentId: string;
  type: string;
  typeName: Names;
  polarity: CreditPolarity;
  dimension: CreditDimension;
  department: string;
  quantity: number;
  unit: Names;
  occurredOn: string;
  validUntil: string;
  evidenceRef: string | null;
  status: CreditRecordStatus;
  revision: number;
  repairable: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CreditTier extends Names {
  code: string;
  /** Inclusive lower bound; the first tier starts at the range's min. */
  min: number;
}

export interface DimensionPart extends Names {
  code: CreditDimension;
  /** What it adds to the base after cap and floor. */
  contribution: number;
  raw: number;
  weighted: number;
  cap: number;
  /** The most it can take away, as a positive number. */
  floor: number;
  limitedBy: 'cap' | 'floor' | null;
}

/** 我的信安分 with its explanation. */
export interface CreditScore {
  residentId: string;
  score: number;
  tier: string;
  tierName: Names;
  modelVersion: string;
  computedAt: string;
  /** False: no records and no recompute yet, shown at the model's base. */
  stored: boolean;
  range: { min: number; max: number };
  tiers: CreditTier[];
  dimensions: DimensionPart[];
  /** The records that moved the score most. */
  topRecords: {
    id: string;
    type: string;
    typeName: Names;
    dimension: string;
    points: number;
    strength: number;
  }[];
  /** What would raise it: a record to add, or one to repair. */
  suggestions: {
    kind: 'add' | 'repair';
    type: string;
    typeName: Names;
    quantity?: number;
    unit: Names;
    recordId?: string;
    gain: number;
  }[];
}

export interface HistoryPoint {
  score: number;
  tier: string;
  modelVersion: string;
  computedAt: string;
  cause: string;
}

/** A dispute or repair request; officers see the resident ID masked. */
export interface CreditDispute {
  id: string;
  kind: DisputeKind;
  /** The record's `id` (not the source's recordId). */
  recordId: string;
  residentId: string;
  department: string;
  divisionCode: string;
  reason: string;
  evidenceRef: string | null;
  status: 'open' | Decision;
  submittedAt: string;
  /** Last working day for a decision (YYYY-MM-DD). */
  dueOn: string;
  /** The disputed record's type, in lists. */
  recordType?: string;
  recordTypeName?: Names;
  /** For open cases; negative when overdue. */
  workingDaysLeft: number | null;
  /** The due date lies in a year still on the provisional calendar: it may move once that year's notice is out. */
  dueDateProvisional: boolean;
  decidedAt: string | null;
  decisionReason: string | null;
  correction: unknown;
}

/** 守信联合激励: one incentive measure; `qualifies` is the resident's standing now. */
export interface CreditMeasure {
  id: string;
  kind: 'public' | 'market';
  providerId: string;
  provider: Names;
  name: Names;
  benefit: Names;
  minTier: string;
  disclosesTier: boolean;
  validFrom: string;
  validUntil: string | null;
  qualifies?: boolean;
}

/** A provider the resident allowed to ask whether they qualify (yes/no only). */
export interface CreditConsent {
  id: string;
  providerId: string;
  purpose: string;
  grantedAt: string;
  expiresAt: string;
  revokedAt: string | null;
  status: 'active' | 'expired' | 'revoked';
}

/** One read of the resident's data by someone else (数据使用记录), any dataset. */
export interface CreditDataAccess {
  seq: number;
  occurredAt: string;
  /** `organisation`: an officer's `<division>/<department>`, a provider's USCC, or null. */
  actor: { id: string; role: string; organisation: string | null };
  dataset: string;
  fields: string[];
  purpose: string;
  consentId: string | null;
  caseId: string | null;
}

/** 消息: a record added, a dispute or repair decided. */
export interface CreditNotification {
  id: number;
  kind: 'record_added' | 'dispute_decided' | 'repair_decided' | (string & {});
  params: {
    recordId?: string;
    type?: string;
    disputeId?: string;
    decision?: Decision;
    reason?: string;
    scoreBefore?: number | null;
    scoreAfter?: number | null;
  };
  createdAt: string;
  read: boolean;
}

export async function fetchRecordTypes(signal?: AbortSignal): Promise<CreditRecordType[]> {
  return (await apiFetch<{ items: CreditRecordType[] }>('/credit/record-types', { signal })).items;
}

export function fetchMyScore(signal?: AbortSignal): Promise<CreditScore> {
  return apiFetch<CreditScore>('/credit/me/score', { signal });
}

export async function fetchMyHistory(signal?: AbortSignal): Promise<HistoryPoint[]> {
  return (await apiFetch<{ items: HistoryPoint[] }>('/credit/me/history', { signal })).items;
}

export async function fetchMyRecords(signal?: AbortSignal): Promise<CreditRecord[]> {
  return (await apiFetch<{ items: CreditRecord[] }>('/credit/me/records', { signal })).items;
}

export async function fetchMyDisputes(signal?: AbortSignal): Promise<CreditDispute[]> {
  return (await apiFetch<{ items: CreditDispute[] }>('/credit/me/disputes', { signal })).items;
}

/** One open case per record; only counting records; repair only for repairable negatives (409/422 otherwise). */
export function openDispute(input: {
  recordId: string;
  kind: DisputeKind;
  reason: string;
  evidenceRef?: string | null;
}): Promise<CreditDispute> {
  return apiFetch<CreditDispute>('/credit/me/disputes', { method: 'POST', body: input });
}

export async function fetchMyMeasures(signal?: AbortSignal): Promise<CreditMeasure[]> {
  return (await apiFetch<{ items: CreditMeasure[] }>('/credit/me/measures', { signal })).items;
}

export async function fetchMyCreditConsents(signal?: AbortSignal): Promise<CreditConsent[]> {
  return (await apiFetch<{ items: CreditConsent[] }>('/credit/me/consents', { signal })).items;
}

/** `expiresAt` as YYYY-MM-DD (through that day, China time), at most a year ahead. */
export function grantCreditConsent(providerId: string, expiresAt: string): Promise<CreditConsent> {
  return apiFetch<CreditConsent>('/credit/me/consents', { method: 'POST', body: { providerId, expiresAt } });
}

export function revokeCreditConsent(id: string): Promise<CreditConsent> {
  return apiFetch<CreditConsent>(`/credit/me/consents/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function fetchMyCreditDataAccess(signal?: AbortSignal): Promise<CreditDataAccess[]> {
  return (await apiFetch<{ items: CreditDataAccess[] }>('/credit/me/data-access?limit=50', { signal })).items;
}

export async function fetchMyNotifications(signal?: AbortSignal): Promise<CreditNotification[]> {
  return (await apiFetch<{ items: CreditNotification[] }>('/credit/me/notifications', { signal })).items;
}

/** Marks the resident's messages read up to `throughId`; resolves with how many changed. */
export async function markNotificationsRead(throughId: number): Promise<number> {
  return (
    await apiFetch<{ marked: number }>('/credit/me/notifications:read', {
      method: 'POST',
      body: { throughId },
    })
  ).marked;
}
