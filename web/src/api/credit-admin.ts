import { apiFetch } from './client';
import type { CreditTier, Names } from './credit';

/** 信安分评分模型: one version's figures (`data/credit/models/*.json`). */
export interface ScoreModel {
  version: string;
  publishedOn: string;
  basis: string;
  base: number;
  min: number;
  max: number;
  dimensions: ({ code: string; weight: number; cap: number; floor: number } & Names)[];
  types: Record<string, { pointsPerUnit: number; decay: 'linear' | 'none' }>;
  tiers: CreditTier[];
}

export interface ModelVersion {
  version: string;
  /** In force: every stored score was computed under it. */
  active: boolean;
  createdAt: string;
  createdBy: string | null;
  activatedAt: string | null;
  model: ScoreModel;
}

export interface DistributionRow {
  countyCode: string;
  countyName: string;
  tier: string;
  residents: number;
  averageScore: number;
}

export interface Distribution {
  divisionCode: string;
  modelVersion: string;
  tiers: CreditTier[];
  rows: DistributionRow[];
}

/** City credit office, auditors and admins; newest version first. */
export async function fetchModelVersions(signal?: AbortSignal): Promise<ModelVersion[]> {
  return (await apiFetch<{ items: ModelVersion[] }>('/credit/models', { signal })).items;
}

/** Residents and average score by county and tier, in the officer's jurisdiction. */
export function fetchDistribution(signal?: AbortSignal): Promise<Distribution> {
  return apiFetch<Distribution>('/credit/statistics/distribution', { signal });
}

/** The export is a plain link: the browser downloads it with the session cookie. */
export const distributionXlsxUrl = '/api/v1/credit/statistics/distribution.xlsx';
