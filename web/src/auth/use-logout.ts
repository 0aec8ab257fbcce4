import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { logout } from '../api/auth';
import { currentUserKey } from './current-user-query';

/** Ends the session on the server, forgets every cached query and goes to /login. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      // Even if the call failed, do not show the previous user's data any longer.
      queryClient.clear();
      queryClient.setQueryData(currentUserKey, null);
      navigate('/login', { replace: true });
    },
  });
}
