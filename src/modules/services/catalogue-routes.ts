import { Type } from '@sinclair/typebox';
import { authorize, requireActor } from '../../http/authentication';
import { errorResponses, StringEnum } from '../../http/schemas';
import { AppError } from '../../kernel/errors';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { CATEGORIES, type Category } from './catalogue';
import { presentItem, presentItemSummary } from './presenters';
import { ItemEditBody, ItemSchema, ItemSummarySchema } from './services-schemas';

const ItemParams = Type.Object({ id: Type.String({ maxLength: 80 }) });

/** /api/v1/services: the catalogue (事项目录) — search, one item with what it fetches, prefill, versions, edits. */
export async function catalogueRoutes(app: SanquApp, platform: Platform) {
  const { services } = platform;
  const tags = ['services'];
  app.addSchema(ItemSummarySchema);
  app.addSchema(ItemSchema);

  app.get(
    '/items',
    {
      schema: {
        tags,
        summary: 'Search the service items of the four alliance cities (public)',
        querystring: Type.Object({
          city: Type.Optional(StringEnum(['330800', '341000', '350700', '361100'] as const)),
          category: Type.Optional(StringEnum(CATEGORIES)),
          q: Type.Optional(
            Type.String({ maxLength: 50, description: 'Words of the name (Chinese or English)' }),
          ),
          alliance: Type.Optional(Type.Boolean({ description: 'Only the 跨省通办 items' })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('ServiceItemSummary')) }),
          ...errorResponses(400),
        },
      },
    },
    async (request) => {
      const { city, category, q, alliance } = request.query;
      const items = await services.items.list({
        cityCode: city as string | undefined,
        category: category as Category | undefined,
        text: q,
        alliance,
      });
      return { items: items.map(presentItemSummary) };
    },
  );

  app.get(
    '/items/:id',
    {
      schema: {
        tags,
        summary: 'One item: materials, conditions, limits, and which registry fields a case fetches (public)',
        params: ItemParams,
        response: { 200: Type.Ref('ServiceItem'), ...errorResponses(404) },
      },
    },
    async (request) => presentItem(await services.items.require(request.params.id), platform.registries),
  );

  app.get(
    '/items/:id/prefill',
    {
      schema: {
        tags,
        summary:
          'The applicant’s own data for the form’s prefilled fields (read by the applicant, for the applicant)',
        params: ItemParams,
        response: {
          200: Type.Object({ values: Type.Record(Type.String(), Type.Unknown()) }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if ((actor.role !== 'resident' && actor.role !== 'enterprise_agent') || !actor.subjectId)
        throw new AppError(403, 'FORBIDDEN', 'forbidden');
      const item = await services.items.require(request.params.id);
      const values: Record<string, unknown> = {};
      for (const field of item.form) {
        if (!field.prefill) continue;
        const [dataset, name] = field.prefill.split('.') as [string, string];
        if (dataset === 'applicant') {
          const resident =
            actor.role === 'resident' ? await platform.registry.getResident(actor.subjectId) : null;
          const enterprise =
            actor.role === 'enterprise_agent' ? await platform.registry.getEnterprise(actor.subjectId) : null;
          values[field.key] =
            name === 'name' ? (resident?.name ?? enterprise?.name ?? null) : (resident?.phone ?? null);
        } else {
          const record = await platform.registries.fetch(dataset, actor.subjectId, [name]);
          values[field.key] = record?.[name] ?? null;
        }
      }
      return { values };
    },
  );

  app.get(
    '/items/:id/versions',
    {
      schema: {
        tags,
        summary: 'Every version of an item, newest first (officers, auditors)',
        params: ItemParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                version: Type.Integer(),
                changedAt: Type.String(),
                changedBy: Type.String(),
                note: Type.String(),
                definition: Type.Unknown(),
              }),
            ),
          }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!['officer', 'auditor', 'admin'].includes(actor.role))
        throw new AppError(403, 'FORBIDDEN', 'forbidden');
      await services.items.require(request.params.id);
      return { items: await services.items.versions(request.params.id) };
    },
  );

  app.put(
    '/items/:id',
    {
      schema: {
        tags,
        summary:
          'Edit an item (its department or the 政务服务 office of its city): a new version; running cases keep theirs',
        params: ItemParams,
        body: ItemEditBody,
        response: { 200: Type.Ref('ServiceItem'), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const item = await services.items.require(request.params.id);
      const actor = authorize(request, platform.can, 'services.item.edit', {
        type: 'services_item',
        divisionCode: item.cityCode,
      });
      if (actor.department !== 'services' && actor.department !== item.department)
        throw new AppError(403, 'FORBIDDEN', 'forbidden');
      const edited = await services.items.edit(request.params.id, request.body, actor, request.id);
      return presentItem(edited, platform.registries);
    },
  );
}
