import type { PlatformModule } from '../platform';
import { carbonModule } from './carbon';
import { creditModule } from './credit';
import { registryModule } from './registry';
import { servicesModule } from './services';

/** Every module of the platform, in seed order (later modules read what earlier ones seeded). */
export const modules: PlatformModule[] = [registryModule, carbonModule, creditModule, servicesModule];
