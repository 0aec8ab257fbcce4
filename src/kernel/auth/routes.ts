import { Type } from '@sinclair/typebox';
import { authorize, requireActor, SESSION_COOKIE } from '../../http/authentication';
import { errorResponses, Strict } from '../../http/schemas';
import type { Platform } from '../../platform';
import type { SanquApp } from '../module';
import { ROLES } from './roles';

const UserSchema = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    role: Type.Union(ROLES.map((r) => Type.Literal(r))),
    department: Type.Union([Type.String(), Type.Null()]),
    divisionCode: Type.Union([Type.String(), Type.Null()]),
    divisionName: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'User', title: 'User' },
);

export interface AuthRouteOptions {
  cookieSecure: boolean;
  loginRatePerMinute: number;
}

/** /api/v1/auth: log in (cookie + bearer token), log out, who am I, create users (admin). */
export async function authRoutes(app: SanquApp, platform: Platform, options: AuthRouteOptions) {
  app.addSchema(UserSchema);
  const present = (actor: { divisionCode: string | null } & Record<string, unknown>) => ({
    ...actor,
    divisionName: actor.divisionCode ? (platform.divisions.get(actor.divisionCode)?.name ?? null) : null,
  });
  const userRef = Type.Ref('User');

  app.post(
    '/login',
    {
      config: { rateLimit: { max: options.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Log in with username and password',
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
          },
          Strict,
        ),
        response: {
          200: Type.Object({
            token: Type.String(),
            expiresAt: Type.String({ format: 'date-time' }),
            user: userRef,
          }),
          ...errorResponses(400, 401, 413, 415, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const session = await platform.auth.login(request.body.username, request.body.password);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: options.cookieSecure,
        expires: new Date(session.expiresAt),
      });
      return { token: session.token, expiresAt: session.expiresAt, user: present({ ...session.actor }) };
    },
  );

  app.post(
    '/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End the current session (always clears the cookie, even when the session had expired)',
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      if (request.actor && request.sessionToken)
        await platform.auth.logout(request.sessionToken, request.actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user',
        response: { 200: Type.Object({ user: userRef }), ...errorResponses(401) },
      },
    },
    async (request) => ({ user: present({ ...requireActor(request) }) }),
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create a user (admin)',
        body: Type.Object(
          {
            username: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,63}$' }),
            password: Type.String({ minLength: 8, maxLength: 200 }),
            displayName: Type.String({ minLength: 1, maxLength: 100 }),
            role: Type.Union(ROLES.map((r) => Type.Literal(r))),
            department: Type.Optional(Type.String({ maxLength: 64 })),
            divisionCode: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3}(\\d{3})?)?$' })),
            subjectId: Type.Optional(Type.String({ maxLength: 64 })),
          },
          Strict,
        ),
        response: { 201: Type.Object({ user: userRef }), ...errorResponses(401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, platform.can, 'user.create', { type: 'user' });
      const user = await platform.auth.createUser(request.body, actor);
      return reply.status(201).send({ user: present({ ...user }) });
    },
  );
}
