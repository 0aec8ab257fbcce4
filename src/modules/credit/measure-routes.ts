import { Type } from '@sinclair/typebox';
import { authorize, requireActor } from '../../http/authentication';
import { errorResponses, Strict } from '../../http/schemas';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { presentMeasure } from './presenters';

const ResidentBody = {
  residentId: Type.String({ minLength: 18, maxLength: 18, description: '公民身份号码' }),
};

/** /api/v1/credit/measures: the incentive catalogue, and providers' eligibility questions and use reports. */
export async function measureRoutes(app: SanquApp, platform: Platform) {
  const { credit } = platform;
  const tags = ['credit'];
  const params = Type.Object({ id: Type.String({ maxLength: 64 }) });

  app.get(
    '/measures',
    {
      schema: {
        tags,
        summary: '守信联合激励 measures: provider, benefit, tier required',
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('CreditMeasure')) }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => {
      requireActor(request);
      return { items: (await credit.measures.list()).map(presentMeasure) };
    },
  );

  app.post(
    '/measures/:id/eligibility',
    {
      schema: {
        tags,
        summary:
          'A provider asks: does this resident qualify for my measure? Yes/no (and the tier where the benefit depends on it); needs the resident’s consent; logged for the resident',
        params,
        body: Type.Object(ResidentBody, Strict),
        response: {
          200: Type.Object({
            measureId: Type.String(),
            eligible: Type.Boolean(),
            tier: Type.Optional(Type.String()),
            checkedAt: Type.String(),
          }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(request, platform.can, 'credit.eligibility.check', { type: 'credit_measure' });
      return credit.measures.check(actor, request.params.id, request.body.residentId, request.id);
    },
  );

  app.post(
    '/measures/:id/uses',
    {
      schema: {
        tags,
        summary:
          'A provider records that a resident used its measure; the same useKey again returns the first record',
        params,
        body: Type.Object(
          {
            ...ResidentBody,
            useKey: Type.String({
              pattern: '^[A-Za-z0-9._:-]{1,64}$',
              description: 'The provider’s id for this use: retries are safe',
            }),
          },
          Strict,
        ),
        response: {
          200: Type.Object({
            id: Type.String(),
            measureId: Type.String(),
            usedAt: Type.String(),
            repeated: Type.Boolean(),
          }),
          201: Type.Object({
            id: Type.String(),
            measureId: Type.String(),
            usedAt: Type.String(),
            repeated: Type.Boolean(),
          }),
          ...errorResponses(401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(request, platform.can, 'credit.eligibility.check', { type: 'credit_measure' });
      const use = await credit.measures.recordUse(actor, request.params.id, request.body, request.id);
      return reply.status(use.repeated ? 200 : 201).send(use);
    },
  );
}
