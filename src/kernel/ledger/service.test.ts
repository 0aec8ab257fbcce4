import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditComponent, createAuditService, digestOf } from '../audit';
import { migrate } from '../db';
import { openTestDatabase, type TestDatabase, testDialects } from '../db/test-databases';
import { createLedgerService, ledgerComponent } from './index';

const BALANCED = [
  { currency: 'CNY_FEN', total: 0, accountsOutOfLine: 0 },
  { currency: 'POINTS', total: 0, accountsOutOfLine: 0 },
];

describe.each(testDialects)('ledger on %s', (dialect) => {
  let database: TestDatabase;
  let ledger: ReturnType<typeof createLedgerService>;
  let audit: ReturnType<typeof createAuditService>;

  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    await migrate(database, [auditComponent, ledgerComponent]);
    audit = createAuditService(database);
    ledger = createLedgerService(database, audit);
    await ledger.openAccount({
      id: 'issuer',
      currency: 'POINTS',
      label: 'points issued',
      allowNegative: true,
    });
    await ledger.openAccount({ id: 'alice', currency: 'POINTS', label: 'Alice wallet' });
    await ledger.openAccount({ id: 'bob', currency: 'POINTS', label: 'Bob wallet' });
    await ledger.openAccount({ id: 'fund', currency: 'CNY_FEN', label: 'policy fund', allowNegative: true });
  });
  afterEach(async () => {
    await database.dispose();
  });

  const grant = (key: string, account: string, amount: number) =>
    ledger.post({
      idempotencyKey: key,
      description: 'grant',
      actor: null,
      lines: [
        { accountId: 'issuer', amount: -amount },
        { accountId: account, amount },
      ],
    });

  it('moves value and keeps the trial balance at zero', async () => {
    await grant('k1', 'alice', 500);
    expect(await ledger.balance('alice')).toBe(500);
    expect(await ledger.balance('issuer')).toBe(-500);
    expect(await ledger.trialBalance()).toEqual(BALANCED);
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('a repeated idempotency key returns the first result and posts nothing', async () => {
    const first = await grant('same', 'alice', 100);
    const again = await grant('same', 'alice', 100);
    expect(first.posted).toBe(true);
    expect(again).toEqual({ ...first, posted: false });
    expect(await ledger.balance('alice')).toBe(100);
  });

  it('the same key with a different request is a 409', async () => {
    await grant('same', 'alice', 100);
    await expect(grant('same', 'alice', 200)).rejects.toMatchObject({
      status: 409,
      code: 'IDEMPOTENCY_CONFLICT',
    });
  });

  it('rejects unbalanced, cross-currency, non-integer and unknown-account postings', async () => {
    const post = (lines: { accountId: string; amount: number }[]) =>
      ledger.post({ idempotencyKey: Math.random().toString(), description: 'x', actor: null, lines });
    await expect(
      post([
        { accountId: 'issuer', amount: -5 },
        { accountId: 'alice', amount: 4 },
      ]),
    ).rejects.toMatchObject({ code: 'UNBALANCED_POSTING' });
    await expect(
      post([
        { accountId: 'fund', amount: -5 },
        { accountId: 'alice', amount: 5 },
      ]),
    ).rejects.toMatchObject({ code: 'UNBALANCED_POSTING' });
    await expect(
      post([
        { accountId: 'issuer', amount: -0.5 },
        { accountId: 'alice', amount: 0.5 },
      ]),
    ).rejects.toMatchObject({ code: 'INVALID_AMOUNT' });
    await expect(
      post([
        { accountId: 'issuer', amount: -5 },
        { accountId: 'nobody', amount: 5 },
      ]),
    ).rejects.toMatchObject({ status: 404 });
    expect(await ledger.trialBalance()).toEqual(BALANCED);
  });

  it('refuses to overdraw a wallet and leaves nothing half-written', async () => {
    await grant('k1', 'alice', 30);
    await expect(
      ledger.post({
        idempotencyKey: 'spend',
        description: 'spend',
        actor: null,
        lines: [
          { accountId: 'alice', amount: -31 },
          { accountId: 'bob', amount: 31 },
        ],
      }),
    ).rejects.toMatchObject({ status: 409, code: 'INSUFFICIENT_BALANCE' });
    expect(await ledger.balance('alice')).toBe(30);
    expect(await ledger.balance('bob')).toBe(0);
    const count = await sql<{
      n: number;
    }>`select count(*) as n from ledger_transactions where idempotency_key = 'spend'`.execute(database.db);
    expect(Number(count.rows[0]?.n)).toBe(0);
  });

  it('a caller that catches a refused posting and commits keeps no part of it, narrow or wide', async () => {
    await grant('k1', 'alice', 30);
    const wide = Array.from({ length: 40 }, (_, i) => ({ accountId: `w${i}`, amount: 1 }));
    await database.db.transaction().execute((trx) =>
      ledger.openAccountsWithin(
        trx,
        wide.map((l) => ({ id: l.accountId, currency: 'POINTS' as const, label: 'w' })),
        null,
      ),
    );
    const refusals = [
      // Lines applied before a refused one: bob's, and forty wallets' (one UPDATE on PostgreSQL); on SQLite an
      // unbalanced posting is refused once every line is applied.
      [
        { accountId: 'bob', amount: 31 },
        { accountId: 'alice', amount: -31 },
      ],
      [
        { accountId: 'bob', amount: 5 },
        { accountId: 'alice', amount: -4 },
      ],
      [...wide, { accountId: 'alice', amount: -41 }, { accountId: 'issuer', amount: 1 }],
    ];
    for (const [n, lines] of refusals.entries()) {
      await database.db.transaction().execute(async (trx) => {
        const refused = await ledger
          .postWithin(trx, { idempotencyKey: `caught-${n}`, description: 'x', actor: null, lines })
          .then(
            () => null,
            (error: unknown) => error,
          );
        expect(refused).toMatchObject({ status: expect.any(Number) });
      });
    }
    expect(await ledger.balance('alice')).toBe(30);
    expect(await ledger.balance('bob')).toBe(0);
    expect(await ledger.balance('w0')).toBe(0);
    expect(await ledger.trialBalance()).toEqual(BALANCED);
  });

  it('concurrent spends cannot overdraw: exactly as many succeed as the balance allows', async () => {
    await grant('k1', 'alice', 100);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) =>
        ledger.post({
          idempotencyKey: `spend-${i}`,
          description: 'spend',
          actor: null,
          lines: [
            { accountId: 'alice', amount: -10 },
            { accountId: 'bob', amount: 10 },
          ],
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
    expect(await ledger.balance('alice')).toBe(0);
    expect(await ledger.balance('bob')).toBe(100);
  });

  it('concurrent retries of one key post once', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => grant('retry', 'alice', 7)));
    expect(results.filter((r) => r.posted)).toHaveLength(1);
    expect(new Set(results.map((r) => r.transactionId)).size).toBe(1);
    expect(await ledger.balance('alice')).toBe(7);
  });

  it('any sequence of postings keeps the trial balance at zero and wallets non-negative', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            from: fc.constantFrom('issuer', 'alice', 'bob'),
            to: fc.constantFrom('alice', 'bob'),
            amount: fc.integer({ min: 1, max: 50 }),
          }),
          { maxLength: 12 },
        ),
        async (moves) => {
          for (const move of moves) {
            if (move.from === move.to) continue;
            await ledger
              .post({
                idempotencyKey: `p${n++}`,
                description: 'move',
                actor: null,
                lines: [
                  { accountId: move.from, amount: -move.amount },
                  { accountId: move.to, amount: move.amount },
                ],
              })
              .catch((error: { code?: string }) => expect(error.code).toBe('INSUFFICIENT_BALANCE'));
          }
          expect(await ledger.trialBalance()).toEqual(BALANCED);
          expect(await ledger.balance('alice')).toBeGreaterThanOrEqual(0);
          expect(await ledger.balance('bob')).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('posts one transaction across 9,000 wallets (past SQLite’s bound-parameter limit in one statement)', async () => {
    const wallets = Array.from({ length: 9_000 }, (_, i) => ({
      id: `w${i}`,
      currency: 'POINTS' as const,
      label: 'wallet',
    }));
    await database.db.transaction().execute((trx) => ledger.openAccountsWithin(trx, wallets, null));
    const result = await ledger.post({
      idempotencyKey: 'wide',
      description: 'many earners',
      actor: null,
      lines: [
        { accountId: 'issuer', amount: -9_000 },
        ...wallets.map((w) => ({ accountId: w.id, amount: 1 })),
      ],
    });
    expect(result.posted).toBe(true);
    expect(await ledger.balance('w8999')).toBe(1);
    expect(await ledger.trialBalance()).toEqual(BALANCED);
    // The opening is audited as a summary an auditor can recompute from the accounts table.
    const opened = await sql<{
      after_digest: string;
      created_at: string;
    }>`select after_digest, (select created_at from ledger_accounts where id = 'w0') as created_at from audit_log
       where action = 'ledger.open' and resource_id = '9000 accounts'`.execute(database.db);
    const ids = wallets.map((w) => w.id).sort();
    expect(opened.rows[0]?.after_digest).toBe(
      digestOf({
        accounts: 9_000,
        createdAt: opened.rows[0]?.created_at,
        kinds: [{ currency: 'POINTS', label: 'wallet', ownerType: null, allowNegative: false, count: 9_000 }],
        idsSha256: createHash('sha256').update(ids.join('\n')).digest('hex'),
      }),
    );
  });

  it('refuses a wide posting that would overdraw one wallet, naming it, and changes nothing', async () => {
    const wallets = Array.from({ length: 40 }, (_, i) => ({
      id: `v${String(i).padStart(2, '0')}`,
      currency: 'POINTS' as const,
      label: 'wallet',
    }));
    await database.db.transaction().execute((trx) => ledger.openAccountsWithin(trx, wallets, null));
    await grant('fund', 'v07', 5);
    // 39 wallets gain 1; v07 loses 44 although it holds 5.
    const lines = wallets.map((w) => ({ accountId: w.id, amount: w.id === 'v07' ? -44 : 1 }));
    lines.push({ accountId: 'issuer', amount: 5 });
    await expect(
      ledger.post({ idempotencyKey: 'wide-overdraw', description: 'x', actor: null, lines }),
    ).rejects.toMatchObject({ status: 409, code: 'INSUFFICIENT_BALANCE', params: { account: 'v07' } });
    expect(await ledger.balance('v07')).toBe(5);
    expect(await ledger.balance('v00')).toBe(0);
    expect(await ledger.trialBalance()).toEqual(BALANCED);
  });

  it('trial balance reports an account edited behind the ledger’s back', async () => {
    await grant('k1', 'alice', 10);
    await sql`update ledger_accounts set balance = 99 where id = 'alice'`.execute(database.db);
    expect(await ledger.trialBalance()).toEqual([
      BALANCED[0],
      { currency: 'POINTS', total: 89, accountsOutOfLine: 1 },
    ]);
  });
});
