import { apiFetch } from './client';

export type FactorRegion = 'national' | 'east-china' | 'any';
export type FactorBasis = 'published' | 'guideline_default' | 'ipcc_default' | 'assumption';

/** One version of an emission factor (排放因子); versions are never edited, a new value is a new version. */
export interface EmissionFactor {
  id: string;
  kind: string;
  region: FactorRegion;
  value: number;
  unit: string;
  gas: string;
  basis: FactorBasis;
  source: string;
  year: number;
  /** YYYY-MM or null (open-ended). */
  validFrom: string | null;
  validTo: string | null;
  notes: string;
}

export async function fetchFactors(signal?: AbortSignal): Promise<EmissionFactor[]> {
  return (await apiFetch<{ items: EmissionFactor[] }>('/carbon/factors', { signal })).items;
}

/** City ecology officers only; a reused id is 409, a unit that is not the kind's is 422. */
export function addFactorVersion(factor: EmissionFactor): Promise<EmissionFactor> {
  return apiFetch<EmissionFactor>('/carbon/factors', { method: 'POST', body: factor });
}
