import type { FourColourLabel } from './carbon-industrial';
import { apiFetch } from './client';

export type LabelCounts = Record<FourColourLabel | 'none', number>;

export interface LabelDistribution {
  period: string;
  countyCode: string | null;
  total: LabelCounts;
  byCounty: ({ countyCode: string; countyName: string } & LabelCounts)[];
  byIndustry: ({ division: string } & LabelCounts)[];
}

export interface EnterpriseResultRow {
  uscc: string;
  name: string;
  countyCode: string;
  industryCode: string;
  industryName: string;
  tonnes: number;
  valueAdded: number | null;
  intensity: number | null;
  industryAverage: number | null;
  k: number | null;
  grade: number | null;
  level: string | null;
  label: FourColourLabel | null;
}

export interface OverviewFilter {
  period?: string;
  label?: FourColourLabel;
}

const query = (filter: OverviewFilter, extra: Record<string, string> = {}) => {
  const params = new URLSearchParams(extra);
  if (filter.period) params.set('period', filter.period);
  if (filter.label) params.set('label', filter.label);
  const text = params.toString();
  return text ? `?${text}` : '';
};

/** Labels of a closed month (default: the latest) by county and industry; a county officer gets their county. */
export function fetchLabelDistribution(
  filter: OverviewFilter,
  signal?: AbortSignal,
): Promise<LabelDistribution> {
  return apiFetch<LabelDistribution>(`/carbon/enterprises/overview${query({ period: filter.period })}`, {
    signal,
  });
}

export function fetchEnterpriseResults(
  filter: OverviewFilter & { page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<{ period: string; total: number; items: EnterpriseResultRow[] }> {
  const extra = { limit: String(filter.pageSize), offset: String((filter.page - 1) * filter.pageSize) };
  return apiFetch(`/carbon/enterprises/results${query(filter, extra)}`, { signal });
}

/** The export is a plain link: the browser downloads it with the session cookie. */
export const enterpriseResultsXlsxUrl = (filter: OverviewFilter) =>
  `/api/v1/carbon/enterprises/results.xlsx${query(filter)}`;
