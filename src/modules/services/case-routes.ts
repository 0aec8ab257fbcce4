import { Type } from '@sinclair/typebox';
import { authorize, requireActor } from '../../http/authentication';
import { languageOf } from '../../http/error-handler';
import { errorResponses, StringEnum } from '../../http/schemas';
import { acceptFileUploads, readUploadedFile } from '../../http/upload-file';
import { AppError, notFound } from '../../kernel/errors';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { type BatchStep, MAX_BATCH_STEPS } from './case-batch';
import { CASE_ACTIONS, type CaseAction } from './case-workflow';
import type { Delivery } from './catalogue';
import { MAX_UPLOAD_BYTES } from './file-service';
import { presentCase } from './presenters';
import { resultDocument } from './result-document';
import {
  ActionBody,
  CaseDetailSchema,
  CaseSchema,
  OpinionBody,
  SubmitBody,
  UploadSchema,
} from './services-schemas';

const CaseParams = Type.Object({ id: Type.String({ maxLength: 40 }) });

/** /api/v1/services: uploads, applications, one case per role, steps, 会签 opinions, materials and results. */
export async function caseRoutes(app: SanquApp, platform: Platform) {
  const { services } = platform;
  const tags = ['services'];
  app.addSchema(CaseSchema);
  const itemName = async (itemId: string) =>
    (await services.items.get(itemId))?.name ?? { zh: itemId, en: itemId };
  const present = async (record: Parameters<typeof presentCase>[0]) =>
    presentCase(record, await itemName(record.itemId), services.views.slaOf(record));

  await app.register(async (scoped) => {
    await acceptFileUploads(scoped, MAX_UPLOAD_BYTES);
    scoped.post(
      '/files',
      {
        schema: {
          tags,
          summary:
            'Upload a material (PDF, JPEG or PNG, ≤ 10 MB, recognised by content); cite its hash in an application',
          consumes: ['multipart/form-data'],
          response: { 201: UploadSchema, ...errorResponses(400, 401, 403, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        const actor = authorize(request, platform.can, 'services.file.upload', { type: 'services_file' });
        const file = await readUploadedFile(request, MAX_UPLOAD_BYTES);
        const stored = await services.files.upload(
          actor,
          { bytes: file.bytes, fileName: file.filename, declaredType: file.mediaType },
          request.id,
        );
        return reply.status(201).send(stored);
      },
    );
  });

  app.post(
    '/cases',
    {
      schema: {
        tags,
        summary:
          'Apply (申请): online by the applicant, or at a window by a 政务服务 officer for the person in front of them. Pre-checked at once',
        body: SubmitBody,
        response: { 201: Type.Ref('ServiceCase'), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const record = await services.cases.submit(actor, request.body, request.id);
      return reply.status(201).send(await present(record));
    },
  );

  app.get(
    '/cases/mine',
    {
      schema: {
        tags,
        summary: 'My applications, newest first (resident or enterprise)',
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('ServiceCase')) }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const records = await services.views.mine(actor);
      return { items: await Promise.all(records.map(present)) };
    },
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        tags,
        summary: 'One case as your role in it lets you see it, with the timeline and what you may do next',
        params: CaseParams,
        response: { 200: CaseDetailSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const view = await services.views.view(actor, request.params.id, request.id);
      return {
        case: presentCase(view.record, view.item.name, view.sla),
        roles: view.roles,
        actions: view.actions,
        form: view.record.form,
        materials: view.materials.map((m) => ({
          ...m,
          name: view.item.materials.find((d) => d.key === m.key)?.name ?? { zh: m.key, en: m.key },
        })),
        opinions: view.opinions,
        timeline: view.timeline,
      };
    },
  );

  app.post(
    '/cases/:id/actions/:action',
    {
      schema: {
        tags,
        summary:
          'Take a step: accept, return (every problem at once), resubmit, forward, claim, transfer, request_supplement, supplement, approve, deny, deliver, withdraw',
        params: Type.Object({ id: Type.String({ maxLength: 40 }), action: StringEnum(CASE_ACTIONS) }),
        body: ActionBody,
        response: { 200: Type.Ref('ServiceCase'), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { toOfficer, delivery, reasons, ...rest } = request.body;
      const record = await services.cases.act(
        actor,
        request.params.id,
        request.params.action as CaseAction,
        {
          ...rest,
          delivery: delivery as Delivery | undefined,
          toOfficer: toOfficer ? { id: toOfficer, name: toOfficer } : undefined,
        },
        request.id,
      );
      return present(record);
    },
  );

  app.post(
    '/cases/batch-actions',
    {
      schema: {
        tags,
        summary:
          '批量办理: several steps in one request (e.g. accept a page of cases); each is checked on its own and refused alone',
        body: Type.Object(
          {
            steps: Type.Array(
              Type.Object(
                {
                  caseId: Type.String({ maxLength: 40 }),
                  action: StringEnum(CASE_ACTIONS),
                  ...Type.Omit(ActionBody, ['form', 'materials']).properties,
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: MAX_BATCH_STEPS },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object({
                caseId: Type.String(),
                status: StringEnum(['done', 'refused'] as const),
                case: Type.Union([Type.Ref('ServiceCase'), Type.Null()]),
                error: Type.Union([
                  Type.Object({ status: Type.Integer(), code: Type.String(), message: Type.String() }),
                  Type.Null(),
                ]),
              }),
            ),
          }),
          ...errorResponses(401, 422),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const language = languageOf(request);
      const steps = (request.body.steps as Record<string, unknown>[]).map((step) => {
        const { toOfficer, ...rest } = step as { toOfficer?: string };
        return {
          ...rest,
          toOfficer: toOfficer ? { id: toOfficer, name: toOfficer } : undefined,
        } as unknown as BatchStep;
      });
      const results = await services.actMany(actor, steps, request.id);
      return {
        results: await Promise.all(
          results.map(async (result) =>
            result.status === 'done'
              ? {
                  caseId: result.caseId,
                  status: result.status,
                  case: await present(result.record),
                  error: null,
                }
              : {
                  caseId: result.caseId,
                  status: result.status,
                  case: null,
                  error: {
                    status: result.error.status,
                    code: result.error.code,
                    message: result.error.toBody(language).error.message,
                  },
                },
          ),
        ),
      };
    },
  );

  app.post(
    '/cases/:id/opinions',
    {
      schema: {
        tags,
        summary: '会签: a joint department’s opinion on a 多地联办 case',
        params: CaseParams,
        body: OpinionBody,
        response: { 200: Type.Ref('ServiceCase'), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const body = request.body as { opinion: 'agree' | 'disagree'; reason: string };
      return present(await services.cases.opinion(actor, request.params.id, body, request.id));
    },
  );

  app.get(
    '/cases/:id/materials/:key',
    {
      schema: {
        tags,
        summary:
          'An uploaded material of a case (applicant, receiving window, deciding and joint departments)',
        params: Type.Object({ id: Type.String({ maxLength: 40 }), key: Type.String({ maxLength: 64 }) }),
        response: {
          200: { description: 'The file', content: { 'application/octet-stream': { schema: {} } } },
          ...errorResponses(401, 404),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const view = await services.views.view(actor, request.params.id, request.id);
      if (view.roles.length === 1 && view.roles[0] === 'supervisor')
        throw notFound('material', request.params.key);
      const material = view.materials.find((m) => m.key === request.params.key && m.source === 'applicant');
      const hash = material ? await services.files.hashOf(request.params.id, material.key) : null;
      const bytes = hash ? services.files.read(hash) : null;
      if (!material || !bytes) throw notFound('material', request.params.key);
      const ascii = (material.fileName ?? 'material').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .header('Content-Type', material.mediaType ?? 'application/octet-stream')
        .header(
          'Content-Disposition',
          `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(material.fileName ?? 'material')}`,
        )
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, no-store')
        .send(bytes);
    },
  );

  app.get(
    '/cases/:id/result',
    {
      schema: {
        tags,
        summary: 'The result as a printable document (电子证照 / 办结通知书) once approved',
        params: CaseParams,
        response: {
          200: { description: 'A printable HTML page', content: { 'text/html': { schema: {} } } },
          ...errorResponses(401, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const view = await services.views.view(actor, request.params.id, request.id);
      if (!view.roles.some((role) => role === 'applicant' || role === 'handling' || role === 'receiving'))
        throw notFound('case', request.params.id);
      if (!view.record.resultNumber)
        throw new AppError(409, 'NO_RESULT_YET', 'serviceNoResultYet', { state: view.record.state });
      return reply
        .header('Content-Type', 'text/html; charset=utf-8')
        .header('Cache-Control', 'private, no-store')
        .send(resultDocument(view.record, view.item, platform.divisions));
    },
  );
}
