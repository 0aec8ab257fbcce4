import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/api/support';
import { testDialects } from '../../kernel/db/test-databases';
import { makeResidentId } from '../../kernel/identity';
import { createAccountCache } from './ingest-store';

describe.each(testDialects)('the ingest account cache on %s', (dialect) => {
  let t: TestApp;
  const ids = [1, 3, 5, 7].map((n) => makeResidentId('330802', '1990-01-01', n));
  const fill = (cache: ReturnType<typeof createAccountCache>, subjects: string[]) =>
    t.platform.database.db.transaction().execute((trx) => cache.fill(t.platform.database, trx, subjects));

  beforeAll(async () => {
    t = await startTestApp(dialect, { users: [] });
    for (const id of ids.slice(0, 3)) await t.platform.carbon.accounts.open('resident', id, '330802', null);
  });
  afterAll(() => t.dispose());

  it('knows residents with an account, never one without, and finds an account opened later', async () => {
    const cache = createAccountCache();
    const account0 = (await t.platform.carbon.accounts.accountsOf('resident', ids[0]!))[0]!.accountNo;
    expect(await fill(cache, [ids[0]!, ids[3]!, ids[0]!])).toEqual([account0, undefined, account0]);
    expect(await fill(cache, [ids[3]!, ids[0]!])).toEqual([undefined, account0]);
    expect(cache.has(ids[0]!)).toBe(true);
    expect((await fill(cache, [ids[0]!]))[0]).toBe(account0);
    expect(cache.has(ids[3]!)).toBe(false);
    await t.platform.carbon.accounts.open('resident', ids[3]!, '330802', null);
    expect((await fill(cache, [ids[3]!]))[0]).toBe(
      (await t.platform.carbon.accounts.accountsOf('resident', ids[3]!))[0]!.accountNo,
    );
  });

  it('starting over when full still knows every subject of the batch that filled it', async () => {
    const cache = createAccountCache(2);
    await fill(cache, [ids[0]!, ids[1]!]);
    const accounts = await fill(cache, [ids[0]!, ids[1]!, ids[2]!]);
    for (const [i, id] of ids.slice(0, 3).entries()) {
      expect(cache.has(id)).toBe(true);
      expect(accounts[i]).toBe((await t.platform.carbon.accounts.accountsOf('resident', id))[0]!.accountNo);
    }
  });
});
