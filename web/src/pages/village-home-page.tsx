import { RoleHome } from './role-home';

/** Home of the collective role. */
export default function VillageHomePage() {
  return <RoleHome forRole="collective" />;
}
