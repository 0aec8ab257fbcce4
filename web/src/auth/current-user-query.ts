import { queryOptions } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';
import { fetchMe, type User } from '../api/auth';

export const currentUserKey = ['auth', 'me'] as const;

/** `/auth/me` as a query: the user, or `null` when there is no valid session (401). */
export const currentUserQuery = queryOptions<User | null>({
  queryKey: currentUserKey,
  queryFn: async ({ signal }) => {
    try {
      return await fetchMe(signal);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
});
