import { apiFetch } from './client';
import type { CaseState, ServiceCase } from './services';

/** handling: the department's cases; receiving: the windows' (政务服务 only); supervision: escalated ones. */
export type QueueView = 'handling' | 'receiving' | 'supervision';

export interface QueuePage {
  items: ServiceCase[];
  next: string | null;
}

/** One state of the officer's queue, soonest deadline first; `after` is the previous page's `next`. */
export function fetchQueue(
  view: QueueView,
  state: CaseState,
  after: string | null,
  signal?: AbortSignal,
): Promise<QueuePage> {
  const params = new URLSearchParams({ view, state, limit: '50' });
  if (after) params.set('after', after);
  return apiFetch<QueuePage>(`/services/queue?${params}`, { signal });
}

export interface StatisticsGroup {
  key: string;
  cases: number;
  decided: number;
  onTime: number;
  averageWorkingDays: number | null;
}

export interface ServiceStatistics {
  divisionCode: string;
  from: string;
  to: string;
  cases: number;
  visits: { zero: number; one: number; more: number; overPromise: number };
  decided: number;
  onTime: number;
  byDepartment: StatisticsGroup[];
  byItem: StatisticsGroup[];
  byCity: StatisticsGroup[];
  cityPairs: { receivingCity: string; handlingCity: string; mode: string; cases: number }[];
}

export interface StatisticsQuery {
  from: string;
  to: string;
  division?: string;
}

const statisticsParams = (query: StatisticsQuery) => {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.division) params.set('division', query.division);
  return params;
};

export function fetchStatistics(query: StatisticsQuery, signal?: AbortSignal): Promise<ServiceStatistics> {
  return apiFetch<ServiceStatistics>(`/services/statistics?${statisticsParams(query)}`, { signal });
}

/** The Excel export is a plain link: the browser downloads it with the session cookie. */
export const statisticsXlsxUrl = (query: StatisticsQuery) =>
  `/api/v1/services/statistics.xlsx?${statisticsParams(query)}`;
