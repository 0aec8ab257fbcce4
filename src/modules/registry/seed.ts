import type { SeedContext } from '../../kernel/module';
import type { Platform } from '../../platform';
import type { SeedSizes } from '../../seed/scales';
import { loadRegistry } from './bulk-load';
import { planRegistry } from './city-plan';

/** The seed context, plus size overrides the orchestrator passes for tests (`{ residents: 500 }`). */
export type RegistrySeedContext = SeedContext<Platform> & { sizes?: Partial<SeedSizes> };

/** The registry's seed hook: plans the city for the scale and seed, then generates and loads it. */
export async function seedRegistry(context: RegistrySeedContext): Promise<void> {
  const { platform } = context;
  const plan = planRegistry(platform.divisions, context.scale, context.seed, context.sizes);
  await loadRegistry(platform.database, platform.audit, plan, context.progress);
}
