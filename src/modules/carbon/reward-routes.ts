import { Type } from '@sinclair/typebox';
import { requireActor } from '../../http/authentication';
import { languageOf } from '../../http/error-handler';
import { errorResponses, Strict } from '../../http/schemas';
import type { Actor } from '../../kernel/auth';
import { AppError } from '../../kernel/errors';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';

const RedemptionSchema = Type.Object({
  id: Type.String(),
  rewardCode: Type.String(),
  quantity: Type.Integer(),
  points: Type.Integer(),
  createdAt: Type.String(),
  replayed: Type.Boolean({
    description: 'This answer repeats an earlier redemption with the same Idempotency-Key',
  }),
});

function residentOf(actor: Actor): string {
  if (actor.role !== 'resident' || !actor.subjectId)
    throw new AppError(403, 'NO_CARBON_SUBJECT', 'forbidden');
  return actor.subjectId;
}

/** /api/v1/carbon: rewards bought with carbon points (积分兑换). */
export async function rewardRoutes(app: SanquApp, platform: Platform) {
  app.get(
    '/rewards',
    {
      schema: {
        tags: ['carbon'],
        summary: 'The rewards catalogue with what is left in stock',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                code: Type.String(),
                nameZh: Type.String(),
                nameEn: Type.String(),
                points: Type.Integer(),
                stockLeft: Type.Integer(),
                partner: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ items: await platform.carbon.rewards.catalogue() }),
  );

  app.post(
    '/rewards/:code/redemptions',
    {
      schema: {
        tags: ['carbon'],
        summary: 'Redeem carbon points for a reward (residents; send an Idempotency-Key header)',
        params: Type.Object({ code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,47}$' }) }),
        headers: Type.Object({ 'idempotency-key': Type.String({ minLength: 8, maxLength: 100 }) }),
        body: Type.Object({ quantity: Type.Integer({ minimum: 1, maximum: 10 }) }, Strict),
        response: {
          201: RedemptionSchema,
          200: RedemptionSchema,
          ...errorResponses(401, 403, 404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const redemption = await platform.carbon.rewards.redeem(
        {
          residentId: residentOf(actor),
          rewardCode: request.params.code,
          quantity: request.body.quantity,
          idempotencyKey: request.headers['idempotency-key'],
        },
        actor,
        languageOf(request),
        request.id,
      );
      return reply.status(redemption.replayed ? 200 : 201).send(redemption);
    },
  );

  app.get(
    '/redemptions/me',
    {
      schema: {
        tags: ['carbon'],
        summary: 'The logged-in resident’s redemptions, newest first',
        response: { 200: Type.Object({ items: Type.Array(RedemptionSchema) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => ({
      items: await platform.carbon.rewards.redemptionsOf(residentOf(requireActor(request))),
    }),
  );
}
