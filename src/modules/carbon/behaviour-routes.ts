import { Type } from '@sinclair/typebox';
import { authorize, requireActor } from '../../http/authentication';
import { languageOf } from '../../http/error-handler';
import { errorResponses, Strict } from '../../http/schemas';
import { AppError } from '../../kernel/errors';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { behaviourHistoryRoutes } from './behaviour-history-routes';

/** A batch of up to 10,000 events is a few MB of JSON: more than the platform's default body limit. */
const BATCH_BODY_LIMIT = 16 * 1024 * 1024;

// Plain types, not unions: fast-json-stringify serialises anyOf by trying each branch with a validator, which for
// 10,000 results per answer cost more than accepting the events (measured; see bench/README.md).
const ResultSchema = Type.Object({
  index: Type.Integer({ description: 'Position of the event in the batch (0-based)' }),
  eventId: Type.Unsafe<string | null>({ type: ['string', 'null'] }),
  status: Type.Unsafe<'accepted' | 'duplicate' | 'rejected'>({
    type: 'string',
    enum: ['accepted', 'duplicate', 'rejected'],
  }),
  points: Type.Optional(Type.Integer()),
  grams: Type.Optional(Type.Integer()),
  capped: Type.Optional(Type.Boolean({ description: 'The daily cap cut what this event could earn' })),
  reason: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
});

/** /api/v1/carbon: personal green-behaviour ingestion and points. */
export async function behaviourRoutes(app: SanquApp, platform: Platform) {
  // The server credits accepted points in the background; on shutdown it credits what is still pending.
  platform.carbon.behaviours.startCrediting({
    onError: (error) => app.log.error({ err: error }, 'carbon points crediting failed; retrying'),
  });
  app.addHook('onClose', () => platform.carbon.behaviours.stopCrediting().then(() => undefined));
  await behaviourHistoryRoutes(app, platform);
  app.addContentTypeParser(
    'application/x-ndjson',
    { parseAs: 'string', bodyLimit: BATCH_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/behaviours::batch',
    {
      bodyLimit: BATCH_BODY_LIMIT,
      schema: {
        tags: ['carbon'],
        summary: 'Ingest up to 10,000 behaviour events (JSON array or NDJSON); a result per event',
        description:
          'Each event: { eventId, subjectId (resident ID), behaviour (catalogue code), amount, occurredAt (ISO-8601 with offset) }. ' +
          'A repeated eventId from the same source is reported as duplicate and never counts twice.',
        body: Type.Union([Type.Array(Type.Unknown()), Type.String()]),
        response: {
          200: Type.Object({
            accepted: Type.Integer(),
            duplicates: Type.Integer(),
            rejected: Type.Integer(),
            points: Type.Integer({ description: 'Points this batch earned (daily caps applied)' }),
            pointsPending: Type.Boolean({
              description: 'The points reach the wallets in the crediting step, about a second later',
            }),
            results: Type.Array(ResultSchema),
          }),
          ...errorResponses(400, 401, 403, 413, 415, 422),
        },
      },
    },
    async (request) => {
      const actor = authorize(request, platform.can, 'carbon.behaviour.ingest', {
        type: 'carbon_behaviour',
        divisionCode: '330800',
      });
      return platform.carbon.behaviours.ingest(request.body, actor, languageOf(request), request.id);
    },
  );

  app.post(
    '/behaviours/:eventId/reversal',
    {
      schema: {
        tags: ['carbon'],
        summary: 'Reverse one behaviour event exactly (its points and its share of the daily cap)',
        description: 'Only the source that sent an event may reverse it.',
        params: Type.Object({ eventId: Type.String({ minLength: 1, maxLength: 128 }) }),
        querystring: Type.Object(
          { source: Type.Optional(Type.String({ pattern: '^user:[a-z0-9._-]{3,64}$' })) },
          Strict,
        ),
        response: {
          200: Type.Object({
            eventId: Type.String(),
            points: Type.Integer({ description: 'Points taken back' }),
            reversedAt: Type.String(),
            alreadyReversed: Type.Boolean(),
          }),
          ...errorResponses(401, 403, 404, 409, 422),
        },
      },
    },
    async (request) => {
      const actor = authorize(request, platform.can, 'carbon.behaviour.ingest', {
        type: 'carbon_behaviour',
        divisionCode: '330800',
      });
      return platform.carbon.reversals.reverse(
        `user:${actor.username}`,
        request.params.eventId,
        actor,
        request.id,
      );
    },
  );

  app.get(
    '/points/me',
    {
      schema: {
        tags: ['carbon'],
        summary: 'The logged-in resident’s carbon points balance',
        response: { 200: Type.Object({ balance: Type.Integer() }), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (actor.role !== 'resident' || !actor.subjectId)
        throw new AppError(403, 'NO_CARBON_SUBJECT', 'forbidden');
      return { balance: await platform.carbon.behaviours.pointsBalance(actor.subjectId) };
    },
  );
}
