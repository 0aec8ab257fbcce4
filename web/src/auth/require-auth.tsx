import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageError } from '../app/page-error';
import { PageLoading } from '../app/page-loading';
import { currentUserQuery } from './current-user-query';

/** Renders its children only with a session; otherwise sends the visitor to /login and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const { data: user, isPending, error, refetch } = useQuery(currentUserQuery);
  if (isPending) return <PageLoading />;
  if (error) return <PageError error={error} onRetry={() => void refetch()} />;
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}
