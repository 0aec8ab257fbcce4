import { AuditTrailCard } from './audit/audit-trail-card';
import { ChainCheckCard } from './audit/chain-check-card';
import { RoleHome } from './role-home';
import './audit/audit.css';

/** Home of the auditor role: the audit trail and its hash-chain check. */
export default function AuditHomePage() {
  return (
    <RoleHome forRole="auditor">
      <ChainCheckCard />
      <AuditTrailCard />
    </RoleHome>
  );
}
