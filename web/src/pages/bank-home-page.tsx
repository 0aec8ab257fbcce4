import { RoleHome } from './role-home';

/** Home of the bank role. */
export default function BankHomePage() {
  return <RoleHome forRole="bank" />;
}
