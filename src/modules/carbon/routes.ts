import { Type } from '@sinclair/typebox';
import { authorize, requireActor } from '../../http/authentication';
import { errorResponses } from '../../http/schemas';
import { AppError } from '../../kernel/errors';
import { maskResidentId } from '../../kernel/identity';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { ACCOUNT_NUMBER_PATTERN, DOMAINS, SUBJECT_TYPES } from './accounts';
import { behaviourRoutes } from './behaviour-routes';
import { calculationRoutes } from './calculation-routes';
import { closeRoutes } from './close-routes';
import { farmRoutes } from './farm-routes';
import { greenFinanceRoutes } from './green-finance-routes';
import { industrialOverviewRoutes } from './industrial-overview-routes';
import { industrialRoutes } from './industrial-routes';
import { rewardRoutes } from './reward-routes';
import { subjectOf } from './subject-of';

const AccountSchema = Type.Object(
  {
    accountNo: Type.String(),
    subjectType: Type.Union(SUBJECT_TYPES.map((t) => Type.Literal(t))),
    subjectId: Type.String({ description: 'Resident IDs are masked unless the reader owns the account' }),
    domain: Type.Union(DOMAINS.map((d) => Type.Literal(d))),
    countyCode: Type.Union([Type.String(), Type.Null()]),
    openedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'CarbonAccount', title: 'CarbonAccount' },
);

/** /api/v1/carbon: carbon accounts. */
export async function carbonRoutes(app: SanquApp, platform: Platform) {
  await calculationRoutes(app, platform);
  await behaviourRoutes(app, platform);
  await rewardRoutes(app, platform);
  await farmRoutes(app, platform);
  await closeRoutes(app, platform);
  await industrialRoutes(app, platform);
  await industrialOverviewRoutes(app, platform);
  await greenFinanceRoutes(app, platform);
  app.addSchema(AccountSchema);
  const ref = Type.Ref('CarbonAccount');

  app.get(
    '/accounts/me',
    {
      schema: {
        tags: ['carbon'],
        summary: 'The carbon accounts of the logged-in resident or enterprise',
        response: { 200: Type.Object({ items: Type.Array(ref) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const subject = subjectOf(actor);
      if (!subject) throw new AppError(403, 'NO_CARBON_SUBJECT', 'forbidden');
      return { items: await platform.carbon.accounts.accountsOf(subject.type, subject.id) };
    },
  );

  app.get(
    '/accounts/:accountNo',
    {
      schema: {
        tags: ['carbon'],
        summary: 'One carbon account (its owner, officers of its county, auditors)',
        params: Type.Object({ accountNo: Type.String({ pattern: ACCOUNT_NUMBER_PATTERN }) }),
        response: { 200: ref, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      requireActor(request);
      const account = await platform.carbon.accounts.get(request.params.accountNo);
      const actor = authorize(request, platform.can, 'carbon.account.read', {
        type: 'carbon_account',
        divisionCode: account?.countyCode ?? null,
        ownerId: account?.subjectId ?? null,
      });
      if (!account)
        throw new AppError(404, 'NOT_FOUND', 'notFound', {
          resource: 'carbon account',
          id: request.params.accountNo,
        });
      const own = actor.subjectId?.toUpperCase() === account.subjectId;
      const masked = account.subjectType === 'resident' && !own;
      return { ...account, subjectId: masked ? maskResidentId(account.subjectId) : account.subjectId };
    },
  );
}
