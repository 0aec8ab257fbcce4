import { sql } from 'kysely';
import { type SanquDatabase, tablesOf } from '../../kernel/db';
import type { RegistryService } from '../registry';
import type { CarbonTables } from './carbon.tables';
import { FOUR_COLOUR_LABELS, type FourColourLabel } from './four-colour';

/** Enterprises per label, plus those the close could not label (no value added). */
export type LabelCounts = Record<FourColourLabel | 'none', number>;

export interface LabelDistribution {
  period: string;
  countyCode: string | null;
  total: LabelCounts;
  byCounty: ({ countyCode: string } & LabelCounts)[];
  /** By GB/T 4754 division (section letter + 2 digits, e.g. C26): classes are too fine for a chart. */
  byIndustry: ({ division: string } & LabelCounts)[];
}

export interface EnterpriseResultRow {
  uscc: string;
  name: string;
  countyCode: string;
  industryCode: string;
  industryName: string;
  tonnes: number;
  /** 万元 */
  valueAdded: number | null;
  intensity: number | null;
  industryAverage: number | null;
  k: number | null;
  grade: number | null;
  level: string | null;
  label: FourColourLabel | null;
}

export interface ResultQuery {
  period: string;
  countyCode: string | null;
  label: FourColourLabel | null;
  limit: number;
  offset: number;
}

const emptyCounts = (): LabelCounts => ({ 深绿: 0, 浅绿: 0, 黄: 0, 红: 0, none: 0 });
const labelKey = (label: string | null): keyof LabelCounts =>
  label !== null && (FOUR_COLOUR_LABELS as readonly string[]).includes(label)
    ? (label as FourColourLabel)
    : 'none';

export type IndustrialOverviewService = ReturnType<typeof createIndustrialOverviewService>;

/**
 * 贴标分布 — what officers look at after a close: labels by county and industry, and the labelled enterprises
 * themselves (for the list and its Excel export). Reads the closed results only; names come from the registry.
 */
export function createIndustrialOverviewService(database: SanquDatabase, registry: RegistryService) {
  const db = tablesOf<CarbonTables>(database.db);

  /** The closed rows of a period, optionally of one county. */
  function resultsOf(period: string, countyCode: string | null) {
    let query = db.selectFrom('carbon_enterprise_results').where('period', '=', period);
    if (countyCode) query = query.where('county_code', '=', countyCode);
    return query;
  }

  return {
    /** The latest period with closed enterprise results, or null before the first close. */
    async latestClosedPeriod(): Promise<string | null> {
      const row = await db
        .selectFrom('carbon_enterprise_results')
        .select((eb) => eb.fn.max('period').as('period'))
        .executeTakeFirst();
      return row?.period ?? null;
    },

    async labelDistribution(period: string, countyCode: string | null): Promise<LabelDistribution> {
      const division = sql<string>`substr(industry_code, 1, 3)`;
      const [byCounty, byIndustry] = await Promise.all([
        resultsOf(period, countyCode)
          .select(['county_code', 'label', (eb) => eb.fn.countAll<string | number>().as('n')])
          .groupBy(['county_code', 'label'])
          .execute(),
        resultsOf(period, countyCode)
          .select([division.as('division'), 'label', (eb) => eb.fn.countAll<string | number>().as('n')])
          .groupBy([division, 'label'])
          .execute(),
      ]);
      const total = emptyCounts();
      const counties = new Map<string, LabelCounts>();
      for (const row of byCounty) {
        const counts = counties.get(row.county_code) ?? emptyCounts();
        counts[labelKey(row.label)] += Number(row.n);
        total[labelKey(row.label)] += Number(row.n);
        counties.set(row.county_code, counts);
      }
      const divisions = new Map<string, LabelCounts>();
      for (const row of byIndustry) {
        const counts = divisions.get(row.division) ?? emptyCounts();
        counts[labelKey(row.label)] += Number(row.n);
        divisions.set(row.division, counts);
      }
      return {
        period,
        countyCode,
        total,
        byCounty: [...counties]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([code, c]) => ({ countyCode: code, ...c })),
        byIndustry: [...divisions]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([d, c]) => ({ division: d, ...c })),
      };
    },

    /** Labelled enterprises of a period, worst label and highest intensity first: who needs attention. */
    async results(query: ResultQuery): Promise<{ total: number; items: EnterpriseResultRow[] }> {
      let base = resultsOf(query.period, query.countyCode);
      if (query.label) base = base.where('label', '=', query.label);
      const [count, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
        base
          .selectAll()
          .orderBy(
            sql`case label when '红' then 0 when '黄' then 1 when '浅绿' then 2 when '深绿' then 3 else 4 end`,
          )
          .orderBy('intensity', 'desc')
          .orderBy('uscc')
          .limit(query.limit)
          .offset(query.offset)
          .execute(),
      ]);
      const names = new Map(
        (await registry.enterprisesByUscc(rows.map((r) => r.uscc))).map((e) => [e.uscc, e]),
      );
      return {
        total: Number(count?.n ?? 0),
        items: rows.map((r) => ({
          uscc: r.uscc,
          name: names.get(r.uscc)?.name ?? r.uscc,
          countyCode: r.county_code,
          industryCode: r.industry_code,
          industryName: names.get(r.uscc)?.industryName ?? '',
          tonnes: Math.round(r.grams_total / 10_000) / 100,
          valueAdded: r.value_added_fen === null ? null : r.value_added_fen / 1_000_000,
          intensity: r.intensity,
          industryAverage: r.industry_average,
          k: r.k,
          grade: r.grade,
          level: r.level,
          label: r.label === null ? null : (labelKey(r.label) as FourColourLabel),
        })),
      };
    },
  };
}
