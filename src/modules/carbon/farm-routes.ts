import { Type } from '@sinclair/typebox';
import { authorize, requireActor } from '../../http/authentication';
import { languageOf } from '../../http/error-handler';
import { errorResponses, Strict, StringEnum } from '../../http/schemas';
import { AppError, notFound } from '../../kernel/errors';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import type { Farm } from '../registry';
import { FARM_LABELS, LIVESTOCK_TYPES, WATER_REGIMES } from './agriculture';
import { GRID_CHOICES } from './calculator';
import type { FarmYearInput } from './farm-service';
import { shanghaiDay } from './periods';

const amount = (description: string) => Type.Optional(Type.Number({ description: `${description}, ≥ 0` }));

const FarmInputBody = Type.Object(
  {
    year: Type.Integer({
      description: 'Calendar year: farm inputs are annual (IPCC Tier 1 factors are per year)',
    }),
    gridFactor: Type.Optional(StringEnum(GRID_CHOICES)),
    nitrogenFertilizerKgN: amount('Synthetic N applied in the year, kg N'),
    rice: Type.Optional(
      Type.Array(
        Type.Object(
          {
            areaMu: Type.Number({ description: 'mu (亩) of one rice season, ≥ 0' }),
            daysFlooded: Type.Number({ description: 'days flooded in the season, 0-366' }),
            waterRegime: Type.Optional(StringEnum(WATER_REGIMES)),
          },
          Strict,
        ),
        { maxItems: 20 },
      ),
    ),
    livestock: Type.Optional(
      Type.Object(
        Object.fromEntries(LIVESTOCK_TYPES.map((t) => [t, amount('average head over the year')])),
        Strict,
      ),
    ),
    dieselTonnes: amount('t'),
    electricityKWh: amount('kWh'),
    sinks: Type.Optional(
      Type.Object(
        {
          forestMu: amount('forest mu'),
          strawReturnedTonnes: amount('t of straw returned'),
          strawReturnedMu: amount('mu whose straw is returned'),
          organicFertilizerTonnes: amount('t of organic fertilizer replacing synthetic'),
        },
        Strict,
      ),
    ),
  },
  Strict,
);

const LineSchema = Type.Object({
  source: Type.String(),
  grams: Type.Integer(),
  factorIds: Type.Array(Type.String()),
});

const FarmAccountSchema = Type.Object(
  {
    farmId: Type.Integer(),
    name: Type.String(),
    villageCode: Type.String(),
    countyCode: Type.String(),
    mainProduct: Type.String(),
    areaMu: Type.Number(),
    year: Type.Integer(),
    status: StringEnum(['final', 'closed', 'provisional', 'no_inputs'] as const, {
      description:
        'final: closed in December; closed: by a monthly close; provisional: computed now from the inputs',
    }),
    closedPeriod: Type.Union([Type.String(), Type.Null()]),
    inputs: Type.Union([Type.Omit(FarmInputBody, ['year']), Type.Null()]),
    account: Type.Union([
      Type.Object({
        year: Type.Integer(),
        emissions: Type.Array(LineSchema),
        sinks: Type.Array(LineSchema),
        emissionsGrams: Type.Integer({ description: 'grams CO2e' }),
        sinksGrams: Type.Integer(),
        netGrams: Type.Integer(),
        neutralityRatio: Type.Union([Type.Number(), Type.Null()], { description: 'sinks / emissions' }),
        label: StringEnum(FARM_LABELS),
        factorIds: Type.Array(Type.String()),
        fallbacks: Type.Array(Type.String()),
      }),
      Type.Null(),
    ]),
    factors: Type.Array(
      Type.Object({
        id: Type.String(),
        kind: Type.String(),
        value: Type.Number(),
        unit: Type.String(),
        source: Type.String(),
        year: Type.Union([Type.Integer(), Type.Null()]),
        fallback: Type.Boolean(),
      }),
    ),
  },
  { $id: 'CarbonFarmAccount', title: 'CarbonFarmAccount' },
);

const farmResource = (farm: Farm | null) => ({
  type: 'carbon_farm',
  divisionCode: farm?.divisionCode ?? null,
  ownerId: farm?.operatorId ?? null,
});

/** /api/v1/carbon/farms: 农业碳中和账户 — farm inputs and accounts. */
export async function farmRoutes(app: SanquApp, platform: Platform) {
  app.addSchema(FarmAccountSchema);
  const ref = Type.Ref('CarbonFarmAccount');
  const params = Type.Object({ farmId: Type.Integer({ minimum: 1 }) });

  app.post(
    '/farms/:farmId/inputs',
    {
      schema: {
        tags: ['carbon'],
        summary:
          "Record a farm's inputs for a year (its operator, its village collective, agriculture officers in jurisdiction)",
        params,
        body: FarmInputBody,
        response: { 200: ref, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      requireActor(request);
      const farm = await platform.carbon.farms.farm(request.params.farmId);
      const actor = authorize(request, platform.can, 'carbon.farm.record', farmResource(farm));
      if (!farm) throw notFound('farm', String(request.params.farmId));
      const { year, ...input } = request.body;
      return platform.carbon.farms.recordInputs(
        farm.id,
        year,
        input as FarmYearInput,
        actor,
        languageOf(request),
      );
    },
  );

  app.get(
    '/farms/:farmId/account',
    {
      schema: {
        tags: ['carbon'],
        summary:
          "A farm's carbon-neutral account for a year (operator, village collective, agriculture officers, auditors)",
        params,
        querystring: Type.Object(
          {
            period: Type.Optional(
              Type.String({
                pattern: '^\\d{4}(-(0[1-9]|1[0-2]))?$',
                description: 'YYYY or YYYY-MM (the year of the month); default this year',
              }),
            ),
          },
          Strict,
        ),
        response: { 200: ref, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      requireActor(request);
      const farm = await platform.carbon.farms.farm(request.params.farmId);
      authorize(request, platform.can, 'carbon.farm.read', farmResource(farm));
      if (!farm) throw notFound('farm', String(request.params.farmId));
      const year = Number((request.query.period ?? shanghaiDay(new Date())).slice(0, 4));
      if (year < 1990)
        throw new AppError(422, 'FARM_YEAR_INVALID', 'farmYearInvalid', {
          year,
          thisYear: shanghaiDay(new Date()).slice(0, 4),
        });
      return platform.carbon.farms.account(farm.id, year);
    },
  );
}
