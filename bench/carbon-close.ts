// The monthly close over a city's month (issue 3, "Performance"): 2.4M personal accounts with ≥ 10M behaviour
// events in one month and 5,000 enterprises with a month of activity, on SQLite. The data are written with raw
// set-based SQL into a fresh database migrated by the platform (the ingest path is not what is measured; secondary
// indexes of the events table are dropped for the load and rebuilt from their migrated DDL).
//
// carbon-close: seconds of `platform.carbon.close.run(period)` — expiry, per-resident results (INSERT … SELECT …
// GROUP BY), the industrial close, farms, statistics, run row and audit. Baseline, same run: a bare SQL aggregate
// producing the same sums (per resident count, grams and points over the month's non-reversed events, and per
// enterprise and kind the month's activity), read to the end with better-sqlite3. It scans and sorts (NOT INDEXED):
// left to itself SQLite walks the (subject, day) index with a table lookup per event, 5× slower at this size.
// Warmed once; then baseline, close, baseline, close, baseline; ratio = median close / median baseline (the machine
// is shared, so single timings vary by half). Target: ratio ≤ 2.
//
//   node --import tsx bench/carbon-close.ts [--scale 0.05]      (or CARBON_CLOSE_SCALE=0.05 npm run bench -- carbon-close)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { previousMonth } from '../src/modules/carbon/close-fixtures';
import { openPlatform } from '../src/platform';

const argScale = process.argv.indexOf('--scale');
const SCALE = Number(argScale > 0 ? process.argv[argScale + 1] : (process.env.CARBON_CLOSE_SCALE ?? 1));
if (!(SCALE > 0 && SCALE <= 1)) throw new Error('--scale must be in (0, 1]');
const RESIDENTS = Math.round(2_400_000 * SCALE);
const EVENTS = Math.round(10_200_000 * SCALE);
const ENTERPRISES = Math.max(50, Math.round(5_000 * SCALE));
const COUNTIES = ['330802', '330803', '330822', '330824', '330825', '330881'];
const INDUSTRIES = ['C2221', 'C2614', 'C3011', 'C3982', 'C2710', 'C3311', 'C1713', 'C2929'];
const PERIOD = previousMonth();

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const seconds = (started: number) => (performance.now() - started) / 1000;

const dir = mkdtempSync(join(tmpdir(), 'sanqu-bench-close-'));
try {
  const started = performance.now();
  const platform = await openPlatform({ dialect: 'sqlite', file: join(dir, 'close.db') });
  const sqlite = platform.database.sqlite;
  if (!sqlite) throw new Error('the benchmark runs on SQLite');
  const countyOf = (r: string) => `substr('${COUNTIES.join('')}', (${r} % 6) * 6 + 1, 6)`;
  const residentId = (r: string) => `${countyOf(r)} || printf('%012d', ${r})`;
  const [year, month] = PERIOD.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const secondary = sqlite
    .prepare(
      "select name, sql from sqlite_master where type = 'index' and tbl_name = 'carbon_behaviour_events' and sql is not null",
    )
    .all() as { name: string; sql: string }[];
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `with recursive n(r) as (select 0 union all select r + 1 from n where r < ${RESIDENTS - 1})
         insert into carbon_accounts (account_no, subject_type, subject_id, domain, county_code, opened_at)
         select 'HL-' || ${countyOf('r')} || '-' || printf('%07d', r / 6 + 1), 'resident', ${residentId('r')},
           'household_life', ${countyOf('r')}, '2021-06-01T00:00:00.000Z' from n`,
      )
      .run();
    for (const index of secondary) sqlite.exec(`drop index ${index.name}`);
    // Residents drawn by a multiplicative hash, so one resident's events are spread through the file as they
    // would be after a month of ingestion in arrival order; 1 event in 1,000 reversed.
    sqlite
      .prepare(
        `with recursive n(i) as (select 0 union all select i + 1 from n where i < ${EVENTS - 1}),
         e as (select i, (i * 2654435761) % ${RESIDENTS} as r, (i % ${days}) + 1 as d, 100 + (i * 37) % 2000 as g from n)
         insert into carbon_behaviour_events (source, event_id, subject_id, behaviour, amount, occurred_at, day,
           credited_milli, grams, points, capped, expires_on, ledger_transaction_id, received_at, reversed_at)
         select 'bench', printf('e%010d', i), ${residentId('r')}, 'bus_trip', 1,
           printf('${PERIOD}-%02dT04:00:00.000Z', d), printf('${PERIOD}-%02d', d), 1000, g, g / 10, 0,
           printf('${year + 2}-${String(month).padStart(2, '0')}-%02d', d), null, '${PERIOD}-28T00:00:00.000Z',
           case when i % 1000 = 999 then '${PERIOD}-28T00:00:00.000Z' end
         from e`,
      )
      .run();
    for (const index of secondary) sqlite.exec(index.sql);
    sqlite
      .prepare(
        `with recursive n(k) as (select 0 union all select k + 1 from n where k < ${ENTERPRISES - 1})
         insert into registry_enterprises (uscc, name, industry_code, industry_name, lead_industry, county_code,
           township_code, above_scale, output_value_fen, employees, registered_at)
         select '91' || ${countyOf('k')} || printf('%010d', k), 'bench enterprise ' || k,
           substr('${INDUSTRIES.join('')}', (k % ${INDUSTRIES.length}) * 5 + 1, 5), 'bench', null, ${countyOf('k')},
           ${countyOf('k')} || '100', 1, 5000000000, 120, '2015-01-01' from n`,
      )
      .run();
    for (const [kind, unit, base] of [
      ['electricity', 'kWh', 400_000],
      ['raw_coal', 't', 300],
      ['natural_gas', '10^4Nm3', 20],
    ] as const)
      sqlite
        .prepare(
          `insert into carbon_enterprise_activity (uscc, period, kind, amount, unit, channel, entered_by, entered_at,
             warning, warning_detail, confirmed_by, confirmed_at)
           select uscc, '${PERIOD}', '${kind}', ${base} * (1 + (rowid % 17) / 10.0), '${unit}', 'seed', null,
             '${PERIOD}-28T00:00:00.000Z', 0, null, null, null from registry_enterprises`,
        )
        .run();
    sqlite
      .prepare(
        `insert into carbon_enterprise_value_added (uscc, period, value_added_fen, channel, entered_by, entered_at)
         select uscc, '${PERIOD}', 80000000000 + (rowid % 13) * 5000000000, 'seed', null, '${PERIOD}-28T00:00:00.000Z'
         from registry_enterprises`,
      )
      .run();
  })();
  console.log(
    `prepared ${fmt(RESIDENTS)} personal accounts, ${fmt(EVENTS)} events in ${PERIOD}, ${fmt(ENTERPRISES)} enterprises (scale ${SCALE}) in ${seconds(started).toFixed(1)} s`,
  );

  const baseline = () => {
    const t0 = performance.now();
    let residents = 0;
    let grams = 0;
    let points = 0;
    for (const row of sqlite
      .prepare(
        `select subject_id, count(*) as events, sum(grams) as grams, sum(points) as points
         from carbon_behaviour_events not indexed
         where day >= ? and day <= ? and reversed_at is null group by subject_id`,
      )
      .iterate(`${PERIOD}-01`, `${PERIOD}-${days}`) as IterableIterator<{ grams: number; points: number }>) {
      residents++;
      grams += row.grams;
      points += row.points;
    }
    const activity = sqlite
      .prepare(
        `select uscc, kind, sum(amount) as amount from carbon_enterprise_activity where period = ? group by uscc, kind`,
      )
      .all(PERIOD).length;
    return { seconds: seconds(t0), residents, grams, points, activity };
  };

  // The machine is shared: interleave two closes with three baselines and compare medians. The second close also
  // shows a re-run at city scale (it replaces the month's results).
  baseline(); // warm the page cache for both sides
  const baselines = [baseline()];
  const closes: number[] = [];
  let last: Awaited<ReturnType<typeof platform.carbon.close.run>> | null = null;
  const phases: string[] = [];
  for (let round = 0; round < 2; round++) {
    // Phase timings from the close's own progress reports (expiry, personal results, enterprises, farms).
    let phase = { label: '', at: 0 };
    const progress = {
      start: (label: string) => {
        phase = { label, at: performance.now() };
      },
      increment: () => {},
      stop: () =>
        phases.push(
          `${round + 1}: ${phase.label.replace(/^carbon[: ]+/, '')} ${seconds(phase.at).toFixed(2)} s`,
        ),
    };
    const t0 = performance.now();
    last = await platform.carbon.close.run(PERIOD, { startedBy: 'bench', progress });
    closes.push(seconds(t0));
    baselines.push(baseline());
  }
  const { run, statistics } = last!;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const close = median(closes);
  const base = median(baselines.map((b) => b.seconds));
  const reference = baselines[0]!;
  const same =
    statistics.personal.residents === reference.residents &&
    statistics.personal.grams === reference.grams &&
    statistics.personal.points === reference.points;
  console.log(
    `close ${PERIOD}: ${closes.map((c) => c.toFixed(2)).join(' s, ')} s (run ${run.id}: ${fmt(run.residents)} residents, ${fmt(run.enterprises)} enterprises, ${fmt(run.farms)} farms); ` +
      `bare aggregate ${baselines.map((b) => b.seconds.toFixed(2)).join(' s, ')} s (${fmt(reference.residents)} residents, ${fmt(reference.activity)} enterprise-kind sums); same sums: ${same}`,
  );
  console.log(`phases: ${phases.join('; ')}`);
  if (!same) throw new Error('the close and the bare aggregate disagree');
  console.log(
    `RESULT carbon-close ${(close / base).toFixed(3)} ratio close=${close.toFixed(2)}s baseline=${base.toFixed(2)}s events=${EVENTS} residents=${RESIDENTS} enterprises=${ENTERPRISES}`,
  );
  await platform.database.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
