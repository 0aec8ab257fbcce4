import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isTransientConflict } from '../kernel/db';
import { AppError, type ErrorBody, type Language, languageFrom, translate } from '../kernel/errors';
import type { SanquApp } from '../kernel/module';
import { isClientRoute } from './static-web';
import { validationDetails } from './validation';

export const languageOf = (request: FastifyRequest): Language =>
  languageFrom(request.headers['accept-language']);

/** Seconds a client waits before retrying a request the database was too busy to take. */
const BUSY_RETRY_SECONDS = 5;

function body(code: string, message: string, details: ErrorBody['error']['details'] = []): ErrorBody {
  return { error: { code, message, details } };
}

/**
 * One place turns every failure into the shared error shape: domain errors keep their status, Fastify's
 * parsing and validation errors become 400/413/415/422, and only genuine faults are 500 (logged, not shown).
 */
export function installErrorHandling(app: SanquApp, bodyLimit: number) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const language = languageOf(request);
    if (error instanceof AppError)
      return reply.status(error.status).headers(error.headers).send(error.toBody(language));
    if (error.validation) {
      const details = validationDetails(
        error.validation as never,
        error.validationContext ?? 'body',
        language,
      );
      const unknownOnly = error.validation.every((e) => e.keyword === 'additionalProperties');
      return reply
        .status(422)
        .send(
          body(
            unknownOnly ? 'UNKNOWN_FIELD' : 'VALIDATION_FAILED',
            translate('validationFailed', language),
            details,
          ),
        );
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply
          .status(400)
          .send(body('MALFORMED_JSON', translate('malformedJson', language, { reason: error.message })));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply
          .status(413)
          .send(body('BODY_TOO_LARGE', translate('bodyTooLarge', language, { limit: bodyLimit })));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply
          .status(415)
          .send(
            body(
              'UNSUPPORTED_MEDIA_TYPE',
              translate('unsupportedMediaType', language, { type: String(request.headers['content-type']) }),
            ),
          );
    }
    if (error.statusCode === 429)
      return reply.status(429).send(body('TOO_MANY_REQUESTS', translate('tooManyRequests', language)));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send(
          body(error.code ?? 'BAD_REQUEST', translate('invalidValue', language, { reason: error.message })),
        );
    }
    if (isTransientConflict(error)) {
      // A monthly close or an import holds the write lock: retrying shortly succeeds, so this is no 500.
      request.log.warn({ err: error }, 'database busy');
      return reply
        .status(503)
        .header('Retry-After', String(BUSY_RETRY_SECONDS))
        .send(body('DATABASE_BUSY', translate('databaseBusy', language, { seconds: BUSY_RETRY_SECONDS })));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send(body('INTERNAL', translate('internal', language, { requestId: request.id })));
  });
}

/**
 * Unknown URLs: a page reload on a client-side route (/workbench) gets the web app's index.html when the app is
 * built; everything else, API calls above all, gets a 404 in the shared shape.
 */
export function installNotFound(app: SanquApp, webAvailable: boolean) {
  app.setNotFoundHandler((request, reply) => {
    if (webAvailable && isClientRoute(request.method, request.url, request.headers.accept)) {
      return reply.sendFile('index.html');
    }
    const url = request.url.split('?')[0] ?? '';
    return reply
      .status(404)
      .send(
        body('NOT_FOUND', translate('routeNotFound', languageOf(request), { method: request.method, url })),
      );
  });
}
