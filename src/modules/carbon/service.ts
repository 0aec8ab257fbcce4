import type { AuditService } from '../../kernel/audit';
import type { SanquDatabase } from '../../kernel/db';
import type { LedgerService } from '../../kernel/ledger';
import type { RegistryService } from '../registry';
import { createCarbonAccountService } from './account-service';
import { createBehaviourHistoryService } from './behaviour-history';
import { createCarbonCloseService } from './close-service';
import { createCarbonExpiryService } from './expiry-service';
import { createCarbonFactorService } from './factor-service';
import { createCarbonFarmService } from './farm-service';
import { createIndustrialOverviewService } from './industrial-overview-service';
import { createCarbonIndustrialService } from './industrial-service';
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
  const carbon = {
    accounts: createCarbonAccountService(database, audit, registry),
    factors: createCarbonFactorService(database, audit),
    behaviours: createCarbonIngestService(database, audit, ledger),
    rewards: createCarbonRewardService(database, audit, ledger),
    reversals: createCarbonReversalService(database, audit, ledger),
    /** 绿色行为记录: a resident's behaviour history and totals. */
    behaviourHistory: createBehaviourHistoryService(database),
    // Its own factor service handle: the library is read per call, so two handles see the same versions.
    industrial: createCarbonIndustrialService(
      database,
      audit,
      registry,
      createCarbonFactorService(database, audit),
    ),
    farms: createCarbonFarmService(database, audit, registry, createCarbonFactorService(database, audit)),
    /** 贴标分布: labels by county and industry, and the labelled enterprises, for officers. */
    overview: createIndustrialOverviewService(database, registry),
    /** 积分过期: `points.expire(asOf)`. */
    points: createCarbonExpiryService(database, audit, ledger),
  };
  // The monthly close drives the other parts (farms, points, the industrial close), so it is wired after them.
  return { ...carbon, close: createCarbonCloseService(database, audit, carbon) };
}
