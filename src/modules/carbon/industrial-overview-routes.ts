import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { authorize, requireActor } from '../../http/authentication';
import { errorResponses, Strict, StringEnum } from '../../http/schemas';
import { buildWorkbook, type SheetColumn, sendWorkbook } from '../../http/spreadsheet';
import { AppError } from '../../kernel/errors';
import type { SanquApp } from '../../kernel/module';
import type { Platform } from '../../platform';
import { FOUR_COLOUR_LABELS, type FourColourLabel } from './four-colour';
import type { EnterpriseResultRow, IndustrialOverviewService } from './industrial-overview-service';
import { PERIOD_PATTERN } from './periods';

const CITY = '330800';
/** An export is one sheet an officer can open; the city has about 5,000 labelled enterprises a month. */
const MAX_EXPORT_ROWS = 50_000;

const Counts = {
  深绿: Type.Integer(),
  浅绿: Type.Integer(),
  黄: Type.Integer(),
  红: Type.Integer(),
  none: Type.Integer({ description: 'Closed without a label (no value added)' }),
};
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) => Type.Union([s, Type.Null()]);

const DistributionSchema = Type.Object({
  period: Type.String(),
  countyCode: Nullable(Type.String()),
  total: Type.Object(Counts),
  byCounty: Type.Array(Type.Object({ countyCode: Type.String(), countyName: Type.String(), ...Counts })),
  byIndustry: Type.Array(Type.Object({ division: Type.String(), ...Counts })),
});

const ResultRowSchema = Type.Object({
  uscc: Type.String(),
  name: Type.String(),
  countyCode: Type.String(),
  industryCode: Type.String(),
  industryName: Type.String(),
  tonnes: Type.Number(),
  valueAdded: Nullable(Type.Number({ description: '万元' })),
  intensity: Nullable(Type.Number()),
  industryAverage: Nullable(Type.Number()),
  k: Nullable(Type.Number()),
  grade: Nullable(Type.Integer()),
  level: Nullable(Type.String()),
  label: Nullable(StringEnum(FOUR_COLOUR_LABELS)),
});

const Filters = {
  period: Type.Optional(
    Type.String({ pattern: PERIOD_PATTERN, description: 'Default: the latest closed month' }),
  ),
  county: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
};

/**
 * /api/v1/carbon/enterprises/{overview,results,results.xlsx}: the officers' view of labels after a close. A
 * county officer sees their county; the city sees all; the same rule as the close statistics.
 */
export async function industrialOverviewRoutes(app: SanquApp, platform: Platform) {
  const overview = (): IndustrialOverviewService => platform.carbon.overview;
  const countyName = (code: string) => platform.divisions.get(code)?.name ?? code;

  /**
   * The county the request is about (asked, or the officer's own), authorised for `action`; then the period.
   * Counts per county and division are statistics (`carbon.close.read`, any officer in jurisdiction); the
   * per-enterprise rows carry an enterprise's value added and emissions, so they need what reading its account
   * needs (`carbon.activity.read`: the economy and ecology bureaus in jurisdiction, auditors).
   */
  async function scope(
    request: FastifyRequest,
    query: { period?: string; county?: string },
    action: 'carbon.close.read' | 'carbon.activity.read',
  ) {
    const actor = requireActor(request);
    const own = actor.role === 'officer' && actor.divisionCode?.length === 6 ? actor.divisionCode : CITY;
    const county = query.county ?? (own === CITY ? null : own);
    authorize(request, platform.can, action, { type: 'carbon_close', divisionCode: county ?? CITY });
    const period = query.period ?? (await overview().latestClosedPeriod());
    if (!period) throw new AppError(404, 'CLOSE_NOT_RUN', 'closeNotRun', { period: '—' });
    return { county: county === CITY ? null : county, period };
  }

  app.get(
    '/enterprises/overview',
    {
      schema: {
        tags: ['carbon'],
        summary:
          'Four-colour labels of a closed month by county and industry division (officers in jurisdiction)',
        querystring: Type.Object(Filters, Strict),
        response: { 200: DistributionSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { county, period } = await scope(request, request.query, 'carbon.close.read');
      const distribution = await overview().labelDistribution(period, county);
      return {
        ...distribution,
        byCounty: distribution.byCounty.map((c) => ({ ...c, countyName: countyName(c.countyCode) })),
      };
    },
  );

  const ResultFilters = { ...Filters, label: Type.Optional(StringEnum(FOUR_COLOUR_LABELS)) };

  app.get(
    '/enterprises/results',
    {
      schema: {
        tags: ['carbon'],
        summary:
          'Closed enterprise results of a month, worst label first (economy and ecology officers in jurisdiction, auditors)',
        querystring: Type.Object(
          {
            ...ResultFilters,
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
            offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
          },
          Strict,
        ),
        response: {
          200: Type.Object({
            period: Type.String(),
            total: Type.Integer(),
            items: Type.Array(ResultRowSchema),
          }),
          ...errorResponses(401, 403, 404, 422),
        },
      },
    },
    async (request) => {
      const { county, period } = await scope(request, request.query, 'carbon.activity.read');
      const { limit, offset } = request.query;
      const label = (request.query.label ?? null) as FourColourLabel | null;
      const page = await overview().results({
        period,
        countyCode: county,
        label: label ?? null,
        limit,
        offset,
      });
      return { period, ...page };
    },
  );

  app.get(
    '/enterprises/results.xlsx',
    {
      schema: {
        tags: ['carbon'],
        summary:
          'The same results as an Excel workbook (economy and ecology officers in jurisdiction, auditors)',
        querystring: Type.Object(ResultFilters, Strict),
        response: {
          200: { description: 'An .xlsx workbook', content: { 'application/octet-stream': { schema: {} } } },
          ...errorResponses(401, 403, 404, 422),
        },
      },
    },
    async (request, reply) => {
      const { county, period } = await scope(request, request.query, 'carbon.activity.read');
      const label = (request.query.label ?? null) as FourColourLabel | null;
      const { items } = await overview().results({
        period,
        countyCode: county,
        label,
        limit: MAX_EXPORT_ROWS,
        offset: 0,
      });
      const columns: SheetColumn<EnterpriseResultRow>[] = [
        { header: '统一社会信用代码', value: (r) => r.uscc, width: 22 },
        { header: '企业名称', value: (r) => r.name, width: 32 },
        { header: '县（市、区）', value: (r) => countyName(r.countyCode), width: 12 },
        { header: '行业代码', value: (r) => r.industryCode, width: 10 },
        { header: '行业', value: (r) => r.industryName, width: 24 },
        { header: '排放量（吨）', value: (r) => r.tonnes, numberFormat: '#,##0.00' },
        { header: '增加值（万元）', value: (r) => r.valueAdded, numberFormat: '#,##0.00' },
        { header: '碳排放强度（t/万元）', value: (r) => r.intensity, numberFormat: '0.0000', width: 18 },
        { header: '行业平均强度', value: (r) => r.industryAverage, numberFormat: '0.0000' },
        { header: 'K', value: (r) => r.k, numberFormat: '0.0000', width: 8 },
        { header: '碳效等级', value: (r) => r.grade, width: 9 },
        { header: '碳效水平', value: (r) => r.level, width: 9 },
        { header: '贴标', value: (r) => r.label, width: 8 },
      ];
      const workbook = await buildWorkbook([{ name: `贴标结果 ${period}`, columns, rows: items }]);
      const where = county ? countyName(county) : '衢州市';
      return sendWorkbook(reply, `碳效贴标-${where}-${period}${label ? `-${label}` : ''}.xlsx`, workbook);
    },
  );
}
