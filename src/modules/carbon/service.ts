import type { AuditService } from '../../kernel/audit';
import type { SanquDatabase } from '../../kernel/db';
import type { LedgerService } from '../../kernel/ledger';
import type { RegistryService } from '../registry';
import { createCarbonAccountService } from './account-service';
import { createCarbonFactorService } from './factor-service';
import { createCarbonIngestService } from './ingest-service';
import { createCarbonReversalService } from './reversal-service';
import { createCarbonRewardService } from './reward-service';

export type CarbonService = ReturnType<typeof createCarbonService>;

/** 碳账户 — the module's public service: accounts now; factors, calculation, behaviours and close as they land. */
export function createCarbonService(
  database: SanquDatabase,
  audit: AuditService,
  ledger: LedgerService,
  registry: RegistryService,
) {
  return {
    accounts: createCarbonAccountService(database, audit, registry),
    factors: createCarbonFactorService(database, audit),
    behaviours: createCarbonIngestService(database, audit, ledger),
    rewards: createCarbonRewardService(database, audit, ledger),
    reversals: createCarbonReversalService(database, audit, ledger),
  };
}
