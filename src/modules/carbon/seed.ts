import type { SeedContext } from '../../kernel/module';
import type { Platform } from '../../platform';

/** Opens a carbon account for every seeded resident, enterprise and farm (the city opened them in bulk in 2021). */
export async function seedCarbon(context: SeedContext<Platform>): Promise<void> {
  await context.platform.carbon.accounts.openForRegistry(context.progress);
}
