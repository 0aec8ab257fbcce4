import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/api/support';
import { testDialects } from '../../kernel/db/test-databases';
import { createDivisionService } from '../../kernel/divisions';
import { createProviderDirectory } from '../../kernel/exchange';
import { silentProgress } from '../../kernel/progress';
import { seedCity } from '../../seed';
import { REGISTRY_FIELDS, registryProviders } from './providers';

const TODAY = new Date('2026-06-01T04:00:00Z');

describe.each(testDialects)('registry providers on %s', (dialect) => {
  let t: TestApp;
  let directory: ReturnType<typeof createProviderDirectory>;
  let residents: Awaited<ReturnType<TestApp['platform']['registry']['residentsAfter']>>;

  beforeAll(async () => {
    t = await startTestApp(dialect, { users: [] });
    await seedCity(t.platform, {
      scale: 'demo',
      seed: 11,
      sizes: { residents: 300, enterprises: 3 },
      progress: silentProgress,
    });
    directory = createProviderDirectory(
      registryProviders(t.platform.registry, createDivisionService(), () => TODAY),
    );
    residents = await t.platform.registry.residentsAfter({ limit: 300 });
  }, 120_000);
  afterAll(() => t?.dispose());

  it('serves every dataset with exactly the declared fields', () => {
    expect(
      directory
        .list()
        .map((p) => p.dataset)
        .sort(),
    ).toEqual(Object.keys(REGISTRY_FIELDS).sort());
    expect(directory.fieldProblem('household', 'name')).toBeNull();
    expect(directory.fieldProblem('household', 'salary')).toMatch(/no field "salary"/);
    expect(directory.fieldProblem('tax', 'name')).toMatch(/unknown registry dataset/);
  });

  it('returns only the fields asked for, matching the population register', async () => {
    const [first] = residents;
    const record = await directory.fetch('household', first!.residentId, ['name', 'birthDate']);
    expect(record).toEqual({ name: first!.name, birthDate: first!.birthDate });
    expect(await directory.fetch('household', '330822199001011234', ['name'])).toBeNull();
    await expect(directory.fetch('household', first!.residentId, ['salary'])).rejects.toThrow(/no field/);
  });

  it('is consistent across registries: spouses name each other, parents list the household’s children', async () => {
    let couples = 0;
    for (const resident of residents) {
      const marriage = await directory.fetch('marriage', resident.residentId, [
        'maritalStatus',
        'spouseName',
        'marriageDate',
      ]);
      if (marriage?.maritalStatus !== 'married') continue;
      const household = await t.platform.registry.getHousehold(resident.householdId);
      const spouse = household!.members.find(
        (m) => m.name === marriage.spouseName && m.residentId !== resident.residentId,
      );
      if (!spouse) continue; // married to someone registered elsewhere (人户分离)
      const back = await directory.fetch('marriage', spouse.residentId, ['spouseName', 'marriageDate']);
      expect(back).toEqual({ spouseName: resident.name, marriageDate: marriage.marriageDate });
      const children = (await directory.fetch('birth', resident.residentId, ['children']))?.children as {
        birthDate: string;
      }[];
      for (const child of children) expect(child.birthDate > resident.birthDate).toBe(true);
      couples++;
    }
    expect(couples).toBeGreaterThan(5);
  });

  it('derives the same records on every call (deterministic) and dates age-dependent ones', async () => {
    const id = residents[5]!.residentId;
    for (const dataset of ['education', 'social_insurance', 'provident_fund', 'real_estate'] as const) {
      const fields = Object.keys(REGISTRY_FIELDS[dataset]);
      expect(await directory.fetch(dataset, id, fields)).toEqual(await directory.fetch(dataset, id, fields));
    }
    const children = residents.filter((r) => r.birthDate > '2020-06-01');
    for (const child of children) {
      expect(await directory.fetch('marriage', child.residentId, ['maritalStatus'])).toEqual({
        maritalStatus: 'unmarried',
      });
      expect(await directory.fetch('education', child.residentId, ['highestLevel'])).toEqual({
        highestLevel: null,
      });
    }
  });

  it('answers for enterprises from the market registry', async () => {
    const [enterprise] = await t.platform.registry.enterprisesAfter({ limit: 1 });
    const record = await directory.fetch('market_entity', enterprise!.uscc, [
      'name',
      'status',
      'legalRepresentative',
    ]);
    expect(record).toMatchObject({ name: enterprise!.name, status: 'active' });
    expect(String(record?.legalRepresentative)).toMatch(/^\p{Script=Han}{2,3}$/u);
  });
});
