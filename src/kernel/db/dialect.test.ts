import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinedInGroup } from './dialect';
import { openTestDatabase, type TestDatabase, testDialects } from './test-databases';

interface Tables {
  facts: { id: number; owner: string; kind: string; amount: number };
}

describe.each(testDialects)('joinedInGroup on %s', (dialect) => {
  let database: TestDatabase;
  let db: Kysely<Tables>;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    db = database.db as Kysely<Tables>;
    await sql`create table facts (id integer primary key, owner text not null, kind text not null, amount double precision not null)`.execute(
      db,
    );
    await db
      .insertInto('facts')
      .values([
        { id: 1, owner: 'a', kind: 'x', amount: 0.1 + 0.2 },
        { id: 2, owner: 'b', kind: 'y', amount: 4 },
        { id: 3, owner: 'a', kind: 'z', amount: 1 / 3 },
      ])
      .execute();
  });
  afterAll(() => database.dispose());

  it('joins each group’s values, doubles in digits that read back exactly', async () => {
    const rows = await db
      .selectFrom('facts')
      .select(['owner', joinedInGroup(dialect, sql`kind || ' ' || amount`, ' ').as('joined')])
      .groupBy('owner')
      .orderBy('owner')
      .execute();
    expect(rows.map((r) => r.owner)).toEqual(['a', 'b']);
    const fields = (joined: string) => {
      const parts = joined.split(' ');
      return parts.flatMap((_, i) => (i % 2 === 0 ? [[parts[i], Number(parts[i + 1])]] : []));
    };
    expect(fields(rows[0]!.joined).sort()).toEqual([
      ['x', 0.1 + 0.2],
      ['z', 1 / 3],
    ]);
    expect(fields(rows[1]!.joined)).toEqual([['y', 4]]);
  });
});
