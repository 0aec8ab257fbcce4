import { sql } from 'kysely';
import { type SanquDatabase, tablesOf } from '../../kernel/db';
import { divisionCodeRange } from '../../kernel/divisions';
import type { ServicesTables } from './services.tables';

export interface GroupFigures {
  key: string;
  cases: number;
  /** Decided cases (approved, denied or delivered after a decision). */
  decided: number;
  onTime: number;
  /** Mean working days from acceptance to decision, null when none decided. */
  averageWorkingDays: number | null;
}

export interface ServicesStatistics {
  divisionCode: string;
  from: string;
  to: string;
  cases: number;
  /** 最多跑一次: cases by visits (0, 1, more) and those above their item's promise. */
  visits: { zero: number; one: number; more: number; overPromise: number };
  decided: number;
  onTime: number;
  byDepartment: GroupFigures[];
  byItem: GroupFigures[];
  byCity: GroupFigures[];
  /** 跨省通办: receiving city → handling city, by mode. */
  cityPairs: { receivingCity: string; handlingCity: string; mode: string; cases: number }[];
}

/**
 * 统计 — the share of cases with 0, 1 and more visits, the on-time rate and the mean working days by department,
 * item and city, and cases per city pair, over cases submitted on the China dates [from, to] and handled in the
 * division or received at its windows. One pass of SQL
 * aggregates each; working days are stored on the case when it is decided.
 */
export function createStatisticsService(database: SanquDatabase) {
  const db = tablesOf<ServicesTables>(database.db);
  const city = sql<string>`substr(handling_division, 1, 4) || '00'`;

  return async function statistics(
    divisionCode: string,
    from: string,
    to: string,
  ): Promise<ServicesStatistics> {
    const range = divisionCodeRange(divisionCode);
    // Cases handled in the division, or received at its windows (a Shangrao window sees the Quzhou cases it took in).
    // Dates are China dates: submitted_at is UTC, so the bounds are the days' midnights in +08:00.
    const start = new Date(`${from}T00:00:00+08:00`).toISOString();
    const end = new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000).toISOString();
    const scoped = () =>
      db
        .selectFrom('services_cases')
        .where((eb) =>
          eb.or([
            eb.and([eb('handling_division', '>=', range.from), eb('handling_division', '<', range.to)]),
            eb.and([eb('receiving_division', '>=', range.from), eb('receiving_division', '<', range.to)]),
          ]),
        )
        .where('submitted_at', '>=', start)
        .where('submitted_at', '<', end);
    const figures = (key: ReturnType<typeof sql<string>> | 'department' | 'item_id') =>
      scoped()
        .select([
          (typeof key === 'string' ? sql<string>`${sql.ref(key)}` : key).as('key'),
          sql<number>`count(*)`.as('cases'),
          sql<number>`count(working_days)`.as('decided'),
          sql<number>`sum(case when working_days <= limit_days then 1 else 0 end)`.as('on_time'),
          sql<number | null>`avg(working_days)`.as('average'),
        ])
        .groupBy(typeof key === 'string' ? key : key)
        .orderBy('key')
        .execute();
    const [totals, departments, items, cities, pairs] = await Promise.all([
      scoped()
        .select([
          sql<number>`count(*)`.as('cases'),
          sql<number>`sum(case when visits = 0 then 1 else 0 end)`.as('zero'),
          sql<number>`sum(case when visits = 1 then 1 else 0 end)`.as('one'),
          sql<number>`sum(case when visits > 1 then 1 else 0 end)`.as('more'),
          sql<number>`sum(case when visits > (case when channel = 'window' and max_visits < 1 then 1 else max_visits end) then 1 else 0 end)`.as(
            'over',
          ),
          sql<number>`count(working_days)`.as('decided'),
          sql<number>`sum(case when working_days <= limit_days then 1 else 0 end)`.as('on_time'),
        ])
        .executeTakeFirstOrThrow(),
      figures('department'),
      figures('item_id'),
      figures(city),
      scoped()
        .select([
          sql<string>`substr(receiving_division, 1, 4) || '00'`.as('receiving'),
          city.as('handling'),
          'mode',
          sql<number>`count(*)`.as('cases'),
        ])
        .where('mode', '!=', 'local')
        .groupBy([sql`substr(receiving_division, 1, 4) || '00'`, city, 'mode'])
        .execute(),
    ]);
    const group = (
      rows: { key: string; cases: number; decided: number; on_time: number | null; average: number | null }[],
    ) =>
      rows.map((row) => ({
        key: row.key,
        cases: Number(row.cases),
        decided: Number(row.decided),
        onTime: Number(row.on_time ?? 0),
        averageWorkingDays: row.average === null ? null : Math.round(Number(row.average) * 100) / 100,
      }));
    return {
      divisionCode,
      from,
      to,
      cases: Number(totals.cases),
      visits: {
        zero: Number(totals.zero ?? 0),
        one: Number(totals.one ?? 0),
        more: Number(totals.more ?? 0),
        overPromise: Number(totals.over ?? 0),
      },
      decided: Number(totals.decided),
      onTime: Number(totals.on_time ?? 0),
      byDepartment: group(departments),
      byItem: group(items),
      byCity: group(cities),
      cityPairs: pairs.map((row) => ({
        receivingCity: row.receiving,
        handlingCity: row.handling,
        mode: row.mode,
        cases: Number(row.cases),
      })),
    };
  };
}
