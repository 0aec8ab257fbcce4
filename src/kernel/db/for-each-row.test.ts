import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forEachRow } from './for-each-row';
import { openTestDatabase, type TestDatabase, testDialects } from './test-databases';

interface Tables {
  readings: { id: number; meter: string; value: number };
}

describe.each(testDialects)('forEachRow on %s', (dialect) => {
  let database: TestDatabase;
  let db: Kysely<Tables>;
  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    db = database.db as Kysely<Tables>;
    await sql`create table readings (id integer primary key, meter text not null, value double precision not null)`.execute(
      db,
    );
    // More rows than one PostgreSQL page, so the cursor is fetched several times.
    await sql`insert into readings (id, meter, value)
      select n, 'm' || (n % 7), n / 4.0 from (${sql.raw(
        dialect === 'postgres'
          ? 'select generate_series(1, 25003) as n'
          : 'with recursive s(n) as (select 1 union all select n + 1 from s where n < 25003) select n from s',
      )}) as numbers`.execute(db);
  });
  afterEach(() => database.dispose());

  it('hands every row over as an array in select-list order, with bound parameters, inside the transaction', async () => {
    const seen: unknown[][] = [];
    const rows = await db.transaction().execute(async (trx) => {
      await trx.insertInto('readings').values({ id: 30_000, meter: 'm3', value: 0.1 }).execute();
      return forEachRow(
        database,
        trx,
        trx
          .selectFrom('readings')
          .select(['meter', 'value', 'id'])
          .where('meter', '=', 'm3')
          .where('id', '>', 24_990)
          .orderBy('id'),
        (row) => seen.push(row),
      );
    });
    expect(rows).toBe(3);
    expect(seen.map(([meter, value, id]) => [meter, Number(value), Number(id)])).toEqual([
      ['m3', 6248.25, 24_993],
      ['m3', 6250, 25_000],
      ['m3', 0.1, 30_000],
    ]);
  });

  it('reads past one page of rows and leaves the transaction usable', async () => {
    let count = 0;
    let sum = 0;
    await db.transaction().execute(async (trx) => {
      const rows = await forEachRow(
        database,
        trx,
        trx.selectFrom('readings').select(['id', 'value']).orderBy('id'),
        ([id]) => {
          count++;
          sum += Number(id);
        },
      );
      expect(rows).toBe(25_003);
      await trx.deleteFrom('readings').where('id', '>', 25_000).execute();
      // A second read in the same transaction sees the transaction's own write.
      expect(
        await forEachRow(
          database,
          trx,
          trx.selectFrom('readings').select('id').where('id', '>', 24_999),
          () => {},
        ),
      ).toBe(1);
    });
    expect(count).toBe(25_003);
    expect(sum).toBe((25_003 * 25_004) / 2);
  });

  it('reads nothing from an empty result', async () => {
    await db.transaction().execute(async (trx) => {
      expect(
        await forEachRow(database, trx, trx.selectFrom('readings').select('id').where('id', '<', 0), () => {
          throw new Error('no row expected');
        }),
      ).toBe(0);
    });
  });
});
