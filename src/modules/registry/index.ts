import type { PlatformModule } from '../../platform';
import { createRegistry } from './migrations/2026_11_29_0010_create_registry';
import { registryPolicies } from './policies';
import { registryRoutes } from './routes';
import { seedRegistry } from './seed';

export { RegistryNotEmptyError } from './bulk-load';
export { type DivisionDirectory, planRegistry, type RegistryPlan, SNAPSHOT_DATE } from './city-plan';
export { type DemoSubjects, demoSubjects } from './demo-subjects';
export { ageOn } from './derived-registries';
export { INDUSTRY_CLASSES, LEAD_INDUSTRIES, LEAD_INDUSTRY_NAMES } from './industries';
export { REGISTRY_FIELDS, type RegistryDataset, registryProviders } from './providers';
export type { LeadIndustry, RegistryTables } from './registry.tables';
export type { RegistrySeedContext } from './seed';
export {
  type Collective,
  type CountyCounts,
  createRegistryService,
  type Enterprise,
  type EnterpriseQuery,
  type Farm,
  type Household,
  type Page,
  type RegistryService,
  type Resident,
} from './service';

/** 人口库 / 法人库 — residents, households, enterprises, village collectives and farms. */
export const registryModule: PlatformModule = {
  name: 'registry',
  migrations: { '2026_11_29_0010_create_registry': createRegistry },
  policies: registryPolicies,
  routes: registryRoutes,
  seed: seedRegistry,
};
