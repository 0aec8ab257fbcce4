import type { FastifyRequest } from 'fastify';
import type { Actor, Can, Resource } from '../kernel/auth';
import { AppError } from '../kernel/errors';
import type { SanquApp } from '../kernel/module';
import type { Platform } from '../platform';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = 'sanqu_session';

/** Reads the session from a bearer token (API clients) or the HTTP-only cookie (the web app). */
export function installAuthentication(app: SanquApp, platform: Platform) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.actor = await platform.auth.authenticate(token);
    request.sessionToken = request.actor ? token : null;
  });
}

/** The logged-in actor, or a 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(401, 'UNAUTHENTICATED', 'unauthenticated');
  return request.actor;
}

/** The logged-in actor if policy allows `action` on `resource`; 401 or 403 otherwise. */
export function authorize(request: FastifyRequest, can: Can, action: string, resource: Resource): Actor {
  const actor = requireActor(request);
  if (!can(actor, action, resource)) throw new AppError(403, 'FORBIDDEN', 'forbidden');
  return actor;
}
