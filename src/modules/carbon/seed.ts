import type { SeedContext } from '../../kernel/module';
import type { Platform } from '../../platform';
import { seedBehaviourEvents } from './behaviour-seed';
import { seedFarmInputs } from './farm-seed';
import { seedIndustrialAccounts } from './industrial-seed';

/** Opens a carbon account for every seeded resident, enterprise and farm (the city opened them in bulk in 2021). */
export async function seedCarbon(context: SeedContext<Platform>): Promise<void> {
  await context.platform.carbon.accounts.openForRegistry(context.progress);
  await seedBehaviourEvents(context);
  await seedIndustrialAccounts(context);
  const { carbon, registry } = context.platform;
  await seedFarmInputs(carbon.farms, registry, context.seed, context.progress);
}
