import { Type } from '@sinclair/typebox';
import { authorize, requireActor } from '../../http/authentication';
import { languageOf } from '../../http/error-handler';
import { errorResponses, StringEnum } from '../../http/schemas';
import { acceptFileUploads, readUploadedFile } from '../../http/upload-file';
import { AppError } from '../../kernel/errors';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { OFFICER_PURPOSES, type OfficerPurpose } from './access-service';
import {
  CreditRecordSchema,
  ImportResultSchema,
  RecordInputSchema,
  RecordTypeSchema,
  SubmitResultSchema,
} from './credit-schemas';
import { residentForOfficer } from './officer-read';
import { presentRecord } from './presenters';
import { IMPORT_SPEC, importRecords } from './record-import';
import type { RecordRejection } from './record-input';
import { describeRejection } from './record-messages';
import { MAX_SUBMIT, type SubmitResult } from './record-service';
import { recordTypes } from './record-types';

/** The batch API takes what a source system sends in one go; files go through the import. */
export const MAX_BATCH = 1_000;

const statusOf = (rejection: RecordRejection) =>
  rejection.code === 'not_your_type' || rejection.code === 'outside_jurisdiction'
    ? 403
    : rejection.code === 'duplicate_differs'
      ? 409
      : 422;

/** Per-record results as the API shows them, each refusal as a sentence in the caller's language. */
export const presentResults = (results: SubmitResult[], language: 'zh-CN' | 'en') =>
  results.map((r) =>
    r.status === 'rejected'
      ? {
          index: r.index,
          recordId: r.recordId,
          status: r.status,
          reason: { code: r.rejection.code, message: describeRejection(r.rejection, language) },
        }
      : { index: r.index, recordId: r.recordId, status: r.status, id: r.id },
  );

/** /api/v1/credit: record types, entry by officers, the batch API for source systems, officers' reads. */
export async function recordRoutes(app: SanquApp, platform: Platform) {
  const { credit } = platform;
  app.addSchema(CreditRecordSchema);
  app.addSchema(SubmitResultSchema);
  const creatable = { type: 'credit_record', divisionCode: null };

  app.get(
    '/record-types',
    {
      schema: {
        tags: ['credit'],
        summary: 'Credit record types (信用记录类型) and the department reporting each',
        response: { 200: Type.Object({ items: Type.Array(RecordTypeSchema) }), ...errorResponses(401) },
      },
    },
    async (request) => {
      requireActor(request);
      return { items: recordTypes().map(({ suggestedStep: _, ...t }) => t) };
    },
  );

  app.post(
    '/records',
    {
      schema: {
        tags: ['credit'],
        summary: 'Enter one credit record (officers of the type’s department, in their jurisdiction)',
        description:
          'A repeated recordId with the same content answers 200 with the stored record; with different content 409.',
        body: RecordInputSchema,
        response: {
          200: Type.Ref('CreditRecord'),
          201: Type.Ref('CreditRecord'),
          ...errorResponses(401, 403, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(request, platform.can, 'credit.record.create', {
        ...creatable,
        divisionCode: actor.divisionCode,
      });
      const [result] = await credit.records.submit(actor, [request.body], request.id);
      if (result!.status === 'rejected') {
        const rejection = result!.rejection;
        throw new AppError(statusOf(rejection), rejection.code.toUpperCase(), 'creditRecordRejected', {
          reason: describeRejection(rejection, languageOf(request)),
        });
      }
      const record = await credit.records.get(result!.id);
      return reply.status(result!.status === 'accepted' ? 201 : 200).send(presentRecord(record!, true));
    },
  );

  app.post(
    '/records::batch',
    {
      schema: {
        tags: ['credit'],
        summary: 'Submit up to 1,000 records from a source system; one result per record',
        description:
          'Each record is checked and stored on its own: a bad record never blocks the others. A repeated recordId (per source department and division) is a duplicate, never counted twice.',
        body: Type.Array(RecordInputSchema, { minItems: 1, maxItems: MAX_BATCH }),
        response: {
          200: Type.Object({
            accepted: Type.Integer(),
            duplicates: Type.Integer(),
            rejected: Type.Integer(),
            results: Type.Array(Type.Ref('CreditSubmitResult')),
          }),
          ...errorResponses(401, 403, 413, 422),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(request, platform.can, 'credit.record.create', {
        ...creatable,
        divisionCode: actor.divisionCode,
      });
      const results = await credit.records.submit(actor, request.body.slice(0, MAX_SUBMIT), request.id);
      return summarise(presentResults(results, languageOf(request)));
    },
  );

  app.get(
    '/records',
    {
      schema: {
        tags: ['credit'],
        summary:
          'An officer reads one resident’s records of their department’s types (logged for the resident)',
        querystring: Type.Object({
          residentId: Type.String({ minLength: 18, maxLength: 18 }),
          purpose: StringEnum(OFFICER_PURPOSES),
        }),
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('CreditRecord')) }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const { actor, residentId } = await residentForOfficer(
        request,
        platform,
        request.query.residentId,
        'credit.record.read',
        'credit_record',
      );
      const records = await credit.access.recordsForOfficer(
        actor,
        residentId,
        request.query.purpose as OfficerPurpose,
        request.id,
      );
      return { items: records.map((r) => presentRecord(r, true)) };
    },
  );

  app.get(
    '/records/entered',
    {
      schema: {
        tags: ['credit'],
        summary:
          'Records the officer’s department entered in their jurisdiction, newest first (resident IDs masked)',
        querystring: Type.Object({
          before: Type.Optional(
            Type.String({
              maxLength: 120,
              description: 'Cursor: `<createdAt>|<id>` of the last record of the previous page',
            }),
          ),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('CreditRecord')) }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(request, platform.can, 'credit.record.read', {
        type: 'credit_record',
        divisionCode: actor.divisionCode,
      });
      if (!actor.department || !actor.divisionCode) throw new AppError(403, 'FORBIDDEN', 'forbidden');
      const items = await credit.records.ofDepartment({
        department: actor.department,
        divisionCode: actor.divisionCode,
        ...request.query,
      });
      return { items: items.map((r) => presentRecord(r, true)) };
    },
  );
  // Multipart only here: the rest of the API stays JSON-only.
  await app.register(async (scoped: SanquApp) => {
    await acceptFileUploads(scoped, IMPORT_SPEC.limits.maxBytes);
    scoped.post(
      '/records::import',
      {
        schema: {
          tags: ['credit'],
          summary:
            'Import records from a CSV (UTF-8) or XLSX file in the multipart field "file"; one result per row',
          description: `Columns (header row; Chinese headers accepted): ${IMPORT_SPEC.columns.join(', ')}. Required: ${IMPORT_SPEC.required.join(', ')}.`,
          consumes: ['multipart/form-data'],
          response: {
            200: Type.Object({
              format: StringEnum(['csv', 'xlsx'] as const),
              accepted: Type.Integer(),
              duplicates: Type.Integer(),
              rejected: Type.Integer(),
              results: Type.Array(ImportResultSchema),
            }),
            ...errorResponses(400, 401, 403, 413, 415, 422),
          },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorize(request, platform.can, 'credit.record.create', {
          ...creatable,
          divisionCode: actor.divisionCode,
        });
        const file = await readUploadedFile(request, IMPORT_SPEC.limits.maxBytes);
        const { format, results } = await importRecords(credit.records, actor, file, request.id);
        const rows = new Map(results.map((r) => [r.index, r.row]));
        const presented = presentResults(results, languageOf(request)).map((r) => ({
          ...r,
          row: rows.get(r.index)!,
        }));
        return { format, ...summarise(presented) };
      },
    );
  });
}

export function summarise<Result extends { status: string }>(results: Result[]) {
  const count = (status: string) => results.filter((r) => r.status === status).length;
  return {
    accepted: count('accepted'),
    duplicates: count('duplicate'),
    rejected: count('rejected'),
    results,
  };
}
