import { Type } from '@sinclair/typebox';
import { authorize, requireActor } from '../../http/authentication';
import { errorResponses, StringEnum } from '../../http/schemas';
import { loadHolidayCalendar } from '../../kernel/calendar';
import { notFound } from '../../kernel/errors';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { DecisionBody, DisputeSchema } from './credit-schemas';
import type { Decision } from './dispute-rules';
import { presentDispute, presentRecord } from './presenters';

/** /api/v1/credit/disputes: the source department's queue of disputes and repair requests, and its decisions. */
export async function disputeRoutes(app: SanquApp, platform: Platform) {
  const { credit } = platform;
  app.addSchema(DisputeSchema);
  const tags = ['credit'];

  app.get(
    '/disputes',
    {
      schema: {
        tags,
        summary:
          'Queue of my department’s disputes and repair requests in my jurisdiction, nearest deadline first',
        querystring: Type.Object({ status: Type.Optional(StringEnum(['open', 'decided'] as const)) }),
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('CreditDispute')) }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(request, platform.can, 'credit.dispute.decide', {
        type: 'credit_dispute',
        divisionCode: actor.divisionCode,
      });
      const calendar = loadHolidayCalendar();
      const now = new Date();
      const items = await credit.disputes.queue(actor, {
        status: request.query.status as 'open' | 'decided' | undefined,
      });
      const types = await credit.records.typesOf(items.map((d) => d.recordId));
      return {
        items: items.map((d) => presentDispute(d, true, calendar, now, types.get(d.recordId) ?? null)),
      };
    },
  );

  app.get(
    '/disputes/:id',
    {
      schema: {
        tags,
        summary: 'One case with the disputed record (the read is logged for the resident with the case id)',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: {
          200: Type.Object({ dispute: Type.Ref('CreditDispute'), record: Type.Ref('CreditRecord') }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const dispute = await credit.disputes.get(request.params.id);
      if (!dispute) throw notFound('credit dispute', request.params.id);
      authorize(request, platform.can, 'credit.dispute.decide', {
        type: 'credit_dispute',
        divisionCode: dispute.divisionCode,
      });
      if (actor.department !== dispute.department) throw notFound('credit dispute', request.params.id);
      const record = await credit.access.recordForCase(
        actor,
        dispute.residentId,
        dispute.id,
        () => credit.records.get(dispute.recordId),
        request.id,
      );
      return {
        dispute: presentDispute(dispute, true, loadHolidayCalendar(), new Date()),
        record: presentRecord(record!, true),
      };
    },
  );

  app.post(
    '/disputes/:id/decision',
    {
      schema: {
        tags,
        summary:
          'Decide a case: uphold, correct or withdraw the record (dispute); grant (repaired) or refuse (upheld) a repair',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: DecisionBody,
        response: {
          200: Type.Object({
            dispute: Type.Ref('CreditDispute'),
            score: Type.Union([Type.Integer(), Type.Null()], {
              description: 'Null for a minor (not scored)',
            }),
            previousScore: Type.Union([Type.Integer(), Type.Null()]),
          }),
          ...errorResponses(401, 403, 404, 409, 422),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(request, platform.can, 'credit.dispute.decide', {
        type: 'credit_dispute',
        divisionCode: actor.divisionCode,
      });
      const result = await credit.disputes.decide(
        actor,
        request.params.id,
        { ...request.body, decision: request.body.decision as Decision },
        request.id,
      );
      return { ...result, dispute: presentDispute(result.dispute, true, loadHolidayCalendar(), new Date()) };
    },
  );
}
