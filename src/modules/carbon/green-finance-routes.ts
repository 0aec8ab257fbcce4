import { Type } from '@sinclair/typebox';
import { authorize, requireActor } from '../../http/authentication';
import { errorResponses, Strict } from '../../http/schemas';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { renderCreditReportHtml } from './green-finance-print';
import { LOAN_ASSESSMENT } from './green-finance-report';
import { AccessRecordSchema, BankSchema, ConsentSchema, CreditReportSchema } from './green-finance-schemas';
import { createGreenFinanceService } from './green-finance-service';

const UsccParam = Type.Object({
  uscc: Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$', description: '统一社会信用代码' }),
});

/** /api/v1/carbon: green finance — bank consents, the carbon credit report (碳征信报告) and who read it. */
export async function greenFinanceRoutes(app: SanquApp, platform: Platform) {
  const greenFinance = createGreenFinanceService({
    exchange: platform.exchange,
    registry: platform.registry,
    monthly: platform.carbon.industrial,
  });
  app.addSchema(BankSchema);
  app.addSchema(ConsentSchema);
  app.addSchema(AccessRecordSchema);
  app.addSchema(CreditReportSchema);
  const consentRef = Type.Ref('CarbonConsent');
  const ownResource = (subjectId: string | null) => ({ type: 'carbon_consent', ownerId: subjectId });

  app.get(
    '/banks',
    {
      schema: {
        tags: ['carbon'],
        summary: 'Partner banks an enterprise can authorise (demo list, data/carbon/banks.json)',
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('PartnerBank')) }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => {
      requireActor(request);
      return { items: greenFinance.banks() };
    },
  );

  app.post(
    '/consents',
    {
      schema: {
        tags: ['carbon'],
        summary: 'Authorise a bank to read the enterprise’s carbon credit report for a loan assessment',
        body: Type.Object(
          {
            bank: Type.String({
              minLength: 18,
              maxLength: 18,
              description: 'The bank’s USCC, from GET /banks',
            }),
            purpose: Type.Literal(LOAN_ASSESSMENT),
            expiresAt: Type.String({
              maxLength: 40,
              description:
                'YYYY-MM-DD (through that day, China time) or a date-time with offset; at most a year ahead',
            }),
          },
          Strict,
        ),
        response: { 201: consentRef, ...errorResponses(401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(request, platform.can, 'carbon.consent.manage', ownResource(actor.subjectId));
      const consent = await greenFinance.grantConsent(actor, request.body, request.id);
      return reply.status(201).send(consent);
    },
  );

  app.delete(
    '/consents/:id',
    {
      schema: {
        tags: ['carbon'],
        summary: 'Revoke a consent at once (the enterprise’s agent)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: consentRef, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(request, platform.can, 'carbon.consent.manage', ownResource(actor.subjectId));
      return greenFinance.revokeConsent(actor, request.params.id, request.id);
    },
  );

  app.get(
    '/consents/me',
    {
      schema: {
        tags: ['carbon'],
        summary: 'The enterprise’s credit-report consents, newest first, with their status',
        response: { 200: Type.Object({ items: Type.Array(consentRef) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(request, platform.can, 'carbon.consent.manage', ownResource(actor.subjectId));
      return { items: await greenFinance.consentsOf(actor) };
    },
  );

  const reportResource = (uscc: string) => ({ type: 'carbon_credit_report', ownerId: uscc.toUpperCase() });

  app.get(
    '/credit-reports/:uscc',
    {
      schema: {
        tags: ['carbon'],
        summary:
          'Carbon credit report (碳征信报告): banks with the enterprise’s consent; the enterprise itself',
        params: UsccParam,
        response: { 200: Type.Ref('CarbonCreditReport'), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const actor = authorize(
        request,
        platform.can,
        'carbon.credit_report.read',
        reportResource(request.params.uscc),
      );
      const report = await greenFinance.creditReport(actor, request.params.uscc, request.id);
      return reply.header('cache-control', 'no-store').send(report);
    },
  );

  app.get(
    '/credit-reports/:uscc/print',
    {
      schema: {
        tags: ['carbon'],
        summary:
          'The credit report as a printable A4 HTML page in Chinese (same rules, logged like any read)',
        params: UsccParam,
        response: {
          200: {
            description: 'A printable A4 page',
            content: { 'text/html': { schema: Type.String() } },
          },
          ...errorResponses(401, 403, 404, 422),
        },
      },
    },
    async (request, reply) => {
      const actor = authorize(
        request,
        platform.can,
        'carbon.credit_report.read',
        reportResource(request.params.uscc),
      );
      const report = await greenFinance.creditReport(actor, request.params.uscc, request.id);
      const reader = greenFinance.readerName(actor);
      return reply
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(renderCreditReportHtml(report, { organisation: reader, requestId: request.id }));
    },
  );

  app.get(
    '/data-access/me',
    {
      schema: {
        tags: ['carbon'],
        summary: 'Who read my carbon data (数据使用记录): every read through the exchange, newest first',
        querystring: Type.Object({
          limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          before: Type.Optional(Type.Integer({ minimum: 1, description: 'The `next` of the previous page' })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('DataAccessRecord')),
            next: Type.Union([Type.Integer(), Type.Null()]),
          }),
          ...errorResponses(401, 403, 422),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(request, platform.can, 'carbon.data_access.read', {
        type: 'data_access',
        ownerId: actor.subjectId,
      });
      return greenFinance.accessLogOf(actor, request.query);
    },
  );
}
