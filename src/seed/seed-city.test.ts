import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDialects } from '../kernel/db/test-databases';
import { parseResidentId, parseUscc } from '../kernel/identity';
import { RESIDENT_BULK_INDEXES } from '../modules/registry/bulk-load';
import { type Platform, preparePlatform } from '../platform';
import { DEMO_LOGINS, DEMO_PASSWORD, OFFICER_LOGINS } from './demo-logins';
import { AlreadySeededError, seedCity } from './seed-city';

const TINY = { residents: 500, enterprises: 50 };

describe.each(testDialects)('seedCity on %s', (dialect) => {
  let database: TestDatabase;
  let platform: Platform;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    platform = await preparePlatform(database);
    const report = await seedCity(platform, { scale: 'demo', seed: 42, sizes: TINY });
    expect(report.logins).toBe(8 + OFFICER_LOGINS.length);
  }, 120_000);
  afterAll(async () => {
    await database?.dispose();
  });

  it('seeds the registry at the requested size', async () => {
    const counts = await platform.registry.countsByCounty();
    expect(counts.reduce((s, c) => s + c.residents, 0)).toBe(TINY.residents);
    expect(counts.reduce((s, c) => s + c.enterprises, 0)).toBe(TINY.enterprises);
    expect(counts.reduce((s, c) => s + c.collectives, 0)).toBe(1_482);
  });

  it('lets every demo login in with the demo password, bound to seeded subjects', async () => {
    for (const login of DEMO_LOGINS) {
      const { actor } = await platform.auth.login(login.username, DEMO_PASSWORD);
      expect(actor.role).toBe(login.role);
    }
    const resident = await platform.auth.findByUsername('resident');
    const person = await platform.registry.getResident(resident!.subjectId!);
    expect(person?.name).toBe(resident!.displayName);
    expect(person?.divisionCode).toBe(resident!.divisionCode);
    expect(parseResidentId(person!.residentId).ok).toBe(true);

    const agent = await platform.auth.findByUsername('enterprise');
    expect(parseUscc(agent!.subjectId!).ok).toBe(true);
    expect(await platform.registry.getEnterprise(agent!.subjectId!)).not.toBeNull();

    const village = await platform.auth.findByUsername('village');
    expect(village?.subjectId).toBe(person?.divisionCode);
    expect(await platform.registry.getCollective(village!.subjectId!)).not.toBeNull();

    expect(await platform.auth.findByUsername('officer-changshan')).toMatchObject({
      role: 'officer',
      divisionCode: '330822',
    });
    expect(await platform.auth.findByUsername('officer')).toMatchObject({
      role: 'officer',
      divisionCode: '330800',
    });
    expect(await platform.auth.findByUsername('officer-330822-market')).toMatchObject({
      department: 'market',
      divisionCode: '330822',
    });
  });

  it('refuses to seed again', async () => {
    await expect(seedCity(platform, { scale: 'demo', seed: 42, sizes: TINY })).rejects.toBeInstanceOf(
      AlreadySeededError,
    );
    const counts = await platform.registry.countsByCounty();
    expect(counts.reduce((s, c) => s + c.residents, 0)).toBe(TINY.residents);
  });

  it('rebuilds the residents indexes it dropped for the bulk load, and keeps the audit chain whole', async () => {
    const names =
      dialect === 'postgres'
        ? await sql<{
            name: string;
          }>`select indexname as name from pg_indexes where tablename = 'registry_residents'`.execute(
            database.db,
          )
        : await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'index' and tbl_name = 'registry_residents'`.execute(
            database.db,
          );
    expect(names.rows.map((r) => r.name).sort()).toEqual(RESIDENT_BULK_INDEXES.map((i) => i.name).sort());
    expect(await platform.audit.verify()).toMatchObject({ ok: true });
  });
});
