import { queryOptions } from '@tanstack/react-query';
import {
  type CreditRecordType,
  fetchMyCreditConsents,
  fetchMyCreditDataAccess,
  fetchMyDisputes,
  fetchMyHistory,
  fetchMyMeasures,
  fetchMyNotifications,
  fetchMyRecords,
  fetchMyScore,
  fetchRecordTypes,
} from '../../api/credit';

/** `/credit/record-types`: the catalogue, which changes only with a release. */
export const recordTypesQuery = queryOptions({
  queryKey: ['credit', 'record-types'],
  queryFn: ({ signal }) => fetchRecordTypes(signal),
  staleTime: 60 * 60_000,
});

/** The departments that report credit records (court, tax, civilisation office…), in catalogue order. */
export function sourceDepartments(types: readonly CreditRecordType[]): string[] {
  return [...new Set(types.map((t) => t.department))];
}

/** Everything under `/credit/me`: a dispute or a decision can change any of it. */
export const myCreditKey = ['credit', 'me'] as const;

export const myScoreQuery = queryOptions({
  queryKey: [...myCreditKey, 'score'],
  queryFn: ({ signal }) => fetchMyScore(signal),
});

export const myHistoryQuery = queryOptions({
  queryKey: [...myCreditKey, 'history'],
  queryFn: ({ signal }) => fetchMyHistory(signal),
});

export const myRecordsQuery = queryOptions({
  queryKey: [...myCreditKey, 'records'],
  queryFn: ({ signal }) => fetchMyRecords(signal),
});

export const myDisputesQuery = queryOptions({
  queryKey: [...myCreditKey, 'disputes'],
  queryFn: ({ signal }) => fetchMyDisputes(signal),
});

export const myMeasuresQuery = queryOptions({
  queryKey: [...myCreditKey, 'measures'],
  queryFn: ({ signal }) => fetchMyMeasures(signal),
  staleTime: 5 * 60_000,
});

export const myConsentsQuery = queryOptions({
  queryKey: [...myCreditKey, 'consents'],
  queryFn: ({ signal }) => fetchMyCreditConsents(signal),
});

export const myDataAccessQuery = queryOptions({
  queryKey: [...myCreditKey, 'data-access'],
  queryFn: ({ signal }) => fetchMyCreditDataAccess(signal),
});

export const myNotificationsQuery = queryOptions({
  queryKey: [...myCreditKey, 'notifications'],
  queryFn: ({ signal }) => fetchMyNotifications(signal),
});
