import { Type } from '@sinclair/typebox';
import { authorize, requireActor } from '../../http/authentication';
import { errorResponses, Strict } from '../../http/schemas';
import { AppError } from '../../kernel/errors';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { ACCOUNT_NUMBER_PATTERN } from './accounts';
import { HISTORY_LIMIT } from './behaviour-history';

const Name = Type.Object({ zh: Type.String(), en: Type.String() });

const HistoryPage = Type.Object({
  items: Type.Array(
    Type.Object({
      eventId: Type.String(),
      behaviour: Type.String(),
      name: Name,
      amount: Type.Number(),
      unit: Type.String(),
      grams: Type.Integer({ description: 'Grams CO2e reduced' }),
      points: Type.Integer(),
      capped: Type.Boolean({ description: 'The daily cap cut what this event earned' }),
      reversed: Type.Boolean(),
      pending: Type.Boolean({ description: 'Points accepted, not yet in the wallet (about a second)' }),
      occurredAt: Type.String({ format: 'date-time' }),
      day: Type.String({ description: 'Asia/Shanghai day the event counts on' }),
    }),
  ),
  next: Type.Union([Type.String(), Type.Null()], { description: 'Cursor of the next page; null at the end' }),
});

const Totals = Type.Object({
  events: Type.Integer(),
  grams: Type.Integer(),
  points: Type.Integer(),
  byBehaviour: Type.Array(
    Type.Object({
      behaviour: Type.String(),
      name: Name,
      events: Type.Integer(),
      grams: Type.Integer(),
      points: Type.Integer(),
    }),
  ),
});

const PageQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 1024 })),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: HISTORY_LIMIT.max, default: HISTORY_LIMIT.default }),
    ),
  },
  Strict,
);

/** /api/v1/carbon: a resident's behaviour history (我的绿色行为) and totals. */
export async function behaviourHistoryRoutes(app: SanquApp, platform: Platform) {
  const residentOf = (request: Parameters<typeof requireActor>[0]) => {
    const actor = requireActor(request);
    if (actor.role !== 'resident' || !actor.subjectId)
      throw new AppError(403, 'NO_CARBON_SUBJECT', 'forbidden');
    return actor.subjectId;
  };

  app.get(
    '/behaviours/me',
    {
      schema: {
        tags: ['carbon'],
        summary: 'The logged-in resident’s behaviour events, newest first (keyset pages)',
        querystring: PageQuery,
        response: { 200: HistoryPage, ...errorResponses(401, 403, 422) },
      },
    },
    async (request) => platform.carbon.behaviourHistory.page(residentOf(request), request.query),
  );

  app.get(
    '/behaviours/me/summary',
    {
      schema: {
        tags: ['carbon'],
        summary: 'The logged-in resident’s reductions and points: this month and all time, by behaviour',
        response: {
          200: Type.Object({ month: Type.String(), thisMonth: Totals, allTime: Totals }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => platform.carbon.behaviourHistory.summary(residentOf(request)),
  );

  app.get(
    '/accounts/:accountNo/behaviours',
    {
      schema: {
        tags: ['carbon'],
        summary:
          'A resident account’s behaviour events (its owner, ecology officers of its county or the city, auditors)',
        params: Type.Object({ accountNo: Type.String({ pattern: ACCOUNT_NUMBER_PATTERN }) }),
        querystring: PageQuery,
        response: { 200: HistoryPage, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      requireActor(request);
      const account = await platform.carbon.accounts.get(request.params.accountNo);
      authorize(request, platform.can, 'carbon.behaviour.read', {
        type: 'carbon_account',
        divisionCode: account?.countyCode ?? null,
        ownerId: account?.subjectId ?? null,
      });
      if (account?.subjectType !== 'resident')
        throw new AppError(404, 'NOT_FOUND', 'notFound', {
          resource: 'resident carbon account',
          id: request.params.accountNo,
        });
      return platform.carbon.behaviourHistory.page(account.subjectId, request.query);
    },
  );
}
