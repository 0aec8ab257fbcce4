import type { AuditService } from '../../kernel/audit';
import { type BulkValue, bulkInsert, type SanquDatabase, tablesOf } from '../../kernel/db';
import type { Progress } from '../../kernel/progress';
import type { RegistryPlan } from './city-plan';
import { generateEnterprises } from './generate-enterprises';
import { type FarmDraft, generateTownship } from './generate-population';
import type {
  RegistryCollectiveTable,
  RegistryEnterpriseTable,
  RegistryHouseholdTable,
  RegistryResidentTable,
  RegistryTables,
} from './registry.tables';

/**
 * The residents' secondary indexes, dropped before a bulk load and rebuilt after it: building an index over
 * 2.57M sorted keys is several times faster than maintaining it row by row. Must match the migrations (the
 * seed test checks the names).
 */
export const RESIDENT_BULK_INDEXES = [
  { name: 'registry_residents_resident_id', column: 'resident_id', unique: true },
  { name: 'registry_residents_household', column: 'household_id', unique: false },
  { name: 'registry_residents_division', column: 'division_code', unique: false },
] as const;

/** Rows per bulkInsert call: one transaction each on SQLite, keeping memory flat at city scale. */
const BATCH_ROWS = 50_000;

const RESIDENT_COLUMNS = [
  'resident_id',
  'name',
  'sex',
  'birth_date',
  'household_id',
  'division_code',
  'phone',
  'created_at',
];
const HOUSEHOLD_COLUMNS = ['id', 'division_code', 'head_resident_id', 'size'];
const ENTERPRISE_COLUMNS = [
  'uscc',
  'name',
  'industry_code',
  'industry_name',
  'lead_industry',
  'county_code',
  'township_code',
  'above_scale',
  'output_value_fen',
  'employees',
  'registered_at',
];
const COLLECTIVE_COLUMNS = [
  'code',
  'name',
  'uscc',
  'county_code',
  'township_code',
  'members',
  'collective_income_fen',
];
const FARM_COLUMNS = [
  'id',
  'name',
  'operator_type',
  'operator_id',
  'division_code',
  'main_product',
  'area_mu',
];

export interface RegistryLoadCounts {
  residents: number;
  households: number;
  enterprises: number;
  collectives: number;
  farms: number;
}

/** The registry already holds data: seeding again would duplicate it. */
export class RegistryNotEmptyError extends Error {
  constructor() {
    super('The registry already holds residents or enterprises: seed only an empty database.');
    this.name = 'RegistryNotEmptyError';
  }
}

/**
 * Generates the planned city and writes it through the kernel's bulkInsert, township by township, in batches;
 * records one audit entry per table. Refuses a registry that already holds data.
 */
export async function loadRegistry(
  database: SanquDatabase,
  audit: AuditService,
  plan: RegistryPlan,
  progress: Progress,
): Promise<RegistryLoadCounts> {
  const db = tablesOf<RegistryTables>(database.db);
  const existing = await db
    .selectFrom('registry_residents')
    .select('resident_id')
    .limit(1)
    .executeTakeFirst();
  const existingFirm = await db.selectFrom('registry_enterprises').select('uscc').limit(1).executeTakeFirst();
  if (existing || existingFirm) throw new RegistryNotEmptyError();

  const counts: RegistryLoadCounts = {
    residents: 0,
    households: 0,
    enterprises: 0,
    collectives: 0,
    farms: 0,
  };
  const firms = generateEnterprises(plan);
  await bulkInsert(
    database,
    'registry_enterprises',
    ENTERPRISE_COLUMNS,
    firms.enterprises.map(enterpriseRow),
  );
  counts.enterprises = firms.enterprises.length;

  for (const index of RESIDENT_BULK_INDEXES) await db.schema.dropIndex(index.name).ifExists().execute();

  let residents: BulkValue[][] = [];
  let households: BulkValue[][] = [];
  let collectives: BulkValue[][] = [];
  const farms: FarmDraft[] = [];
  const flush = async () => {
    await bulkInsert(database, 'registry_residents', RESIDENT_COLUMNS, residents);
    await bulkInsert(database, 'registry_households', HOUSEHOLD_COLUMNS, households);
    await bulkInsert(database, 'registry_collectives', COLLECTIVE_COLUMNS, collectives);
    residents = [];
    households = [];
    collectives = [];
  };

  progress.start('registry: residents', plan.sizes.residents);
  for (const township of plan.townships) {
    const population = generateTownship(plan, township);
    for (const r of population.residents) residents.push(residentRow(r));
    for (const h of population.households) households.push(householdRow(h));
    for (const c of population.collectives) collectives.push(collectiveRow(c));
    for (const f of population.farms) farms.push(f);
    counts.residents += population.residents.length;
    counts.households += population.households.length;
    counts.collectives += population.collectives.length;
    if (residents.length >= BATCH_ROWS) await flush();
    progress.increment(population.residents.length);
  }
  await flush();
  progress.stop();

  // Family farms in township order, then the cooperatives' bases: ids follow that order.
  const allFarms = [...farms, ...firms.farms];
  await bulkInsert(
    database,
    'registry_farms',
    FARM_COLUMNS,
    allFarms.map((f, i) => [
      i + 1,
      f.name,
      f.operator_type,
      f.operator_id,
      f.division_code,
      f.main_product,
      f.area_mu,
    ]),
  );
  counts.farms = allFarms.length;

  progress.start('registry: indexes', RESIDENT_BULK_INDEXES.length);
  for (const index of RESIDENT_BULK_INDEXES) {
    let builder = db.schema.createIndex(index.name).on('registry_residents').column(index.column);
    if (index.unique) builder = builder.unique();
    await builder.execute();
    progress.increment();
  }
  progress.stop();

  await audit.transaction(database.db, async (trx) => {
    for (const [table, count] of Object.entries(counts)) {
      await audit.record(trx, {
        actor: null,
        action: `seed.registry.${table}`,
        resourceType: `registry_${table}`,
        resourceId: `seed:${plan.seed}`,
        after: { count, scale: plan.scale, seed: plan.seed },
      });
    }
  });
  return counts;
}

const residentRow = (r: RegistryResidentTable): BulkValue[] => [
  r.resident_id,
  r.name,
  r.sex,
  r.birth_date,
  r.household_id,
  r.division_code,
  r.phone,
  r.created_at,
];

const householdRow = (h: RegistryHouseholdTable): BulkValue[] => [
  h.id,
  h.division_code,
  h.head_resident_id,
  h.size,
];

const enterpriseRow = (e: RegistryEnterpriseTable): BulkValue[] => [
  e.uscc,
  e.name,
  e.industry_code,
  e.industry_name,
  e.lead_industry,
  e.county_code,
  e.township_code,
  e.above_scale,
  e.output_value_fen,
  e.employees,
  e.registered_at,
];

const collectiveRow = (c: RegistryCollectiveTable): BulkValue[] => [
  c.code,
  c.name,
  c.uscc,
  c.county_code,
  c.township_code,
  c.members,
  c.collective_income_fen,
];
