import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditComponent, createAuditService } from '../../kernel/audit';
import { migrate } from '../../kernel/db';
import { openTestDatabase, type TestDatabase, testDialects } from '../../kernel/db/test-databases';
import { createDivisionService } from '../../kernel/divisions';
import { silentProgress } from '../../kernel/progress';
import { loadRegistry, RegistryNotEmptyError } from './bulk-load';
import { planRegistry } from './city-plan';
import { generateEnterprises } from './generate-enterprises';
import { generateTownship } from './generate-population';
import { registryModule } from './index';
import { createRegistryService, type RegistryService } from './service';

const plan = planRegistry(createDivisionService(), 'demo', 7, { residents: 1_200, enterprises: 120 });
const population = plan.townships.map((t) => generateTownship(plan, t));
const residents = population.flatMap((t) => t.residents);
const households = population.flatMap((t) => t.households);
const { enterprises } = generateEnterprises(plan);

describe.each(testDialects)('registry service on %s', (dialect) => {
  let database: TestDatabase;
  let registry: RegistryService;
  let audit: ReturnType<typeof createAuditService>;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    await migrate(database, [auditComponent, registryModule]);
    audit = createAuditService(database);
    registry = createRegistryService(database, audit);
    expect(await registry.isEmpty()).toBe(true);
    const counts = await loadRegistry(database, audit, plan, silentProgress);
    expect(counts.residents).toBe(1_200);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('reads a resident by ID, case-insensitively on the check character', async () => {
    const sample = residents[17]!;
    const found = await registry.getResident(sample.resident_id.toLowerCase());
    expect(found).toMatchObject({
      residentId: sample.resident_id,
      name: sample.name,
      divisionCode: sample.division_code,
    });
    expect(await registry.getResident('330822199001011234')).toBeNull();
  });

  it('reads a household with its members, head first', async () => {
    const household = households.find((h) => h.size >= 3)!;
    const result = await registry.getHousehold(household.id);
    expect(result?.household.size).toBe(household.size);
    expect(result?.members).toHaveLength(household.size);
    expect(result?.members[0]?.residentId).toBe(household.head_resident_id);
    expect(await registry.getHousehold('nope')).toBeNull();
  });

  it('walks every enterprise and farm exactly once by keyset pages', async () => {
    const usccs: string[] = [];
    for (let after: string | undefined; ; ) {
      const page = await registry.enterprisesAfter({ after, limit: 7 });
      if (page.length === 0) break;
      usccs.push(...page.map((e) => e.uscc));
      after = page[page.length - 1]!.uscc;
    }
    expect(usccs).toEqual(enterprises.map((e) => e.uscc).sort());
    const farmIds: number[] = [];
    for (let after: number | undefined; ; ) {
      const page = await registry.farmsAfter({ after, limit: 5 });
      if (page.length === 0) break;
      farmIds.push(...page.map((f) => f.id));
      after = page[page.length - 1]!.id;
    }
    expect(farmIds.length).toBeGreaterThan(0);
    expect(new Set(farmIds).size).toBe(farmIds.length);
    expect([...farmIds].sort((a, b) => a - b)).toEqual(farmIds);
  });

  it('walks residents in ID order, by county', async () => {
    const county = '330881';
    const expected = residents
      .map((r) => r.resident_id)
      .filter((id) => id.startsWith(county))
      .sort();
    const walked: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await registry.residentsAfter({
        countyCode: county,
        limit: 50,
        ...(after ? { after } : {}),
      });
      if (page.length === 0) break;
      walked.push(...page.map((r) => r.residentId));
      after = page[page.length - 1]!.residentId;
    }
    expect(walked).toEqual(expected);
  });

  it('reads enterprises by USCC and lists a county a page at a time', async () => {
    const sample = enterprises[3]!;
    expect(await registry.getEnterprise(sample.uscc)).toMatchObject({
      uscc: sample.uscc,
      outputValueFen: sample.output_value_fen,
      aboveScale: sample.above_scale === 1,
    });
    const county = sample.county_code;
    const inCounty = enterprises
      .filter((e) => e.county_code === county)
      .map((e) => e.uscc)
      .sort();
    const first = await registry.listEnterprises({ countyCode: county, pageSize: 5 });
    expect(first.total).toBe(inCounty.length);
    expect(first.items.map((e) => e.uscc)).toEqual(inCounty.slice(0, 5));
    const second = await registry.listEnterprises({ countyCode: county, page: 2, pageSize: 5 });
    expect(second.items.map((e) => e.uscc)).toEqual(inCounty.slice(5, 10));
    const above = await registry.listEnterprises({ countyCode: county, aboveScale: true, pageSize: 100 });
    expect(above.items.every((e) => e.aboveScale)).toBe(true);
  });

  it('counts by county what was generated', async () => {
    const counts = await registry.countsByCounty();
    expect(counts.map((c) => c.countyCode)).toEqual([
      '330802',
      '330803',
      '330822',
      '330824',
      '330825',
      '330881',
    ]);
    expect(counts.reduce((s, c) => s + c.residents, 0)).toBe(residents.length);
    expect(counts.reduce((s, c) => s + c.households, 0)).toBe(households.length);
    expect(counts.reduce((s, c) => s + c.enterprises, 0)).toBe(enterprises.length);
    expect(counts.reduce((s, c) => s + c.aboveScaleEnterprises, 0)).toBe(
      enterprises.filter((e) => e.above_scale).length,
    );
    expect(counts.reduce((s, c) => s + c.collectives, 0)).toBe(1_482);
  });

  it('reads collectives and the farms an operator runs', async () => {
    const farm = population.flatMap((t) => t.farms)[0] ?? null;
    const village = population.flatMap((t) => t.collectives)[0]!;
    expect(await registry.getCollective(village.code)).toMatchObject({
      code: village.code,
      uscc: village.uscc,
    });
    if (farm) {
      const farms = await registry.farmsOf(farm.operator_id);
      expect(farms.some((f) => f.name === farm.name && f.divisionCode === farm.division_code)).toBe(true);
    }
  });

  it('refuses to load twice, and audits the load once per table', async () => {
    await expect(loadRegistry(database, audit, plan, silentProgress)).rejects.toBeInstanceOf(
      RegistryNotEmptyError,
    );
    const entries = await audit.history('registry_residents', 'seed:7');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.action).toBe('seed.registry.residents');
    expect(await audit.verify()).toMatchObject({ ok: true });
  });
});
