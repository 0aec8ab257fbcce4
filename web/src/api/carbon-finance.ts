import type { CarbonLevel } from './carbon';
import type { FactorProvenance, FourColourLabel, LabelExplanation } from './carbon-industrial';
import { apiFetch } from './client';

export interface PartnerBank {
  uscc: string;
  nameZh: string;
  nameEn: string;
}

/** An enterprise's authorisation (授权) for a bank to read its carbon credit report. */
export interface CarbonConsent {
  id: string;
  bank: PartnerBank | null;
  purpose: string;
  dataset: string;
  grantedAt: string;
  expiresAt: string;
  revokedAt: string | null;
  status: 'active' | 'expired' | 'revoked';
}

/** One read of the subject's data by someone else (数据使用记录). */
export interface DataAccessRecord {
  seq: number;
  occurredAt: string;
  actor: { id: string; role: string; organisation: string | null };
  organisationName: { zh: string; en: string } | null;
  dataset: string;
  fields: string[];
  purpose: string;
  consentId: string | null;
  caseId: string | null;
  requestId: string | null;
}

export interface CreditReport {
  enterprise: { uscc: string; name: string; industryCode: string; industryName: string; countyCode: string };
  generatedAt: string;
  window: { from: string; to: string } | null;
  months: {
    period: string;
    status: 'closed' | 'provisional';
    totalTonnes: number;
    energyTonnes: number;
    processTonnes: number;
    valueAdded: number | null;
    intensity: number | null;
    level: CarbonLevel | null;
    grade: number | null;
    label: FourColourLabel | null;
    /** Figures flagged as implausible and not yet confirmed: the month's emissions are understated. */
    unconfirmedRows: number;
  }[];
  missingPeriods: string[];
  summary: {
    totalTonnes: number;
    valueAdded: number | null;
    intensity: number | null;
    level: CarbonLevel | null;
    intensityChange: number | null;
    trend: 'falling' | 'flat' | 'rising' | null;
    unconfirmedRows: number;
    unconfirmedPeriods: string[];
  };
  efficiency: {
    period: string;
    level: CarbonLevel | null;
    grade: number | null;
    k: number | null;
    industryAverage: number | null;
  } | null;
  label: { period: string; label: FourColourLabel; explanation: LabelExplanation | null } | null;
  factors: FactorProvenance[];
  suggestedRate: {
    lprBasisPoints: number;
    lprEffectiveFrom: string;
    lprSource: string;
    label: FourColourLabel;
    spreadBasisPoints: number;
    spreadBasis: 'assumption' | 'published';
    rateBasisPoints: number;
    ratePercent: string;
    tableVersion: string;
  } | null;
}

export async function fetchBanks(signal?: AbortSignal): Promise<PartnerBank[]> {
  return (await apiFetch<{ items: PartnerBank[] }>('/carbon/banks', { signal })).items;
}

export async function fetchMyConsents(signal?: AbortSignal): Promise<CarbonConsent[]> {
  return (await apiFetch<{ items: CarbonConsent[] }>('/carbon/consents/me', { signal })).items;
}

/** `expiresAt` as YYYY-MM-DD: the consent holds through that day, China time. */
export function grantConsent(bank: string, expiresAt: string): Promise<CarbonConsent> {
  return apiFetch<CarbonConsent>('/carbon/consents', {
    method: 'POST',
    body: { bank, purpose: 'loan_assessment', expiresAt },
  });
}

export function revokeConsent(id: string): Promise<CarbonConsent> {
  return apiFetch<CarbonConsent>(`/carbon/consents/${id}`, { method: 'DELETE' });
}

export async function fetchMyDataAccess(signal?: AbortSignal): Promise<DataAccessRecord[]> {
  return (await apiFetch<{ items: DataAccessRecord[] }>('/carbon/data-access/me?limit=50', { signal })).items;
}

/** Banks: 403 without the enterprise's active consent, with a message that says which (none, expired, revoked). */
export function fetchCreditReport(uscc: string, signal?: AbortSignal): Promise<CreditReport> {
  return apiFetch<CreditReport>(`/carbon/credit-reports/${encodeURIComponent(uscc)}`, { signal });
}

/** The printable A4 page of the report (opened in a new tab; the read is logged like any other). */
export const creditReportPrintUrl = (uscc: string) =>
  `/api/v1/carbon/credit-reports/${encodeURIComponent(uscc)}/print`;
