import type { PlatformModule } from '../../platform';
import { createCredit } from './migrations/2026_12_04_0030_create_credit';
import { creditPolicies } from './policies';
import { creditRoutes } from './routes';
import { seedCredit } from './seed';

export type { CreditTables } from './credit.tables';
export { type CreditService, createCreditService } from './service';

/** 信安分 — the resident integrity score (rewards only), its incentives, disputes and credit repair. */
export const creditModule: PlatformModule = {
  name: 'credit',
  migrations: { '2026_12_04_0030_create_credit': createCredit },
  policies: creditPolicies,
  routes: creditRoutes,
  seed: seedCredit,
  start: async (platform) => {
    await platform.credit.models.syncShipped();
    await platform.credit.measures.syncShipped();
  },
};
