import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyReply } from 'fastify';
import type { Config } from '../config';
import { auditRoutes } from '../kernel/audit/routes';
import { authRoutes } from '../kernel/auth/routes';
import { divisionRoutes } from '../kernel/divisions/routes';
import { languageFrom, translate } from '../kernel/errors';
import type { SanquApp } from '../kernel/module';
import { modules } from '../modules';
import type { Platform } from '../platform';
import { installAuthentication } from './authentication';
import { installErrorHandling, installNotFound, languageOf } from './error-handler';
import { healthRoutes } from './health';
import { loggerOptions } from './logger';
import { installMetrics } from './metrics';
import { ErrorBodySchema } from './schemas';
import { installStaticWeb } from './static-web';
import { buildValidator } from './validation';

export type AppOptions = Pick<
  Config,
  'bodyLimit' | 'logLevel' | 'cookieSecure' | 'loginRatePerMinute' | 'webRoot'
> &
  Partial<Pick<Config, 'trustProxy' | 'metricsToken'>> & {
    logDestination?: { write(line: string): void };
  };

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Assembles the HTTP server: plugins, kernel routes, every module's routes under /api/v1/<module>, the web app. */
export async function buildApp(platform: Platform, options: AppOptions): Promise<SanquApp> {
  const app = Fastify({
    logger: loggerOptions(options.logLevel, options.logDestination),
    bodyLimit: options.bodyLimit,
    trustProxy: options.trustProxy ?? false,
    requestIdHeader: 'x-request-id',
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    schemaController: { compilersFactory: { buildValidator } },
    // Errors Fastify raises before routing (a malformed URL, an over-long parameter) get the shared shape too.
    frameworkErrors: (error, request, reply) => {
      const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      const message = translate('invalidValue', languageFrom(request.headers['accept-language']), {
        reason: error.message,
      });
      (reply as unknown as FastifyReply)
        .code(status)
        .send({ error: { code: error.code ?? 'BAD_REQUEST', message, details: [] } });
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  installErrorHandling(app, options.bodyLimit);
  app.addSchema(ErrorBodySchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sanqu 三衢 API',
        version: '1',
        description: 'Common-prosperity services of a city: one platform, many modules.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'sanqu_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(fastifyCookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (request, context) => ({
      statusCode: 429,
      error: {
        code: 'TOO_MANY_REQUESTS',
        message: translate('tooManyRequests', languageOf(request)),
        details: [{ path: 'retryAfter', message: String(context.after) }],
      },
    }),
  });
  installAuthentication(app, platform);
  installMetrics(app, platform, options.metricsToken ?? null);

  await app.register(async (scope) => healthRoutes(scope, platform));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(async (scope) => authRoutes(scope, platform, options), { prefix: '/api/v1/auth' });
  await app.register(async (scope) => divisionRoutes(scope, platform.divisions), {
    prefix: '/api/v1/divisions',
  });
  await app.register(
    async (scope) => auditRoutes(scope, platform.audit, platform.can, platform.auth.usernamesOf),
    {
      prefix: '/api/v1/audit',
    },
  );
  for (const module of modules) {
    if (module.routes)
      await app.register(async (scope) => module.routes!(scope, platform), {
        prefix: `/api/v1/${module.name}`,
      });
  }

  installNotFound(app, await installStaticWeb(app, options.webRoot));
  return app;
}
