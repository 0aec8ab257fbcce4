import type { PlatformModule } from '../../platform';
import { createServices } from './migrations/2026_12_04_0040_create_services';
import { servicesPolicies } from './policies';
import { servicesRoutes } from './routes';
import { seedServices } from './seed';

export { createServicesService, type ServicesService } from './service';
export type { ServicesTables } from './services.tables';

/** 一网通办 — one-visit, certificate-free services and the four-city 跨省通办 alliance. */
export const servicesModule: PlatformModule = {
  name: 'services',
  migrations: { '2026_12_04_0040_create_services': createServices },
  policies: servicesPolicies,
  routes: servicesRoutes,
  seed: seedServices,
  start: async (platform) => {
    await platform.services.items.syncShipped();
  },
};
