import { Type } from '@sinclair/typebox';
import { authorize } from '../../http/authentication';
import { languageOf } from '../../http/error-handler';
import { errorResponses, Strict, StringEnum } from '../../http/schemas';
import { AppError } from '../../kernel/errors';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { describeCalculationIssue } from './calculation-messages';
import { calculateEmissions, GRID_CHOICES, type GridChoice } from './calculator';
import { FACTOR_BASES, FACTOR_REGIONS } from './factors';
import { shanghaiMonth } from './periods';

const FactorSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,79}$' }),
    kind: Type.String({ minLength: 1, maxLength: 80 }),
    region: StringEnum(FACTOR_REGIONS),
    value: Type.Number(),
    unit: Type.String({ minLength: 1, maxLength: 40 }),
    gas: Type.String({ minLength: 1, maxLength: 20 }),
    basis: StringEnum(FACTOR_BASES),
    source: Type.String({ minLength: 3, maxLength: 500 }),
    year: Type.Integer({ minimum: 1990, maximum: 2100 }),
    validFrom: Type.Union([Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }), Type.Null()]),
    validTo: Type.Union([Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }), Type.Null()]),
    notes: Type.String({ maxLength: 2000 }),
  },
  { $id: 'EmissionFactor', title: 'EmissionFactor', additionalProperties: false },
);

const AppliedFactorSchema = Type.Object({
  id: Type.String(),
  value: Type.Number(),
  unit: Type.String(),
  source: Type.String(),
  year: Type.Union([Type.Integer(), Type.Null()]),
  basis: Type.String(),
  fallback: Type.Boolean({
    description: 'No factor was published for this period: the latest year was used',
  }),
  fallbackReason: Type.Optional(Type.String()),
  fallbackReasonZh: Type.Optional(Type.String()),
  formula: Type.Optional(Type.String()),
  parameters: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.String(),
        kind: Type.String(),
        value: Type.Number(),
        unit: Type.String(),
        year: Type.Integer(),
      }),
    ),
  ),
});

const CalculationSchema = Type.Object({
  period: Type.String(),
  gridFactor: StringEnum(GRID_CHOICES),
  totalTonnes: Type.Number(),
  totalGrams: Type.Integer({ description: 'Integer grams CO2e: the exact figure behind totalTonnes' }),
  lines: Type.Array(
    Type.Object({
      kind: Type.String(),
      amount: Type.Number(),
      unit: Type.String(),
      baseAmount: Type.Number(),
      baseUnit: Type.String(),
      grams: Type.Integer(),
      tonnes: Type.Number(),
      factor: AppliedFactorSchema,
      assumption: Type.Optional(Type.String()),
    }),
  ),
  intensity: Type.Union([Type.Number(), Type.Null()], { description: 't CO2 per 万元 value added' }),
  level: Type.Union([StringEnum(['低碳', '中碳', '高碳'] as const), Type.Null()]),
  factorIds: Type.Array(Type.String()),
  fallback: Type.Boolean(),
});

/** The calendar month in Asia/Shanghai (UTC+8, no daylight saving). */

/** /api/v1/carbon: the open emissions calculator and the emission-factor library. */
export async function calculationRoutes(app: SanquApp, platform: Platform) {
  app.addSchema(FactorSchema);
  const factorRef = Type.Ref('EmissionFactor');

  app.post(
    '/calculate',
    {
      schema: {
        tags: ['carbon'],
        summary: 'Open calculator: emissions of a period’s activities, with the factor behind every line',
        body: Type.Object(
          {
            period: Type.String({ description: 'YYYY-MM' }),
            gridFactor: Type.Optional(StringEnum(GRID_CHOICES)),
            activities: Type.Array(
              Type.Object(
                {
                  kind: Type.String({ minLength: 1, maxLength: 40 }),
                  amount: Type.Number(),
                  unit: Type.String({ minLength: 1, maxLength: 20 }),
                },
                Strict,
              ),
              { minItems: 1, maxItems: 200 },
            ),
            valueAdded: Type.Optional(Type.Number({ description: '万元' })),
            industry: Type.Optional(
              Type.String({ pattern: '^[A-T]\\d{0,4}$', description: 'GB/T 4754-2017 class' }),
            ),
          },
          Strict,
        ),
        response: { 200: CalculationSchema, ...errorResponses(400, 413, 415, 422) },
      },
    },
    async (request) => {
      // The schema has already limited gridFactor to GRID_CHOICES.
      const input = { ...request.body, gridFactor: request.body.gridFactor as GridChoice | undefined };
      const outcome = calculateEmissions(await platform.carbon.factors.library(), input, {
        currentPeriod: shanghaiMonth(new Date()),
      });
      if (outcome.ok) return outcome.result;
      const language = languageOf(request);
      const details = outcome.issues.map((issue) => ({
        path: `body.${issue.path}`,
        message: describeCalculationIssue(issue, language),
      }));
      throw new AppError(422, 'INVALID_ACTIVITY_DATA', 'validationFailed', {}, details);
    },
  );

  app.get(
    '/factors',
    {
      schema: {
        tags: ['carbon'],
        summary: 'Every emission-factor version, shipped and officer-added',
        querystring: Type.Object({ kind: Type.Optional(Type.String({ maxLength: 80 })) }, Strict),
        response: { 200: Type.Object({ items: Type.Array(factorRef) }) },
      },
    },
    async (request) => {
      const library = await platform.carbon.factors.library();
      const { kind } = request.query;
      return {
        items: library.factors.filter((f) => !kind || f.kind === kind || f.kind.startsWith(`${kind}.`)),
      };
    },
  );

  app.post(
    '/factors',
    {
      schema: {
        tags: ['carbon'],
        summary: 'Add a new factor version (city ecology officers); existing versions never change',
        body: factorRef,
        response: { 201: factorRef, ...errorResponses(401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, platform.can, 'carbon.factor.create', {
        type: 'carbon_factor',
        divisionCode: '330800',
      });
      const factor = await platform.carbon.factors.addVersion(request.body as never, actor);
      return reply.status(201).send(factor);
    },
  );
}
