import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { authorize, requireActor } from '../../http/authentication';
import { errorResponses, Strict, StringEnum } from '../../http/schemas';
import { buildWorkbook, sendWorkbook } from '../../http/spreadsheet';
import { maskResidentId } from '../../kernel/identity';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { OFFICER_PURPOSES, type OfficerPurpose } from './access-service';
import { residentForOfficer } from './officer-read';
import { DIMENSIONS } from './record-types';
import { DECAYS, MODEL_VERSION_PATTERN, type ScoreModel } from './score-model';
import type { DistributionRow } from './score-service';

const CITY = '330800';

const DistributionSchema = Type.Object({
  divisionCode: Type.String(),
  modelVersion: Type.String(),
  tiers: Type.Array(
    Type.Object({ code: Type.String(), min: Type.Integer(), zh: Type.String(), en: Type.String() }),
  ),
  rows: Type.Array(
    Type.Object({
      countyCode: Type.String(),
      countyName: Type.String(),
      tier: Type.String(),
      residents: Type.Integer(),
      averageScore: Type.Number(),
    }),
  ),
});

/** /api/v1/credit: the credit office's model versions and statistics, and its logged read of one score. */
export async function adminRoutes(app: SanquApp, platform: Platform) {
  const { credit } = platform;
  const tags = ['credit'];
  const countyName = (code: string) => platform.divisions.get(code)?.name ?? code;

  app.get(
    '/models',
    {
      schema: {
        tags,
        summary: 'Score model versions (评分模型), newest first; which one is in force',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                version: Type.String(),
                active: Type.Boolean(),
                createdAt: Type.String(),
                createdBy: Type.Union([Type.String(), Type.Null()]),
                activatedAt: Type.Union([Type.String(), Type.Null()]),
                model: Type.Unknown(),
              }),
            ),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      requireActor(request);
      authorize(request, platform.can, 'credit.model.read', { type: 'credit_model', divisionCode: CITY });
      return { items: await credit.models.versions() };
    },
  );

  app.post(
    '/models',
    {
      schema: {
        tags,
        summary:
          'Add a model version (city credit office). It is not in force until `sanqu credit recompute --model <version>` rescores everyone under it',
        body: Type.Object(
          {
            version: Type.String({ pattern: MODEL_VERSION_PATTERN }),
            publishedOn: Type.String({ maxLength: 10 }),
            basis: Type.String({ maxLength: 200 }),
            base: Type.Number(),
            min: Type.Number(),
            max: Type.Number(),
            dimensions: Type.Array(
              Type.Object(
                {
                  code: StringEnum(DIMENSIONS),
                  zh: Type.String({ minLength: 1, maxLength: 40 }),
                  en: Type.String({ minLength: 1, maxLength: 80 }),
                  weight: Type.Number(),
                  cap: Type.Number(),
                  floor: Type.Number(),
                },
                Strict,
              ),
              { maxItems: 20 },
            ),
            types: Type.Record(
              Type.String({ pattern: '^[a-z][a-z_]*$' }),
              Type.Object({ pointsPerUnit: Type.Number(), decay: StringEnum(DECAYS) }, Strict),
            ),
            tiers: Type.Array(
              Type.Object(
                {
                  code: Type.String({ maxLength: 40 }),
                  min: Type.Integer(),
                  zh: Type.String({ minLength: 1, maxLength: 40 }),
                  en: Type.String({ minLength: 1, maxLength: 80 }),
                },
                Strict,
              ),
              { minItems: 1, maxItems: 20 },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ version: Type.String(), active: Type.Boolean() }),
          ...errorResponses(401, 403, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(request, platform.can, 'credit.model.manage', { type: 'credit_model', divisionCode: CITY });
      const added = await credit.models.add(request.body as unknown as ScoreModel, actor, request.id);
      return reply.status(201).send({ version: added.version, active: added.active });
    },
  );

  const distribution = async (request: FastifyRequest<{ Querystring: { divisionCode?: string } }>) => {
    const actor = requireActor(request);
    const divisionCode = request.query.divisionCode ?? actor.divisionCode ?? CITY;
    authorize(request, platform.can, 'credit.statistics.read', { type: 'credit_statistics', divisionCode });
    const [rows, model] = await Promise.all([
      credit.scores.distribution(divisionCode),
      credit.models.active(),
    ]);
    return {
      divisionCode,
      modelVersion: model.version,
      tiers: model.tiers,
      rows: rows.map((r: DistributionRow) => ({ ...r, countyName: countyName(r.countyCode) })),
    };
  };
  const DivisionQuery = Type.Object({ divisionCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })) });

  app.get(
    '/statistics/distribution',
    {
      schema: {
        tags,
        summary: 'Residents and average score by county and tier',
        querystring: DivisionQuery,
        response: { 200: DistributionSchema, ...errorResponses(401, 403) },
      },
    },
    (request) => distribution(request),
  );

  app.get(
    '/statistics/distribution.xlsx',
    {
      schema: {
        tags,
        summary: 'The distribution as an Excel workbook',
        querystring: DivisionQuery,
        response: {
          200: { description: 'An .xlsx workbook', content: { 'application/octet-stream': { schema: {} } } },
          ...errorResponses(401, 403),
        },
      },
    },
    async (request, reply) => {
      const result = await distribution(request);
      const tierName = new Map(result.tiers.map((t) => [t.code, t.zh]));
      const workbook = await buildWorkbook([
        {
          name: `信安分分布 ${result.modelVersion}`,
          columns: [
            {
              header: '县（市、区）代码',
              value: (r: (typeof result.rows)[number]) => r.countyCode,
              width: 12,
            },
            { header: '县（市、区）', value: (r) => r.countyName, width: 12 },
            { header: '等级', value: (r) => tierName.get(r.tier) ?? r.tier, width: 10 },
            { header: '人数', value: (r) => r.residents, numberFormat: '#,##0' },
            { header: '平均分', value: (r) => r.averageScore, numberFormat: '0.0' },
          ],
          rows: result.rows,
        },
      ]);
      return sendWorkbook(
        reply,
        `信安分分布-${countyName(result.divisionCode)}-${result.modelVersion}.xlsx`,
        workbook,
      );
    },
  );

  app.get(
    '/scores/:residentId',
    {
      schema: {
        tags,
        summary:
          'The credit office reads one resident’s score (number, tier, model; no records); logged for the resident',
        params: Type.Object({ residentId: Type.String({ minLength: 18, maxLength: 18 }) }),
        querystring: Type.Object({ purpose: StringEnum(OFFICER_PURPOSES) }),
        response: {
          200: Type.Object({
            residentId: Type.String(),
            score: Type.Integer(),
            tier: Type.String(),
            modelVersion: Type.String(),
            computedAt: Type.String(),
            stored: Type.Boolean(),
          }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const { actor, residentId } = await residentForOfficer(
        request,
        platform,
        request.params.residentId,
        'credit.score.read',
        'credit_score',
      );
      const view = await credit.access.scoreForOfficer(
        actor,
        residentId,
        request.query.purpose as OfficerPurpose,
        request.id,
      );
      return { ...view, residentId: maskResidentId(view.residentId) };
    },
  );
}
