import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertNew, selectByKeyGroups, selectByKeys } from './bulk-write';
import { openTestDatabase, type TestDatabase, testDialects } from './test-databases';

describe.each(testDialects)('bulk writes on %s', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    await sql`create table pairs (a text not null, b text not null, n integer, primary key (a, b))`.execute(
      database.db,
    );
  });
  afterEach(() => database.dispose());

  it('inserts new rows inside the caller’s transaction and says which were already there', async () => {
    await database.db.transaction().execute(async (trx) => {
      expect(await insertNew(database, trx, 'pairs', ['a', 'b', 'n'], ['a', 'b'], [['x', '1', 1]])).toEqual([
        true,
      ]);
      const flags = await insertNew(
        database,
        trx,
        'pairs',
        ['a', 'b', 'n'],
        ['a', 'b'],
        [
          ['x', '1', 99],
          ['x', '2', 2],
          ['y', '1', 3],
        ],
      );
      expect(flags).toEqual([false, true, true]);
    });
    const rows = await sql<{ n: number }>`select n from pairs order by a, b`.execute(database.db);
    expect(rows.rows.map((r) => Number(r.n))).toEqual([1, 2, 3]);
  });

  it('rolls back with the caller’s transaction', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await insertNew(database, trx, 'pairs', ['a', 'b', 'n'], ['a', 'b'], [['z', '1', 1]]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await sql`select * from pairs`.execute(database.db)).rows).toEqual([]);
  });

  it('probes many keys at once, with a fixed extra condition, and refuses odd identifiers', async () => {
    await database.db.transaction().execute(async (trx) => {
      await insertNew(
        database,
        trx,
        'pairs',
        ['a', 'b', 'n'],
        ['a', 'b'],
        [
          ['x', '1', 1],
          ['x', '2', null],
          ['y', '1', 3],
        ],
      );
      const found = await selectByKeys(
        database,
        trx,
        { table: 'pairs', keys: ['a', 'b'], columns: ['n'], where: 'n is not null' },
        [
          ['x', '1'],
          ['x', '2'],
          ['x', '1'],
          ['q', '9'],
          ['y', '1'],
        ],
      );
      expect(found.map((r) => [r[0], r[1], Number(r[2])]).sort()).toEqual([
        ['x', '1', 1],
        ['y', '1', 3],
      ]);
      await expect(
        selectByKeys(database, trx, { table: 'pairs; drop', keys: ['a'], columns: [] }, [['x']]),
      ).rejects.toThrow(/identifier/);
      const grouped = await selectByKeyGroups(
        database,
        trx,
        { table: 'pairs', keys: ['b', 'a'], columns: ['n'] },
        [
          { rest: ['x'], firsts: ['1', '2', '7'] },
          { rest: ['y'], firsts: [] },
          { rest: ['y'], firsts: ['1'] },
        ],
      );
      expect(grouped.map((r) => [r[0], r[1], r[2] === null ? null : Number(r[2])]).sort()).toEqual([
        ['1', 'x', 1],
        ['1', 'y', 3],
        ['2', 'x', null],
      ]);
      await expect(
        selectByKeyGroups(database, trx, { table: 'pairs', keys: ['a', 'b'], columns: [] }, [
          { rest: [], firsts: ['x'] },
        ]),
      ).rejects.toThrow(/key group/);
    });
  });
});
