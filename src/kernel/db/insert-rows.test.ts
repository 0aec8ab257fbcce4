import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertRows, updateRows, upsertRows } from './insert-rows';
import { openTestDatabase, type TestDatabase, testDialects } from './test-databases';

describe.each(testDialects)('insertRows and upsertRows on %s', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    await sql`create table scores (resident text primary key, score integer not null, tier text not null)`.execute(
      database.db,
    );
  });
  afterEach(() => database.dispose());

  const scores = async () =>
    (
      await sql<{
        resident: string;
        score: number;
        tier: string;
      }>`select * from scores order by resident`.execute(database.db)
    ).rows.map((r) => [r.resident, Number(r.score), r.tier]);
  /** The two rows each test starts from: a at 500 (average), b at 610 (good). */
  const insertAB = (trx: Parameters<typeof insertRows>[1]) =>
    insertRows(
      database,
      trx,
      'scores',
      ['resident', 'score', 'tier'],
      [
        ['a', 500, 'average'],
        ['b', 610, 'good'],
      ],
    );

  it('inserts rows and replaces the other columns of rows whose key exists, inside the caller’s transaction', async () => {
    await database.db.transaction().execute(async (trx) => {
      await insertAB(trx);
      await upsertRows(
        database,
        trx,
        'scores',
        ['resident', 'score', 'tier'],
        ['resident'],
        [
          ['b', 700, 'excellent'],
          ['c', 590, 'average'],
        ],
      );
    });
    expect(await scores()).toEqual([
      ['a', 500, 'average'],
      ['b', 700, 'excellent'],
      ['c', 590, 'average'],
    ]);
  });

  it('rolls back with the caller’s transaction, refuses a repeated key on insert and odd identifiers', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await insertRows(database, trx, 'scores', ['resident', 'score', 'tier'], [['a', 1, 'x']]);
        await insertRows(database, trx, 'scores', ['resident', 'score', 'tier'], [['a', 2, 'y']]);
      }),
    ).rejects.toThrow();
    expect(await scores()).toEqual([]);
    await database.db.transaction().execute(async (trx) => {
      await expect(insertRows(database, trx, 'scores; drop', ['resident'], [['a']])).rejects.toThrow(
        /identifier/,
      );
      await expect(upsertRows(database, trx, 'scores', ['score'], ['resident'], [[1]])).rejects.toThrow(
        /key/,
      );
    });
  });

  it('writes more rows than one PostgreSQL statement carries', async () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => [`r${i}`, i, 'average']);
    await database.db.transaction().execute(async (trx) => {
      await insertRows(database, trx, 'scores', ['resident', 'score', 'tier'], rows);
      await upsertRows(
        database,
        trx,
        'scores',
        ['resident', 'score', 'tier'],
        ['resident'],
        rows.map(([r, s]) => [r!, Number(s) + 1, 'good']),
      );
    });
    const total = await sql<{
      n: number;
      s: number;
    }>`select count(*) as n, sum(score) as s from scores where tier = 'good'`.execute(database.db);
    expect([Number(total.rows[0]!.n), Number(total.rows[0]!.s)]).toEqual([
      25_000,
      (24_999 * 25_000) / 2 + 25_000,
    ]);
  });

  it('updates rows by key: the columns named, then the key, inside the caller’s transaction', async () => {
    await database.db.transaction().execute(async (trx) => {
      await insertAB(trx);
      await updateRows(database, trx, 'scores', ['score', 'tier'], ['resident'], [[720, 'excellent', 'b']]);
    });
    expect(await scores()).toEqual([
      ['a', 500, 'average'],
      ['b', 720, 'excellent'],
    ]);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await updateRows(database, trx, 'scores', ['score', 'tier'], ['resident'], [[1, 'x', 'a']]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await scores())[0]).toEqual(['a', 500, 'average']);
    await database.db.transaction().execute(async (trx) => {
      await expect(
        updateRows(database, trx, 'scores', ['score', 'resident'], ['resident'], []),
      ).resolves.toBe(undefined);
      await expect(
        updateRows(database, trx, 'scores', ['score', 'resident'], ['resident'], [[1, 'a', 'a']]),
      ).rejects.toThrow(/key/);
      await expect(updateRows(database, trx, 'scores', ['score;'], ['resident'], [[1, 'a']])).rejects.toThrow(
        /identifier/,
      );
    });
  });
});
