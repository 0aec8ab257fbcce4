import { type Kysely, sql } from 'kysely';
import type { CarbonTables } from './carbon.tables';
import type { ClosablePeriod } from './close-period';

/** A county's personal figures for a closed month. */
export interface PersonalCountyTotals {
  countyCode: string;
  residents: number;
  events: number;
  grams: number;
  points: number;
}

/**
 * 个人碳账户月度结算 — replaces the month's per-resident results with one set-based INSERT … SELECT … GROUP BY over
 * the month's non-reversed behaviour events (the figure the carbon-close benchmark measures), then totals them by
 * county. Runs inside the caller's transaction, so the old results stay visible until the new ones commit.
 */
export async function closePersonalResults(
  trx: Kysely<CarbonTables>,
  period: ClosablePeriod,
  runId: string,
): Promise<PersonalCountyTotals[]> {
  await trx.deleteFrom('carbon_personal_results').where('period', '=', period.period).execute();
  // Aggregate first, then join the (far fewer) per-resident rows to their accounts. Grouping on `subject_id || ''`
  // keeps SQLite from walking the (subject, day) index with a table lookup per event: a scan and a sort are 5×
  // faster over a month of the city's events. PostgreSQL hash-aggregates either way.
  const grouped = trx
    .selectFrom('carbon_behaviour_events')
    .select([
      sql<string>`subject_id || ''`.as('subject_id'),
      (f) => f.fn.countAll().as('events'),
      (f) => f.fn.sum('grams').as('grams'),
      (f) => f.fn.sum('points').as('points'),
    ])
    .where('day', '>=', period.firstDay)
    .where('day', '<=', period.lastDay)
    .where('reversed_at', 'is', null)
    .groupBy(sql`subject_id || ''`)
    .as('g');
  // The county is the account's, not the ID number's prefix: people move, their ID numbers do not.
  await trx
    .insertInto('carbon_personal_results')
    .columns(['period', 'subject_id', 'county_code', 'events', 'grams', 'points', 'run_id'])
    .expression((eb) =>
      eb
        .selectFrom(grouped)
        .innerJoin('carbon_accounts as a', (join) =>
          join
            .onRef('a.subject_id', '=', 'g.subject_id')
            .on('a.subject_type', '=', 'resident')
            .on('a.domain', '=', 'household_life'),
        )
        .select([
          sql<string>`cast(${period.period} as text)`.as('period'),
          'g.subject_id',
          'a.county_code',
          'g.events',
          'g.grams',
          'g.points',
          sql<string>`cast(${runId} as text)`.as('run_id'),
        ]),
    )
    .execute();
  const rows = await trx
    .selectFrom('carbon_personal_results')
    .select([
      'county_code',
      (f) => f.fn.countAll<number>().as('residents'),
      (f) => f.fn.sum<number>('events').as('events'),
      (f) => f.fn.sum<number>('grams').as('grams'),
      (f) => f.fn.sum<number>('points').as('points'),
    ])
    .where('period', '=', period.period)
    .groupBy('county_code')
    .orderBy('county_code')
    .execute();
  return rows.map((r) => ({
    countyCode: r.county_code,
    residents: Number(r.residents),
    events: Number(r.events),
    grams: Number(r.grams),
    points: Number(r.points),
  }));
}
