import { Navigate } from 'react-router';
import { useCurrentUser } from '../auth/use-current-user';
import { roleHome } from './roles';

/** `/` inside the app: go to the signed-in role's home. */
export function RoleHomeRedirect() {
  const user = useCurrentUser();
  return <Navigate to={roleHome(user.role).path} replace />;
}
