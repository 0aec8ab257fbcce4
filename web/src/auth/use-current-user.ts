import { useQuery } from '@tanstack/react-query';
import type { User } from '../api/auth';
import { currentUserQuery } from './current-user-query';

/** The signed-in user; only call below {@link RequireAuth}, which guarantees one exists. */
export function useCurrentUser(): User {
  const { data } = useQuery(currentUserQuery);
  if (!data) throw new Error('useCurrentUser() used outside an authenticated route');
  return data;
}
