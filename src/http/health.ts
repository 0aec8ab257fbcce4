import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { AppError } from '../kernel/errors';
import type { SanquApp } from '../kernel/module';
import type { Platform } from '../platform';
import { errorResponses } from './schemas';

/** Liveness (the process answers) and readiness (the database answers too). */
export async function healthRoutes(app: SanquApp, platform: Platform) {
  const status = Type.Object({ status: Type.String() });
  app.get('/healthz', { schema: { tags: ['ops'], response: { 200: status } } }, async () => ({
    status: 'ok',
  }));
  app.get(
    '/readyz',
    { schema: { tags: ['ops'], response: { 200: status, ...errorResponses(503) } } },
    async () => {
      try {
        await sql`select 1`.execute(platform.database.db);
      } catch {
        throw new AppError(503, 'NOT_READY', 'notReady');
      }
      return { status: 'ready' };
    },
  );
}
