import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { caseRoutes } from './case-routes';
import { catalogueRoutes } from './catalogue-routes';
import { workbenchRoutes } from './workbench-routes';

/** How often the server runs the deadline sweep (also `sanqu services sla`). */
export const SWEEP_INTERVAL_MS = 10 * 60_000;

/**
 * /api/v1/services: 一网通办. The server also runs the deadline sweep while it is up: every ten minutes, off the
 * request path, stopped when the app closes. [scale] With several servers, each sweeps; a case is warned or
 * escalated once all the same (the row version decides), or move the sweep to one scheduled job.
 */
export async function servicesRoutes(app: SanquApp, platform: Platform) {
  await catalogueRoutes(app, platform);
  await caseRoutes(app, platform);
  await workbenchRoutes(app, platform);
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      platform.services
        .sweep()
        .catch((error: unknown) => app.log.error({ err: error }, 'services deadline sweep failed'));
    }, SWEEP_INTERVAL_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
