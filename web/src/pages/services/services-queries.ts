import { queryOptions } from '@tanstack/react-query';
import {
  fetchCase,
  fetchCounties,
  fetchItem,
  fetchItems,
  fetchMyCases,
  fetchMyDataAccess,
  type ItemSearch,
} from '../../api/services';

/** Everything about cases: any step can change a list, a queue or a detail. */
export const casesKey = ['services', 'cases'] as const;

export const itemsQuery = (search: ItemSearch) =>
  queryOptions({
    queryKey: ['services', 'items', search],
    queryFn: ({ signal }) => fetchItems(search, signal),
    staleTime: 5 * 60_000,
  });

export const itemQuery = (id: string) =>
  queryOptions({
    queryKey: ['services', 'item', id],
    queryFn: ({ signal }) => fetchItem(id, signal),
    staleTime: 5 * 60_000,
  });

export const myCasesQuery = queryOptions({
  queryKey: [...casesKey, 'mine'],
  queryFn: ({ signal }) => fetchMyCases(signal),
});

/** A case as this viewer sees it; an officer's read of the proofs is logged, so it is not refetched on focus. */
export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: [...casesKey, 'detail', id],
    queryFn: ({ signal }) => fetchCase(id, signal),
    refetchOnWindowFocus: false,
    retry: false,
  });

export const myDataAccessQuery = queryOptions({
  queryKey: [...casesKey, 'data-access'],
  queryFn: ({ signal }) => fetchMyDataAccess(signal),
});

/** The counties of a city: reference data, kept for the session. */
export const countiesQuery = (city: string) =>
  queryOptions({
    queryKey: ['divisions', city, 'counties'],
    queryFn: ({ signal }) => fetchCounties(city, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
