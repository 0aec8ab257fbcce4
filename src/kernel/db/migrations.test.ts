import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectMigrations, type Migration, migrate } from './migrations';
import { openTestDatabase, type TestDatabase, testDialects } from './test-databases';

const createThings: Migration = {
  async up({ db }) {
    await db.schema
      .createTable('things')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .execute();
  },
};
const addColour: Migration = {
  async up({ db }) {
    await db.schema.alterTable('things').addColumn('colour', 'text').execute();
  },
};

describe('collectMigrations', () => {
  it('orders by timestamp across components', () => {
    const order = collectMigrations([
      { name: 'b', migrations: { '2026_11_29_0002_second': addColour } },
      {
        name: 'a',
        migrations: { '2026_11_29_0001_first': createThings, '2026_12_01_0001_third': addColour },
      },
    ]).map((m) => `${m.component}/${m.name}`);
    expect(order).toEqual(['a/2026_11_29_0001_first', 'b/2026_11_29_0002_second', 'a/2026_12_01_0001_third']);
  });

  it('rejects a migration without a timestamp name', () => {
    expect(() => collectMigrations([{ name: 'x', migrations: { create_things: createThings } }])).toThrow(
      /YYYY_MM_DD_NNNN/,
    );
  });
});

describe.each(testDialects)('migrate on %s', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(dialect);
  });
  afterEach(async () => {
    await database.dispose();
  });

  it('applies pending migrations once and records them', async () => {
    const sources = [
      {
        name: 'demo',
        migrations: { '2026_11_29_0001_create_things': createThings } as Record<string, Migration>,
      },
    ];
    expect(await migrate(database, sources)).toEqual(['demo/2026_11_29_0001_create_things']);
    expect(await migrate(database, sources)).toEqual([]);
    sources[0]!.migrations['2026_11_29_0002_add_colour'] = addColour;
    expect(await migrate(database, sources)).toEqual(['demo/2026_11_29_0002_add_colour']);
    await sql`insert into things (id, colour) values ('a', 'green')`.execute(database.db);
  });

  it('rolls back a failing migration with its record, leaving earlier ones applied', async () => {
    const failing: Migration = {
      async up({ db }) {
        await db.schema.createTable('half_done').addColumn('id', 'text').execute();
        throw new Error('boom');
      },
    };
    const sources = [
      {
        name: 'demo',
        migrations: { '2026_11_29_0001_create_things': createThings, '2026_11_29_0002_fail': failing },
      },
    ];
    await expect(migrate(database, sources)).rejects.toThrow('boom');
    const tables = await database.db.introspection.getTables();
    const names = tables.map((t) => t.name);
    expect(names).toContain('things');
    expect(names).not.toContain('half_done');
    const recorded = await sql<{ name: string }>`select name from sanqu_migrations`.execute(database.db);
    expect(recorded.rows.map((r) => r.name)).toEqual(['2026_11_29_0001_create_things']);
  });

  it('two concurrent runs apply each migration exactly once', async () => {
    const sources = [{ name: 'demo', migrations: { '2026_11_29_0001_create_things': createThings } }];
    const [first, second] = await Promise.all([migrate(database, sources), migrate(database, sources)]);
    expect([...first, ...second]).toEqual(['demo/2026_11_29_0001_create_things']);
  });
});
