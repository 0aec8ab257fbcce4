import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { caseRoutes } from './case-routes';
import { catalogueRoutes } from './catalogue-routes';
import { workbenchRoutes } from './workbench-routes';

/** /api/v1/services: 一网通办. */
export async function servicesRoutes(app: SanquApp, platform: Platform) {
  await catalogueRoutes(app, platform);
  await caseRoutes(app, platform);
  await workbenchRoutes(app, platform);
}
