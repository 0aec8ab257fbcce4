import { Type } from '@sinclair/typebox';
import { errorResponses } from '../../http/schemas';
import { notFound } from '../errors';
import type { SanquApp } from '../module';
import type { DivisionService } from './service';

const DivisionSchema = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    level: Type.Union(['province', 'city', 'county', 'township', 'village'].map((l) => Type.Literal(l))),
    kind: Type.String(),
    parentCode: Type.Union([Type.String(), Type.Null()]),
    synthetic: Type.Boolean({ description: 'Generated entry (villages): code and name are not real' }),
  },
  { $id: 'Division', title: 'Division' },
);

/** /api/v1/divisions: the public division tree (reference data, no login needed). */
export async function divisionRoutes(app: SanquApp, divisions: DivisionService) {
  app.addSchema(DivisionSchema);
  const ref = Type.Ref('Division');

  app.get(
    '/',
    {
      schema: {
        tags: ['divisions'],
        summary: 'The alliance cities (roots of the tree)',
        response: { 200: Type.Object({ items: Type.Array(ref) }) },
      },
    },
    async () => ({ items: divisions.roots() }),
  );

  app.get(
    '/:code',
    {
      schema: {
        tags: ['divisions'],
        summary: 'One division with its path from the city and its children',
        params: Type.Object({ code: Type.String({ pattern: '^\\d{6}(\\d{3}(\\d{3})?)?$' }) }),
        response: {
          200: Type.Object({ division: ref, path: Type.Array(ref), children: Type.Array(ref) }),
          ...errorResponses(404, 422),
        },
      },
    },
    async (request) => {
      const division = divisions.get(request.params.code);
      if (!division) throw notFound('division', request.params.code);
      return { division, path: divisions.path(division.code), children: divisions.children(division.code) };
    },
  );
}
