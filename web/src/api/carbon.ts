import { apiFetch } from './client';

/** Carbon-account domains the server knows (`src/modules/carbon/accounts.ts`). */
export type CarbonDomain =
  | 'household_life'
  | 'industry'
  | 'agriculture'
  | 'energy'
  | 'buildings'
  | 'transport';

export interface CarbonAccount {
  /** e.g. `HL-330802-0002174`: domain prefix, county, sequence. */
  accountNo: string;
  subjectType: 'resident' | 'enterprise' | 'farm';
  subjectId: string;
  domain: CarbonDomain;
  countyCode: string | null;
  openedAt: string;
}

/** Activity kinds of the calculator (`src/modules/carbon/units.ts`). */
export type ActivityKind =
  | 'electricity'
  | 'own_renewable'
  | 'heat'
  | 'raw_coal'
  | 'natural_gas'
  | 'diesel'
  | 'gasoline'
  | 'process';

export type GridChoice = 'national' | 'east-china';

/** 碳效 level by intensity; the server sends the Chinese word itself. */
export type CarbonLevel = '低碳' | '中碳' | '高碳';

export interface ActivityInput {
  kind: ActivityKind;
  amount: number;
  unit: string;
}

export interface CalculationRequest {
  /** YYYY-MM */
  period: string;
  gridFactor?: GridChoice;
  activities: ActivityInput[];
  /** 万元 */
  valueAdded?: number;
}

/** The factor behind one line; `fallback` when the period's own factor is not yet published. */
export interface AppliedFactor {
  id: string;
  value: number;
  unit: string;
  source: string;
  year: number | null;
  basis: string;
  fallback: boolean;
  fallbackReason?: string;
  fallbackReasonZh?: string;
  formula?: string;
  parameters?: { id: string; kind: string; value: number; unit: string; year: number }[];
}

export interface CalculationLine {
  kind: ActivityKind;
  amount: number;
  unit: string;
  baseAmount: number;
  baseUnit: string;
  grams: number;
  tonnes: number;
  factor: AppliedFactor;
  /** A conversion assumption, in English only (e.g. a fuel density for litres). */
  assumption?: string;
}

export interface CalculationResult {
  period: string;
  gridFactor: GridChoice;
  totalTonnes: number;
  totalGrams: number;
  lines: CalculationLine[];
  /** t CO2 per 万元 value added; null without a value added. */
  intensity: number | null;
  level: CarbonLevel | null;
  factorIds: string[];
  fallback: boolean;
}

export async function fetchMyCarbonAccounts(signal?: AbortSignal): Promise<CarbonAccount[]> {
  const response = await apiFetch<{ items: CarbonAccount[] }>('/carbon/accounts/me', { signal });
  return response.items;
}

/** Residents only; other roles get 403 `NO_CARBON_SUBJECT`. */
export async function fetchMyPointsBalance(signal?: AbortSignal): Promise<number> {
  const response = await apiFetch<{ balance: number }>('/carbon/points/me', { signal });
  return response.balance;
}

/** The open calculator; a bad input rejects with a 422 whose `details[].path` name the fields. */
export function calculateEmissions(request: CalculationRequest): Promise<CalculationResult> {
  return apiFetch<CalculationResult>('/carbon/calculate', { method: 'POST', body: request });
}
