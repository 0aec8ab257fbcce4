import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { adminRoutes } from './admin-routes';
import { disputeRoutes } from './dispute-routes';
import { meRoutes } from './me-routes';
import { measureRoutes } from './measure-routes';
import { recordRoutes } from './record-routes';

/** /api/v1/credit: 信安分. */
export async function creditRoutes(app: SanquApp, platform: Platform) {
  await recordRoutes(app, platform);
  await meRoutes(app, platform);
  await disputeRoutes(app, platform);
  await measureRoutes(app, platform);
  await adminRoutes(app, platform);
}
