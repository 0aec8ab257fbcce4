import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../db';
import { openTestDatabase, type TestDatabase, testDialects } from '../db/test-databases';
import { type AuditEntry, auditComponent, createAuditService } from './index';

describe.each(testDialects)('audit on %s', (dialect) => {
  let database: TestDatabase;
  let audit: ReturnType<typeof createAuditService>;

  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    await migrate(database, [auditComponent]);
    audit = createAuditService(database);
  });
  afterEach(async () => {
    await database.dispose();
  });

  const entry = (n: number) => ({
    actor: { id: 'u1', role: 'admin' },
    action: 'thing.update',
    resourceType: 'thing',
    resourceId: `t${n}`,
    before: { n },
    after: { n: n + 1 },
    requestId: `req-${n}`,
  });

  async function recordMany(count: number) {
    for (let n = 1; n <= count; n++) {
      await database.db.transaction().execute((trx) => audit.record(trx, entry(n)));
    }
  }

  async function dropGuard() {
    if (dialect === 'postgres')
      await sql`drop trigger audit_log_append_only on audit_log`.execute(database.db);
    else {
      await sql`drop trigger audit_log_no_update`.execute(database.db);
      await sql`drop trigger audit_log_no_delete`.execute(database.db);
    }
  }

  it('records a batch chained in order, continuing the chain and verifiable like single entries', async () => {
    await recordMany(2);
    const seqs = await database.db
      .transaction()
      .execute((trx) => audit.recordMany(trx, [3, 4, 5].map(entry)));
    expect(seqs).toEqual([3, 4, 5]);
    await recordMany(1);
    expect(await audit.verify()).toEqual({ ok: true, rows: 6 });
    const rows = await audit.history('thing', 't4');
    expect(rows.map((r) => Number(r.seq))).toEqual([4]);
    expect(await database.db.transaction().execute((trx) => audit.recordMany(trx, []))).toEqual([]);
  });

  it('an untouched chain verifies', async () => {
    await recordMany(5);
    expect(await audit.verify()).toEqual({ ok: true, rows: 5 });
  });

  it('refuses UPDATE and DELETE on the log', async () => {
    await recordMany(1);
    await expect(sql`update audit_log set action = 'x'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    if (dialect === 'postgres')
      await expect(sql`truncate audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('names the first edited row when someone bypasses the guard', async () => {
    await recordMany(6);
    await dropGuard();
    await sql`update audit_log set resource_id = 'forged' where seq = 4`.execute(database.db);
    expect(await audit.verify()).toMatchObject({ ok: false, seq: 4, reason: 'hash' });
  });

  it('detects a removed row as a gap', async () => {
    await recordMany(4);
    await dropGuard();
    await sql`delete from audit_log where seq = 2`.execute(database.db);
    expect(await audit.verify()).toMatchObject({ ok: false, seq: 3, reason: 'gap' });
  });

  it('detects a row whose hash was recomputed but whose successor still points at the old one', async () => {
    await recordMany(3);
    await dropGuard();
    await sql`update audit_log set hash = ${'f'.repeat(64)} where seq = 2`.execute(database.db);
    expect(await audit.verify()).toMatchObject({ ok: false, seq: 2, reason: 'hash' });
  });

  it('an entry rolls back with the transaction it belongs to', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await audit.record(trx, entry(1));
        throw new Error('write failed');
      }),
    ).rejects.toThrow('write failed');
    expect(await audit.verify()).toEqual({ ok: true, rows: 0 });
  });

  it('concurrent writers keep one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        database.db.transaction().execute((trx) => audit.record(trx, entry(i))),
      ),
    );
    expect(await audit.verify()).toEqual({ ok: true, rows: 20 });
  });

  it('stores digests, not the personal data itself', async () => {
    await database.db
      .transaction()
      .execute((trx) => audit.record(trx, { ...entry(1), after: { phone: '13812345678' } }));
    const rows = await audit.history('thing', 't1');
    expect(JSON.stringify(rows)).not.toContain('13812345678');
    expect(rows[0]?.after_digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads the trail newest first, narrowed by resource, action or its prefix, actor and time, a page at a time', async () => {
    const at = (iso: string) => createAuditService(database, () => new Date(iso));
    const write = (when: string, e: AuditEntry) =>
      database.db.transaction().execute((trx) => at(when).record(trx, e));
    await write('2026-12-01T01:00:00.000Z', entry(1));
    await write('2026-12-02T01:00:00.000Z', { ...entry(2), action: 'thing.delete' });
    await write('2026-12-03T01:00:00.000Z', { ...entry(3), action: 'thingy.update', actor: null });
    await write('2026-12-04T01:00:00.000Z', { ...entry(4), resourceId: 't1' });
    const seqs = async (query: Parameters<typeof audit.entries>[0]) =>
      (await audit.entries(query)).map((row) => row.seq);

    expect(await seqs({})).toEqual([4, 3, 2, 1]);
    expect(await seqs({ resourceType: 'thing', resourceId: 't1' })).toEqual([4, 1]);
    expect(await seqs({ action: 'thing.delete' })).toEqual([2]);
    // A prefix ends in a dot, so 'thing.' does not match 'thingy.update'; '_' is no wildcard either.
    expect(await seqs({ action: 'thing.' })).toEqual([4, 2, 1]);
    expect(await seqs({ action: 'thin_.' })).toEqual([]);
    expect(await seqs({ actorId: 'u1' })).toEqual([4, 2, 1]);
    expect(await seqs({ from: '2026-12-02T01:00:00.000Z', to: '2026-12-04T01:00:00.000Z' })).toEqual([3, 2]);
    expect(await seqs({ limit: 2 })).toEqual([4, 3]);
    expect(await seqs({ before: 3, limit: 2 })).toEqual([2, 1]);
    const [latest] = await audit.entries({ limit: 1 });
    expect(latest).toMatchObject({
      action: 'thing.update',
      resource_id: 't1',
      occurred_at: '2026-12-04T01:00:00.000Z',
    });
    expect(typeof latest!.seq).toBe('number');
  });
});
