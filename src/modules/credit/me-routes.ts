import { Type } from '@sinclair/typebox';
import { authorize, requireActor } from '../../http/authentication';
import { errorResponses, Strict } from '../../http/schemas';
import type { Actor } from '../../kernel/auth';
import { loadHolidayCalendar } from '../../kernel/calendar';
import { AppError } from '../../kernel/errors';
import { type Consent, consentStatus, parseExpiry } from '../../kernel/exchange';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { DisputeBody, HistoryPointSchema, MeasureSchema, ScoreSchema } from './credit-schemas';
import type { DisputeKind } from './dispute-rules';
import { presentDispute, presentMeasure, presentRecord, presentScore } from './presenters';

const ConsentSchema = Type.Object({
  id: Type.String(),
  providerId: Type.String(),
  purpose: Type.String(),
  grantedAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
});

/** A consent to a provider as the resident sees it; its status derives from the dates (kernel exchange). */
const consentView = (c: Consent, now: Date) => ({
  id: c.id,
  providerId: c.grantee.id,
  purpose: c.purpose,
  grantedAt: c.grantedAt,
  expiresAt: c.expiresAt,
  revokedAt: c.revokedAt,
  status: consentStatus(c, now),
});

/** /api/v1/credit/me: the resident’s own score, records, disputes, perks, consents and who read their data. */
export async function meRoutes(app: SanquApp, platform: Platform) {
  const { credit } = platform;
  app.addSchema(ScoreSchema);
  app.addSchema(MeasureSchema);
  const own = (
    request: Parameters<typeof requireActor>[0],
    action: string,
  ): Actor & { subjectId: string } => {
    const actor = requireActor(request);
    authorize(request, platform.can, action, { type: 'credit', ownerId: actor.subjectId });
    if (!actor.subjectId) throw new AppError(403, 'FORBIDDEN', 'forbidden');
    return actor as Actor & { subjectId: string };
  };
  const tags = ['credit'];

  app.get(
    '/me/score',
    {
      schema: {
        tags,
        summary:
          '我的信安分: score, tier, each dimension’s part, the records that moved it most and what would raise it',
        response: { 200: Type.Ref('CreditScore'), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const actor = own(request, 'credit.score.read');
      const { view, model, explanation } = await credit.scores.explain(actor.subjectId);
      return presentScore(view, model, explanation);
    },
  );

  app.get(
    '/me/history',
    {
      schema: {
        tags,
        summary: 'Score history (each change)',
        response: {
          200: Type.Object({ items: Type.Array(HistoryPointSchema) }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const actor = own(request, 'credit.score.read');
      return { items: await credit.scores.history(actor.subjectId) };
    },
  );

  app.get(
    '/me/records',
    {
      schema: {
        tags,
        summary: 'My credit records, newest fact first',
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('CreditRecord')) }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const actor = own(request, 'credit.record.read');
      return {
        items: (await credit.records.ofResident(actor.subjectId)).map((r) => presentRecord(r, false)),
      };
    },
  );

  app.get(
    '/me/disputes',
    {
      schema: {
        tags,
        summary: 'My disputes and repair requests',
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('CreditDispute')) }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const actor = own(request, 'credit.dispute.open');
      const calendar = loadHolidayCalendar();
      const disputes = await credit.disputes.ofResident(actor.subjectId);
      const types = await credit.records.typesOf(disputes.map((d) => d.recordId));
      return {
        items: disputes.map((d) =>
          presentDispute(d, false, calendar, new Date(), types.get(d.recordId) ?? null),
        ),
      };
    },
  );

  app.post(
    '/me/disputes',
    {
      schema: {
        tags,
        summary: 'Dispute one of my records (异议) or ask for its repair (信用修复)',
        body: DisputeBody,
        response: { 201: Type.Ref('CreditDispute'), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = own(request, 'credit.dispute.open');
      const dispute = await credit.disputes.open(
        actor,
        { ...request.body, kind: request.body.kind as DisputeKind },
        request.id,
      );
      return reply.status(201).send(presentDispute(dispute, false, loadHolidayCalendar(), new Date()));
    },
  );

  app.get(
    '/me/measures',
    {
      schema: {
        tags,
        summary: 'Incentive measures (守信联合激励) and whether I qualify now',
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('CreditMeasure')),
            uses: Type.Array(
              Type.Object({
                id: Type.String(),
                measureId: Type.String(),
                providerId: Type.String(),
                usedAt: Type.String(),
              }),
            ),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const actor = own(request, 'credit.score.read');
      const [measures, uses] = await Promise.all([
        credit.measures.forResident(actor.subjectId),
        credit.measures.usesOf(actor.subjectId),
      ]);
      return { items: measures.map(presentMeasure), uses };
    },
  );

  app.get(
    '/me/consents',
    {
      schema: {
        tags,
        summary: 'Providers I allowed to ask whether I qualify for their measures',
        response: { 200: Type.Object({ items: Type.Array(ConsentSchema) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const actor = own(request, 'credit.consent.manage');
      const now = new Date();
      return {
        items: (await credit.access.consentsOf(actor.subjectId)).map((c) => consentView(c, now)),
      };
    },
  );

  app.post(
    '/me/consents',
    {
      schema: {
        tags,
        summary: 'Allow a provider to ask whether I qualify for its measures (yes/no only; at most a year)',
        body: Type.Object(
          {
            providerId: Type.String({ minLength: 18, maxLength: 18 }),
            expiresAt: Type.String({
              maxLength: 40,
              description: 'YYYY-MM-DD (through that day, China time) or a date-time with offset',
            }),
          },
          Strict,
        ),
        response: { 201: ConsentSchema, ...errorResponses(401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = own(request, 'credit.consent.manage');
      const expiresAt = parseExpiry(request.body.expiresAt);
      if (!expiresAt)
        throw new AppError(422, 'INVALID_CONSENT_EXPIRY', 'invalidValue', {
          reason: `expiresAt ${request.body.expiresAt} is not a date (YYYY-MM-DD)`,
        });
      const consent = await credit.access.grantEligibility(
        actor,
        request.body.providerId.toUpperCase(),
        expiresAt,
        await credit.measures.list(),
        request.id,
      );
      return reply.status(201).send(consentView(consent, new Date()));
    },
  );

  app.delete(
    '/me/consents/:id',
    {
      schema: {
        tags,
        summary: 'Withdraw a consent at once',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: ConsentSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = own(request, 'credit.consent.manage');
      const revoked = await credit.access.revokeEligibility(actor, request.params.id, request.id);
      return consentView(revoked, new Date());
    },
  );

  app.get(
    '/me/data-access',
    {
      schema: {
        tags,
        summary: '数据使用记录: who read my data, why and which fields (all datasets)',
        querystring: Type.Object({
          before: Type.Optional(Type.Integer({ minimum: 1 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Unknown()),
            next: Type.Union([Type.Integer(), Type.Null()]),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const actor = own(request, 'credit.score.read');
      return credit.access.accessLogOf(actor.subjectId, {
        limit: request.query.limit ?? 20,
        before: request.query.before,
      });
    },
  );

  app.get(
    '/me/notifications',
    {
      schema: {
        tags,
        summary: 'Messages: records added, disputes and repairs decided',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                kind: Type.String(),
                params: Type.Record(Type.String(), Type.Unknown()),
                createdAt: Type.String(),
                read: Type.Boolean(),
              }),
            ),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const actor = own(request, 'credit.score.read');
      return { items: await credit.notifications.of(actor.subjectId) };
    },
  );

  app.post(
    '/me/notifications::read',
    {
      schema: {
        tags,
        summary: 'Mark my messages read up to an id',
        body: Type.Object({ throughId: Type.Integer({ minimum: 1 }) }, Strict),
        response: { 200: Type.Object({ marked: Type.Integer() }), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const actor = own(request, 'credit.score.read');
      return { marked: await credit.notifications.markRead(actor.subjectId, request.body.throughId) };
    },
  );
}
