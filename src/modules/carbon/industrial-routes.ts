import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { authorize, requireActor } from '../../http/authentication';
import { languageOf } from '../../http/error-handler';
import { errorResponses, Strict } from '../../http/schemas';
import { acceptFileUploads, readUploadedFile } from '../../http/upload-file';
import { notFound } from '../../kernel/errors';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { UPLOAD_LIMITS } from './activity-upload';
import { MAX_VALUE_ADDED } from './calculator';
import {
  ActivityEntrySchema,
  EnterpriseLabelSchema,
  EnterpriseMonthSchema,
  EnterpriseYearSchema,
  MonthActivitySchema,
  RecordedMonthSchema,
  UploadReportSchema,
} from './industrial-schemas';
import { PERIOD_PATTERN } from './periods';

const UsccParams = Type.Object({ uscc: Type.String({ pattern: '^[0-9A-Za-z]{18}$' }) });

/**
 * /api/v1/carbon/enterprises: industrial accounts (工业企业碳账户) — activity entry and upload, confirmation of
 * flagged figures, months, years and labels. Thin: authorise on the enterprise's county or USCC, one service call.
 */
export async function industrialRoutes(app: SanquApp, platform: Platform) {
  app.addSchema(EnterpriseMonthSchema);
  app.addSchema(ActivityEntrySchema);
  const industrial = () => platform.carbon.industrial;

  /** The enterprise named in the path (404 if unknown), once the actor may `action` on it (401/403). */
  async function enterpriseFor(request: FastifyRequest, uscc: string, action: string) {
    requireActor(request);
    const enterprise = await industrial().enterpriseOf(uscc);
    if (!enterprise) throw notFound('enterprise', uscc.toUpperCase());
    const actor = authorize(request, platform.can, action, {
      type: 'carbon_enterprise',
      divisionCode: enterprise.countyCode,
      ownerId: enterprise.uscc,
    });
    return { actor, enterprise };
  }

  app.post(
    '/enterprises/:uscc/activity',
    {
      schema: {
        tags: ['carbon'],
        summary:
          'Enter one month of activity data (re-entry replaces a kind’s figure); implausible figures are flagged',
        params: UsccParams,
        body: Type.Object(
          {
            period: Type.String({ description: 'YYYY-MM' }),
            activities: Type.Array(
              Type.Object(
                {
                  kind: Type.String({ minLength: 1, maxLength: 40 }),
                  amount: Type.Number(),
                  unit: Type.String({ minLength: 1, maxLength: 20 }),
                },
                Strict,
              ),
              { maxItems: 20 },
            ),
            // Bounded so the fen amount stays an exact integer inside bigint (the service checks it too).
            valueAdded: Type.Optional(Type.Number({ description: '万元', maximum: MAX_VALUE_ADDED })),
          },
          Strict,
        ),
        response: { 200: RecordedMonthSchema, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
      },
    },
    async (request) => {
      const { actor, enterprise } = await enterpriseFor(
        request,
        request.params.uscc,
        'carbon.activity.write',
      );
      return industrial().recordActivity(
        actor,
        { uscc: enterprise.uscc, ...request.body },
        { language: languageOf(request) },
      );
    },
  );

  app.get(
    '/enterprises/:uscc/activity',
    {
      schema: {
        tags: ['carbon'],
        summary: 'The activity rows entered for a month, flagged ones included',
        params: UsccParams,
        querystring: Type.Object({ period: Type.String({ pattern: PERIOD_PATTERN }) }, Strict),
        response: { 200: MonthActivitySchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { enterprise } = await enterpriseFor(request, request.params.uscc, 'carbon.activity.read');
      return industrial().listActivity(enterprise.uscc, request.query.period);
    },
  );

  app.post(
    '/enterprises/:uscc/activity/:period/:kind/confirmation',
    {
      schema: {
        tags: ['carbon'],
        summary: 'Confirm a figure flagged as implausible (economy or ecology officers of the county)',
        params: Type.Object({
          uscc: UsccParams.properties.uscc,
          period: Type.String({ pattern: PERIOD_PATTERN }),
          kind: Type.String({ pattern: '^[a-z_]{1,40}$' }),
        }),
        response: { 200: Type.Ref('ActivityEntry'), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { actor, enterprise } = await enterpriseFor(
        request,
        request.params.uscc,
        'carbon.activity.confirm',
      );
      const { period, kind } = request.params;
      return industrial().confirmActivity(actor, enterprise.uscc, period, kind);
    },
  );

  app.get(
    '/enterprises/:uscc/months',
    {
      schema: {
        tags: ['carbon'],
        summary:
          'Monthly results: closed months with grade and label, provisional months from the data so far',
        params: UsccParams,
        querystring: Type.Object(
          { from: Type.String({ pattern: PERIOD_PATTERN }), to: Type.String({ pattern: PERIOD_PATTERN }) },
          Strict,
        ),
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('EnterpriseMonth')) }),
          ...errorResponses(401, 403, 404, 422),
        },
      },
    },
    async (request) => {
      const { enterprise } = await enterpriseFor(request, request.params.uscc, 'carbon.activity.read');
      return {
        items: await industrial().monthlyResults(enterprise.uscc, request.query.from, request.query.to),
      };
    },
  );

  app.get(
    '/enterprises/:uscc/years/:year',
    {
      schema: {
        tags: ['carbon'],
        summary: 'A calendar year: totals, intensity, the class average, K and grade',
        params: Type.Object({
          uscc: UsccParams.properties.uscc,
          year: Type.Integer({ minimum: 2020, maximum: 2100 }),
        }),
        response: { 200: EnterpriseYearSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { enterprise } = await enterpriseFor(request, request.params.uscc, 'carbon.activity.read');
      return industrial().annualResult(enterprise.uscc, request.params.year);
    },
  );

  app.get(
    '/enterprises/:uscc/label',
    {
      schema: {
        tags: ['carbon'],
        summary: 'The four-colour label of a closed month and each dimension’s part in it',
        params: UsccParams,
        querystring: Type.Object({ period: Type.String({ pattern: PERIOD_PATTERN }) }, Strict),
        response: { 200: EnterpriseLabelSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { enterprise } = await enterpriseFor(request, request.params.uscc, 'carbon.activity.read');
      return industrial().labelOf(enterprise.uscc, request.query.period);
    },
  );

  // Multipart only here: the rest of the API stays JSON-only.
  await app.register(async (scoped: SanquApp) => {
    await acceptFileUploads(scoped, UPLOAD_LIMITS.maxBytes);
    scoped.post(
      '/enterprises/activity::upload',
      {
        schema: {
          tags: ['carbon'],
          summary:
            'Upload activity data as CSV (UTF-8) or XLSX in the multipart field "file"; per-row report',
          consumes: ['multipart/form-data'],
          querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean({ default: false })) }, Strict),
          response: { 200: UploadReportSchema, ...errorResponses(400, 401, 403, 413, 415, 422) },
        },
      },
      async (request) => {
        const actor = authorize(request, platform.can, 'carbon.activity.upload', {
          type: 'carbon_enterprise',
        });
        const file = await readUploadedFile(request, UPLOAD_LIMITS.maxBytes);
        return industrial().uploadActivity(actor, file, {
          dryRun: request.query.dryRun ?? false,
          allows: (enterprise) =>
            platform.can(actor, 'carbon.activity.write', {
              type: 'carbon_enterprise',
              divisionCode: enterprise.countyCode,
              ownerId: enterprise.uscc,
            }),
        });
      },
    );
  });
}
