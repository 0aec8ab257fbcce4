import { Type } from '@sinclair/typebox';
import { authorize, requireActor } from '../../http/authentication';
import { errorResponses } from '../../http/schemas';
import { notFound } from '../../kernel/errors';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { LEAD_INDUSTRIES } from './industries';

const CountyCode = Type.String({
  pattern: '^\\d{6}$',
  description: 'County-level division code, e.g. 330822',
});
const Uscc = Type.String({
  pattern: '^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$',
  description: '统一社会信用代码',
});
const LeadIndustrySchema = Type.Union(LEAD_INDUSTRIES.map((lead) => Type.Literal(lead)));

const EnterpriseSchema = Type.Object(
  {
    uscc: Type.String(),
    name: Type.String(),
    industryCode: Type.String({ description: 'GB/T 4754-2017 class, e.g. C2221' }),
    industryName: Type.String(),
    leadIndustry: Type.Union([LeadIndustrySchema, Type.Null()]),
    countyCode: Type.String(),
    townshipCode: Type.String(),
    aboveScale: Type.Boolean({ description: '规模以上: revenue of ¥20M or more' }),
    outputValueFen: Type.Integer({ description: 'Annual output value in fen' }),
    employees: Type.Integer(),
    registeredAt: Type.String({ format: 'date' }),
  },
  { $id: 'RegistryEnterprise', title: 'RegistryEnterprise' },
);

const CountyCountsSchema = Type.Object(
  {
    countyCode: Type.String(),
    residents: Type.Integer(),
    households: Type.Integer(),
    enterprises: Type.Integer(),
    aboveScaleEnterprises: Type.Integer(),
    collectives: Type.Integer(),
    farms: Type.Integer(),
  },
  { $id: 'RegistryCountyCounts', title: 'RegistryCountyCounts' },
);

const ResidentSchema = Type.Object(
  {
    residentId: Type.String(),
    name: Type.String(),
    sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
    birthDate: Type.String({ format: 'date' }),
    householdId: Type.String(),
    divisionCode: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String(),
  },
  { $id: 'RegistryResident', title: 'RegistryResident' },
);

/**
 * /api/v1/registry: what the registries hold, for dashboards (counts per county, enterprise lists) and for a
 * resident's own record. Reading other people's records goes through the data exchange (purpose + consent).
 */
export async function registryRoutes(app: SanquApp, platform: Platform) {
  app.addSchema(EnterpriseSchema);
  app.addSchema(CountyCountsSchema);
  app.addSchema(ResidentSchema);
  const { registry, can } = platform;

  app.get(
    '/summary',
    {
      schema: {
        tags: ['registry'],
        summary:
          'Residents, households, enterprises, collectives and farms per county (within your jurisdiction)',
        response: {
          200: Type.Object({ counties: Type.Array(Type.Ref('RegistryCountyCounts')) }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      // An officer may always ask about their own division; the rows are then cut to their jurisdiction.
      authorize(request, can, 'registry.summary', {
        type: 'registry_summary',
        divisionCode: actor.divisionCode,
      });
      const counties = (await registry.countsByCounty()).filter((c) =>
        can(actor, 'registry.summary', { type: 'registry_summary', divisionCode: c.countyCode }),
      );
      return { counties };
    },
  );

  app.get(
    '/enterprises',
    {
      schema: {
        tags: ['registry'],
        summary: 'Enterprises of one county, a page at a time (USCC order)',
        querystring: Type.Object(
          {
            countyCode: CountyCode,
            leadIndustry: Type.Optional(LeadIndustrySchema),
            aboveScale: Type.Optional(Type.Boolean()),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
            pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('RegistryEnterprise')),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...errorResponses(401, 403, 422),
        },
      },
    },
    async (request) => {
      const query = request.query;
      authorize(request, can, 'registry.enterprises.list', {
        type: 'registry_enterprise',
        divisionCode: query.countyCode,
      });
      return registry.listEnterprises(query);
    },
  );

  app.get(
    '/enterprises/:uscc',
    {
      schema: {
        tags: ['registry'],
        summary: 'One enterprise: officers within their jurisdiction, the enterprise’s own agent',
        params: Type.Object({ uscc: Uscc }),
        response: { 200: Type.Ref('RegistryEnterprise'), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      requireActor(request);
      const enterprise = await registry.getEnterprise(request.params.uscc);
      const resource = {
        type: 'registry_enterprise',
        divisionCode: enterprise?.townshipCode ?? null,
        ownerId: enterprise?.uscc ?? request.params.uscc.toUpperCase(),
      };
      // Authorise before revealing whether the code is registered.
      authorize(request, can, 'registry.enterprises.read', resource);
      if (!enterprise) throw notFound('enterprise', request.params.uscc);
      return enterprise;
    },
  );

  app.get(
    '/residents/me',
    {
      schema: {
        tags: ['registry'],
        summary: 'The logged-in resident’s own registry record',
        response: { 200: Type.Ref('RegistryResident'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const residentId = actor.subjectId ?? '';
      authorize(request, can, 'registry.residents.read_own', {
        type: 'registry_resident',
        ownerId: residentId,
      });
      const resident = await registry.getResident(residentId);
      if (!resident) throw notFound('resident', residentId);
      return resident;
    },
  );
}
