// Full-city seed: generates Quzhou at full scale (2.57M residents, their households, 40,000 enterprises, 1,482
// village collectives, farms) into a fresh SQLite file through the same path as `sanqu seed --scale full`
// (open + migrate, demo logins, every module's seed hook). Baseline, measured in the same run: the same rows,
// generated beforehand, inserted with raw better-sqlite3 prepared statements in one transaction into the same
// schema (the registry migration, indexes included). Target: under 60 s on a 2-core machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from '../src/kernel/db';
import { createDivisionService } from '../src/kernel/divisions';
import type { Progress } from '../src/kernel/progress';
import { accountNumber, carbonModule, DEFAULT_DOMAIN, type SubjectType } from '../src/modules/carbon';
import { planRegistry, registryModule } from '../src/modules/registry';
import { generateEnterprises } from '../src/modules/registry/generate-enterprises';
import { generateTownship } from '../src/modules/registry/generate-population';
import { openPlatform } from '../src/platform';
import { seedCity } from '../src/seed';

const SEED = 20261129;
type Row = (string | number | null)[];

/** Prints each phase of the seed with its duration, so a slow step stands out. */
function phaseTimer(): Progress {
  let label = '';
  let total = 0;
  let started = 0;
  return {
    start(newLabel, newTotal) {
      label = newLabel;
      total = newTotal;
      started = performance.now();
    },
    increment() {},
    stop() {
      console.log(
        `  ${label}: ${total.toLocaleString('en')} in ${((performance.now() - started) / 1000).toFixed(2)} s`,
      );
    },
  };
}

async function seedPath(dir: string) {
  const started = performance.now();
  const platform = await openPlatform({ dialect: 'sqlite', file: join(dir, 'seed.db') });
  await seedCity(platform, { scale: 'full', seed: SEED, progress: phaseTimer() });
  const seconds = (performance.now() - started) / 1000;
  const countStarted = performance.now();
  const counts = await platform.registry.countsByCounty();
  const countMs = performance.now() - countStarted;
  const rows =
    counts.reduce((sum, c) => sum + c.residents + c.households + c.enterprises + c.collectives + c.farms, 0) +
    (await platform.carbon.accounts.count());
  const residents = counts.reduce((sum, c) => sum + c.residents, 0);
  await platform.database.close();
  console.log(`  countsByCounty over the loaded city: ${countMs.toFixed(0)} ms`);
  return { seconds, rows, residents };
}

function generateRows() {
  const plan = planRegistry(createDivisionService(), 'full', SEED);
  const tables: Record<string, Row[]> = {
    registry_enterprises: [],
    carbon_accounts: [],
    registry_residents: [],
    registry_households: [],
    registry_collectives: [],
    registry_farms: [],
  };
  const firms = generateEnterprises(plan);
  for (const e of firms.enterprises) tables.registry_enterprises!.push(Object.values(e));
  const farms = [];
  const people: { resident_id: string; division_code: string }[] = [];
  for (const township of plan.townships) {
    const population = generateTownship(plan, township);
    for (const r of population.residents) {
      tables.registry_residents!.push(Object.values(r));
      people.push({ resident_id: r.resident_id, division_code: r.division_code });
    }
    for (const h of population.households) tables.registry_households!.push(Object.values(h));
    for (const c of population.collectives) tables.registry_collectives!.push(Object.values(c));
    farms.push(...population.farms);
  }
  farms.push(...firms.farms);
  for (const [i, f] of farms.entries()) tables.registry_farms!.push([i + 1, ...Object.values(f)]);
  tables.carbon_accounts = carbonAccountRows(
    people,
    firms.enterprises,
    farms.map((f, i) => ({ id: i + 1, division_code: f.division_code })),
  );
  return tables;
}

/** The carbon accounts the seed opens: one per resident, enterprise and farm, numbered per county in key order. */
function carbonAccountRows(
  residents: { resident_id: string; division_code: string }[],
  enterprises: { uscc: string; county_code: string }[],
  farms: { id: number; division_code: string }[],
): Row[] {
  const sequences = new Map<string, number>();
  const openedAt = new Date().toISOString();
  const rows: Row[] = [];
  const add = (type: SubjectType, id: string, county: string) => {
    const domain = DEFAULT_DOMAIN[type];
    const sequence = (sequences.get(`${domain}:${county}`) ?? 0) + 1;
    sequences.set(`${domain}:${county}`, sequence);
    rows.push([accountNumber(domain, county, sequence), type, id, domain, county, openedAt]);
  };
  for (const r of [...residents].sort((a, b) => (a.resident_id < b.resident_id ? -1 : 1))) {
    add('resident', r.resident_id, r.division_code.slice(0, 6));
  }
  for (const e of [...enterprises].sort((a, b) => (a.uscc < b.uscc ? -1 : 1)))
    add('enterprise', e.uscc, e.county_code);
  for (const f of farms) add('farm', String(f.id), f.division_code.slice(0, 6));
  return rows;
}

async function baseline(dir: string, tables: Record<string, Row[]>, dropIndexes: boolean, file: string) {
  const database = openDatabase({ dialect: 'sqlite', file: join(dir, file) });
  await migrate(database, [registryModule, carbonModule]);
  const sqlite = database.sqlite!;
  const indexes = sqlite
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and tbl_name = 'registry_residents' and sql is not null`,
    )
    .all() as { name: string; sql: string }[];
  const started = performance.now();
  if (dropIndexes) for (const index of indexes) sqlite.exec(`drop index ${index.name}`);
  sqlite.transaction(() => {
    for (const [table, rows] of Object.entries(tables)) {
      const width = rows[0]?.length ?? 0;
      const statement = sqlite.prepare(`insert into ${table} values (${Array(width).fill('?').join(', ')})`);
      for (const row of rows) statement.run(row);
    }
  })();
  if (dropIndexes) for (const index of indexes) sqlite.exec(index.sql);
  const seconds = (performance.now() - started) / 1000;
  await database.close();
  return seconds;
}

const dir = mkdtempSync(join(tmpdir(), 'sanqu-bench-seed-'));
try {
  console.log('seed --scale full (open, migrate, demo logins, generate, load, index, audit):');
  const seed = await seedPath(dir);
  console.log(
    `  total ${seed.seconds.toFixed(2)} s for ${seed.rows.toLocaleString('en')} rows (${seed.residents.toLocaleString('en')} residents)`,
  );

  const generated = performance.now();
  const tables = generateRows();
  const rows = Object.values(tables).reduce((sum, list) => sum + list.length, 0);
  console.log(
    `baseline rows generated in ${((performance.now() - generated) / 1000).toFixed(2)} s (not timed): ${rows.toLocaleString('en')}`,
  );
  if (rows !== seed.rows) throw new Error(`the baseline has ${rows} rows, the seed ${seed.rows}`);

  const base = await baseline(dir, tables, false, 'baseline.db');
  console.log(`baseline: raw prepared inserts, one transaction, schema as migrated: ${base.toFixed(2)} s`);
  const floor = await baseline(dir, tables, true, 'floor.db');
  console.log(
    `for reference, raw inserts with the residents' indexes built afterwards: ${floor.toFixed(2)} s`,
  );

  const rate = seed.rows / seed.seconds;
  const baseRate = rows / base;
  console.log(
    `RESULT seed_full_seconds ${seed.seconds.toFixed(2)} s ratio=${(seed.seconds / base).toFixed(3)} baseline=${base.toFixed(2)}`,
  );
  console.log(
    `RESULT seed_full_rows_per_second ${Math.round(rate)} rows/s ratio=${(rate / baseRate).toFixed(3)} baseline=${Math.round(baseRate)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
