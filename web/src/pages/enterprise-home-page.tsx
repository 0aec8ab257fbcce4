import { RoleHome } from './role-home';

/** Home of the enterprise_agent role. */
export default function EnterpriseHomePage() {
  return <RoleHome forRole="enterprise_agent" />;
}
