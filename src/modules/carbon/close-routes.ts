import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { authorize, requireActor } from '../../http/authentication';
import { errorResponses, Strict, StringEnum } from '../../http/schemas';
import { AppError } from '../../kernel/errors';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { FARM_LABELS } from './agriculture';
import { statisticsForCounty } from './close-statistics';
import { PERIOD_PATTERN } from './periods';

const CITY = '330800';
const COUNTY_PATTERN = '^\\d{6}$';

const counts = Type.Record(Type.String(), Type.Integer());
const farmLabels = Type.Object(Object.fromEntries(FARM_LABELS.map((l) => [l, Type.Integer()])));
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const RunSchema = Type.Object({
  id: Type.String(),
  period: Type.String(),
  status: StringEnum(['running', 'succeeded', 'failed'] as const),
  startedAt: Type.String(),
  finishedAt: nullable(Type.String()),
  startedBy: nullable(Type.String()),
  process: Type.String({ description: 'host:pid of the process that ran the close' }),
  residents: Type.Integer(),
  enterprises: Type.Integer(),
  farms: Type.Integer(),
  expiredPoints: Type.Integer(),
  error: nullable(Type.String()),
});

const personalCounty = Type.Object({
  countyCode: Type.String(),
  residents: Type.Integer(),
  events: Type.Integer(),
  grams: Type.Integer({ description: 'grams CO2e reduced' }),
  points: Type.Integer(),
});

const StatisticsSchema = Type.Object({
  period: Type.String(),
  runId: Type.String(),
  countyCode: nullable(Type.String()),
  enterprisesClosed: Type.Boolean({
    description: 'False when the run had no industrial close: enterprise figures are null',
  }),
  emissionsByCounty: Type.Array(
    Type.Object({
      countyCode: Type.String(),
      enterprises: nullable(Type.Integer()),
      enterpriseGrams: nullable(Type.Integer()),
      farms: Type.Integer(),
      farmEmissionsGrams: Type.Integer(),
      farmSinksGrams: Type.Integer(),
      farmNetGrams: Type.Integer(),
      farmLabels,
    }),
  ),
  emissionsByIndustry: nullable(
    Type.Array(
      Type.Object({
        industryCode: Type.String(),
        enterprises: Type.Integer(),
        grams: Type.Integer(),
        industryAverage: nullable(Type.Number()),
      }),
    ),
  ),
  labels: Type.Object({ enterprises: nullable(counts), farms: farmLabels }),
  personal: Type.Object({
    residents: Type.Integer(),
    events: Type.Integer(),
    grams: Type.Integer(),
    points: Type.Integer(),
    byCounty: Type.Array(personalCounty),
  }),
  farmYear: Type.Integer(),
  expiry: nullable(Type.Object({ asOf: Type.String(), residents: Type.Integer(), points: Type.Integer() })),
});

/**
 * Which part of the city statistics a request is about: the county asked for, else a county officer's own
 * county, else the city. Policies then decide whether the reader's jurisdiction covers it.
 */
function scopeOf(request: FastifyRequest, county: string | undefined): string {
  const actor = requireActor(request);
  if (county) return county;
  const own = actor.role === 'officer' ? actor.divisionCode : null;
  return own && own.length === 6 && own !== CITY ? own : CITY;
}

/** /api/v1/carbon/close: the monthly close's runs and city statistics (the close itself runs from the CLI). */
export async function closeRoutes(app: SanquApp, platform: Platform) {
  const countyQuery = Type.Optional(Type.String({ pattern: COUNTY_PATTERN, description: 'a county code' }));

  app.get(
    '/close/runs',
    {
      schema: {
        tags: ['carbon'],
        summary: 'Monthly close runs, newest first (officers, auditors, admin)',
        querystring: Type.Object(
          {
            period: Type.Optional(Type.String({ pattern: PERIOD_PATTERN })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          Strict,
        ),
        response: { 200: Type.Object({ items: Type.Array(RunSchema) }), ...errorResponses(401, 403, 422) },
      },
    },
    async (request) => {
      authorize(request, platform.can, 'carbon.close.read', {
        type: 'carbon_close',
        divisionCode: scopeOf(request, undefined),
      });
      return { items: await platform.carbon.close.runs(request.query) };
    },
  );

  app.get(
    '/close/:period/statistics',
    {
      schema: {
        tags: ['carbon'],
        summary:
          'City statistics of the latest successful close of a month; a county officer sees their county (officers in jurisdiction, auditors, admin)',
        params: Type.Object({ period: Type.String({ pattern: PERIOD_PATTERN }) }),
        querystring: Type.Object({ county: countyQuery }, Strict),
        response: { 200: StatisticsSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const scope = scopeOf(request, request.query.county);
      authorize(request, platform.can, 'carbon.close.read', { type: 'carbon_close', divisionCode: scope });
      const { period } = request.params;
      const statistics = await platform.carbon.close.statistics(period);
      if (!statistics) throw new AppError(404, 'CLOSE_NOT_RUN', 'closeNotRun', { period });
      return scope === CITY ? statistics : statisticsForCounty(statistics, scope);
    },
  );
}
