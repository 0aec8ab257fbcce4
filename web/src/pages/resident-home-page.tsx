import { RoleHome } from './role-home';

/** Home of the resident role. */
export default function ResidentHomePage() {
  return <RoleHome forRole="resident" />;
}
