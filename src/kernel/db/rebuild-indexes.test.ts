import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withIndexesRebuilt } from './rebuild-indexes';
import { openTestDatabase, type TestDatabase, testDialects } from './test-databases';

describe.each(testDialects)('withIndexesRebuilt on %s', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    await sql`create table events (id text primary key, source text not null, ref text not null, subject text not null, day text not null, unique (source, ref))`.execute(
      database.db,
    );
    await sql`create index events_subject on events (subject)`.execute(database.db);
    await sql`create index events_day on events (day, subject)`.execute(database.db);
  });
  afterEach(() => database.dispose());

  const indexNames = async () =>
    (dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'index' and tbl_name = 'events' and sql is not null`.execute(
            database.db,
          )
        ).rows
      : (
          await sql<{
            name: string;
          }>`select indexname as name from pg_indexes where tablename = 'events'
            and indexname not in (select conname from pg_constraint where conrelid = 'events'::regclass)`.execute(
            database.db,
          )
        ).rows
    )
      .map((r) => r.name)
      .sort();

  it('drops the secondary indexes for the load, keeps the constraints, and builds the indexes again', async () => {
    const during = await withIndexesRebuilt(database, 'events', async () => {
      await sql`insert into events values ('1', 's', 'r1', 'A', '2026-01-01'), ('2', 's', 'r2', 'B', '2026-01-02')`.execute(
        database.db,
      );
      // The unique constraint still holds during the load.
      await expect(
        sql`insert into events values ('3', 's', 'r1', 'C', '2026-01-03')`.execute(database.db),
      ).rejects.toThrow();
      return indexNames();
    });
    expect(during).toEqual([]);
    expect(await indexNames()).toEqual(['events_day', 'events_subject']);
  });

  it('builds the indexes again when the load fails', async () => {
    await expect(
      withIndexesRebuilt(database, 'events', async () => {
        throw new Error('load failed');
      }),
    ).rejects.toThrow('load failed');
    expect(await indexNames()).toEqual(['events_day', 'events_subject']);
  });
});
