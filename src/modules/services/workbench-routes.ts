import { Type } from '@sinclair/typebox';
import { authorize, requireActor } from '../../http/authentication';
import { errorResponses, StringEnum } from '../../http/schemas';
import { buildWorkbook, sendWorkbook } from '../../http/spreadsheet';
import { AppError } from '../../kernel/errors';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { CASE_STATES, type CaseState } from './case-workflow';
import { describeDataset, presentCase } from './presenters';
import type { QueueView } from './queue-service';

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

/** /api/v1/services: officers' queues, statistics with Excel export, and each user's notices and data-use log. */
export async function workbenchRoutes(app: SanquApp, platform: Platform) {
  const { services } = platform;
  const tags = ['services'];

  app.get(
    '/queue',
    {
      schema: {
        tags,
        summary:
          'My queue: the department’s cases (handling), the windows’ (receiving) or escalated ones (supervision), by deadline',
        querystring: Type.Object({
          view: Type.Optional(
            StringEnum(['handling', 'receiving', 'supervision'] as const, {
              description: 'default handling',
            }),
          ),
          state: StringEnum(CASE_STATES),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          after: Type.Optional(Type.String({ maxLength: 80 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('ServiceCase')),
            next: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { view, state, limit, after } = request.query;
      const page = await services.queues.queue(actor, {
        view: (view ?? 'handling') as QueueView,
        state: state as CaseState,
        limit: limit ?? 20,
        after,
      });
      const names = new Map((await services.items.list()).map((item) => [item.id, item.name]));
      return {
        items: page.items.map((record) =>
          presentCase(
            record,
            names.get(record.itemId) ?? { zh: record.itemId, en: record.itemId },
            services.views.slaOf(record),
          ),
        ),
        next: page.next,
      };
    },
  );

  const StatisticsQuery = Type.Object({
    division: Type.Optional(
      Type.String({ pattern: '^\\d{6}$', description: 'Default: the officer’s division' }),
    ),
    from: Type.String({ pattern: DATE }),
    to: Type.String({ pattern: DATE }),
  });
  const statistics = async (
    request: { query: { division?: string; from: string; to: string } } & Parameters<typeof requireActor>[0],
  ) => {
    const actor = requireActor(request);
    const division = request.query.division ?? actor.divisionCode ?? '330800';
    authorize(request, platform.can, 'services.statistics.read', {
      type: 'services_statistics',
      divisionCode: division,
    });
    if (request.query.from > request.query.to)
      throw new AppError(422, 'INVALID', 'invalidValue', { reason: 'from must not be after to' });
    return services.statistics(division, request.query.from, request.query.to);
  };
  const Group = Type.Object({
    key: Type.String(),
    cases: Type.Integer(),
    decided: Type.Integer(),
    onTime: Type.Integer(),
    averageWorkingDays: Type.Union([Type.Number(), Type.Null()]),
  });

  app.get(
    '/statistics',
    {
      schema: {
        tags,
        summary:
          'Visits (0, 1, more), on-time rate, mean working days by department, item and city, city pairs',
        querystring: StatisticsQuery,
        response: {
          200: Type.Object({
            divisionCode: Type.String(),
            from: Type.String(),
            to: Type.String(),
            cases: Type.Integer(),
            visits: Type.Object({
              zero: Type.Integer(),
              one: Type.Integer(),
              more: Type.Integer(),
              overPromise: Type.Integer(),
            }),
            decided: Type.Integer(),
            onTime: Type.Integer(),
            byDepartment: Type.Array(Group),
            byItem: Type.Array(Group),
            byCity: Type.Array(Group),
            cityPairs: Type.Array(
              Type.Object({
                receivingCity: Type.String(),
                handlingCity: Type.String(),
                mode: Type.String(),
                cases: Type.Integer(),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403, 422),
        },
      },
    },
    (request) => statistics(request),
  );

  app.get(
    '/statistics.xlsx',
    {
      schema: {
        tags,
        summary: 'The statistics as an Excel workbook (one sheet per grouping)',
        querystring: StatisticsQuery,
        response: {
          200: { description: 'An .xlsx workbook', content: { 'application/octet-stream': { schema: {} } } },
          ...errorResponses(400, 401, 403, 422),
        },
      },
    },
    async (request, reply) => {
      const stats = await statistics(request);
      const names = new Map((await services.items.list()).map((item) => [item.id, item.name.zh]));
      type Row = (typeof stats.byItem)[number];
      const columns = (label: string, name: (row: Row) => string) => [
        { header: label, value: name, width: 30 },
        { header: '办件量', value: (r: Row) => r.cases, numberFormat: '#,##0' },
        { header: '已办结', value: (r: Row) => r.decided, numberFormat: '#,##0' },
        { header: '按时办结', value: (r: Row) => r.onTime, numberFormat: '#,##0' },
        {
          header: '按时率',
          value: (r: Row) => (r.decided ? r.onTime / r.decided : null),
          numberFormat: '0.0%',
        },
        { header: '平均用时（工作日）', value: (r: Row) => r.averageWorkingDays, numberFormat: '0.00' },
      ];
      const workbook = await buildWorkbook<Row>([
        { name: '按部门', columns: columns('部门', (r) => r.key), rows: stats.byDepartment },
        {
          name: '按事项',
          columns: columns('事项', (r) => `${names.get(r.key) ?? ''} ${r.key}`),
          rows: stats.byItem,
        },
        { name: '按城市', columns: columns('城市', (r) => r.key), rows: stats.byCity },
        {
          name: '跑动次数',
          columns: [
            { header: '跑动次数', value: (r) => r.key, width: 20 },
            { header: '办件量', value: (r) => r.cases, numberFormat: '#,##0' },
          ],
          rows: [
            { key: '零跑 0', cases: stats.visits.zero, decided: 0, onTime: 0, averageWorkingDays: null },
            { key: '跑一次 1', cases: stats.visits.one, decided: 0, onTime: 0, averageWorkingDays: null },
            { key: '多次 >1', cases: stats.visits.more, decided: 0, onTime: 0, averageWorkingDays: null },
            {
              key: '超过承诺',
              cases: stats.visits.overPromise,
              decided: 0,
              onTime: 0,
              averageWorkingDays: null,
            },
          ],
        },
      ]);
      return sendWorkbook(
        reply,
        `一网通办统计-${stats.divisionCode}-${stats.from}-${stats.to}.xlsx`,
        workbook,
      );
    },
  );

  app.get(
    '/me/notices',
    {
      schema: {
        tags,
        summary: 'Notices about my cases (applicant) or my office’s (officer), newest first',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                caseId: Type.String(),
                kind: Type.String(),
                createdAt: Type.String(),
                read: Type.Boolean(),
              }),
            ),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { items: await services.views.notices(actor) };
    },
  );

  app.get(
    '/me/data-access',
    {
      schema: {
        tags,
        summary: '数据使用记录: who read my data, from which registry, which fields, for which case, when',
        querystring: Type.Object({ before: Type.Optional(Type.Integer({ minimum: 1 })) }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                seq: Type.Integer(),
                occurredAt: Type.String(),
                reader: Type.String({ description: 'The office or body, or the role' }),
                dataset: Type.String(),
                datasetName: Type.Object({ zh: Type.String(), en: Type.String() }),
                fields: Type.Array(Type.String()),
                fieldNames: Type.Array(Type.Object({ zh: Type.String(), en: Type.String() })),
                purpose: Type.String(),
                caseId: Type.Union([Type.String(), Type.Null()]),
                withConsent: Type.Boolean(),
              }),
            ),
            next: Type.Union([Type.Integer(), Type.Null()]),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if ((actor.role !== 'resident' && actor.role !== 'enterprise_agent') || !actor.subjectId)
        throw new AppError(403, 'FORBIDDEN', 'forbidden');
      const page = await platform.exchange.accessLog(
        { type: actor.role === 'resident' ? 'resident' : 'enterprise', id: actor.subjectId },
        { limit: 50, before: request.query.before },
      );
      return {
        items: page.items.map((entry) => ({
          seq: entry.seq,
          occurredAt: entry.occurredAt,
          reader: entry.actor.organisation ?? entry.actor.role,
          dataset: entry.dataset,
          fields: entry.fields,
          ...describeDataset(platform.registries, entry.dataset, entry.fields),
          purpose: entry.purpose,
          caseId: entry.caseId,
          withConsent: entry.consentId !== null,
        })),
        next: page.next,
      };
    },
  );
}
