import { RoleHome } from './role-home';

/** Home of the auditor role. */
export default function AuditHomePage() {
  return <RoleHome forRole="auditor" />;
}
