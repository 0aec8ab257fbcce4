import type { PlatformModule } from '../../platform';
import { createCarbonAccounts } from './migrations/2026_11_29_0020_create_carbon_accounts';
import { createBehaviourEvents } from './migrations/2026_11_29_0021_create_behaviour_events';
import { createRewardsAndReversals } from './migrations/2026_11_29_0022_create_rewards_and_reversals';
import { createIndustrialActivity } from './migrations/2026_11_29_0023_create_industrial_activity';
import { createFarmInputsAndClose } from './migrations/2026_11_29_0024_create_farm_inputs_and_close';
import { leanBehaviourIngest } from './migrations/2026_11_29_0025_lean_behaviour_ingest';
import { keepReplacedResults } from './migrations/2026_11_29_0026_keep_replaced_results';
import { carbonPolicies } from './policies';
import { carbonRoutes } from './routes';
import { seedCarbon } from './seed';

export type { CarbonAccount } from './account-service';
export {
  accountNumber,
  DEFAULT_DOMAIN,
  DOMAINS,
  type Domain,
  SUBJECT_TYPES,
  type SubjectType,
} from './accounts';
export type { CarbonTables } from './carbon.tables';
export { type CarbonService, createCarbonService } from './service';

/** 碳账户 — personal, industrial-enterprise and agricultural carbon accounts. */
export const carbonModule: PlatformModule = {
  name: 'carbon',
  migrations: {
    '2026_11_29_0020_create_carbon_accounts': createCarbonAccounts,
    '2026_11_29_0021_create_behaviour_events': createBehaviourEvents,
    '2026_11_29_0022_create_rewards_and_reversals': createRewardsAndReversals,
    '2026_11_29_0023_create_industrial_activity': createIndustrialActivity,
    '2026_11_29_0024_create_farm_inputs_and_close': createFarmInputsAndClose,
    '2026_11_29_0025_lean_behaviour_ingest': leanBehaviourIngest,
    '2026_11_29_0026_keep_replaced_results': keepReplacedResults,
  },
  policies: carbonPolicies,
  routes: carbonRoutes,
  seed: seedCarbon,
  start: async (platform) => {
    await platform.carbon.factors.syncShipped();
    await platform.carbon.rewards.syncStock();
  },
};
