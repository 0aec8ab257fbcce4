import { createHash, randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { AuditActor, AuditService } from '../audit';
import { digestOf } from '../audit';
import {
  type AnyDb,
  cachedStatement,
  insertRows,
  isUniqueViolation,
  type SanquDatabase,
  selectByKeys,
  tablesOf,
} from '../db';
import { AppError, notFound } from '../errors';
import type { LedgerTables } from './ledger.tables';
import { assertBalanced, type Currency, mergeLines, type PostingLine } from './posting';

export interface OpenAccount {
  id: string;
  currency: Currency;
  label: string;
  allowNegative?: boolean;
  ownerType?: string;
  ownerId?: string;
}

export interface PostRequest {
  /** A repeated key returns the first result and posts nothing. */
  idempotencyKey: string;
  description: string;
  lines: PostingLine[];
  actor: AuditActor | null;
  requestId?: string | null;
}

export interface PostResult {
  transactionId: string;
  createdAt: string;
  /** False when this key had already been posted and the first result is returned. */
  posted: boolean;
}

export type LedgerService = ReturnType<typeof createLedgerService>;

const LEDGER_ACCOUNT_COLUMNS = [
  'id',
  'currency',
  'owner_type',
  'owner_id',
  'label',
  'allow_negative',
  'balance',
  'created_at',
] as const;

/** Postings with more lines than this update balances set-based on PostgreSQL (see applyLinesInBulk). */
const BULK_THRESHOLD = 32;
/** Lines per UPDATE (PostgreSQL only): two parameters each stays far below its 65,535 bound parameters. */
const BULK_LINES = 5_000;

/** Accounts opened together that the audit entry lists one by one; more are summarised (openedSummary). */
const AUDIT_LISTED_ACCOUNTS = 100;

/**
 * The audit record of many accounts opened at once (a crediting run opening thousands of wallets): how many of
 * each kind, and a digest that fixes their ids — the rows themselves stay in ledger_accounts, created at the
 * entry's time, so the entry need not copy them (the ids are sorted before hashing, so the digest can be
 * recomputed from the table).
 */
function openedSummary(
  rows: readonly {
    id: string;
    currency: string;
    label: string;
    owner_type: string | null;
    allow_negative: number;
    created_at: string;
  }[],
) {
  const kinds = new Map<
    string,
    { currency: string; label: string; ownerType: string | null; allowNegative: boolean; count: number }
  >();
  for (const row of rows) {
    const key = `${row.currency}\u0000${row.label}\u0000${row.owner_type}\u0000${row.allow_negative}`;
    const kind = kinds.get(key);
    if (kind) kind.count++;
    else
      kinds.set(key, {
        currency: row.currency,
        label: row.label,
        ownerType: row.owner_type,
        allowNegative: row.allow_negative === 1,
        count: 1,
      });
  }
  return {
    accounts: rows.length,
    createdAt: rows[0]?.created_at ?? null,
    kinds: [...kinds.values()],
    idsSha256: createHash('sha256')
      .update(
        rows
          .map((r) => r.id)
          .sort()
          .join('\n'),
      )
      .digest('hex'),
  };
}

/** 复式记账 — double-entry postings in integer units; every posting is balanced and audited. */
export function createLedgerService(
  database: SanquDatabase,
  audit: AuditService,
  now: () => Date = () => new Date(),
) {
  const db = tablesOf<LedgerTables>(database.db);

  async function findByKey(
    from: Kysely<LedgerTables>,
    key: string,
    digest: string,
  ): Promise<PostResult | null> {
    const existing = await from
      .selectFrom('ledger_transactions')
      .select(['id', 'created_at', 'request_digest'])
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    if (!existing) return null;
    if (existing.request_digest !== digest) {
      throw new AppError(409, 'IDEMPOTENCY_CONFLICT', 'idempotencyConflict', { key });
    }
    return { transactionId: existing.id, createdAt: existing.created_at, posted: false };
  }

  /** One conditional UPDATE per line: few lines (a purchase, a transfer) name the failing account directly. */
  async function applyLinesOneByOne(trx: Kysely<LedgerTables>, lines: readonly PostingLine[]) {
    for (const line of lines) {
      // The balance test sits in the UPDATE itself, so concurrent postings cannot both pass it.
      const updated = await trx
        .updateTable('ledger_accounts')
        .set({ balance: sql`balance + ${line.amount}` })
        .where('id', '=', line.accountId)
        .where((eb) => eb.or([eb('allow_negative', '=', 1), eb(sql`balance + ${line.amount}`, '>=', 0)]))
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
        throw new AppError(409, 'INSUFFICIENT_BALANCE', 'insufficientBalance', { account: line.accountId });
      }
    }
  }

  /**
   * Many lines (points to 10,000 wallets) in one UPDATE … FROM a VALUES list per chunk, with the same balance
   * test in its WHERE: 20,000 wallets take 4 statements instead of 20,000. A line that fails the test is not
   * updated, so a short count means some account would go negative; the caller's transaction then rolls back.
   */
  async function applyLinesInBulk(trx: Kysely<LedgerTables>, lines: readonly PostingLine[]) {
    for (let start = 0; start < lines.length; start += BULK_LINES) {
      const chunk = lines.slice(start, start + BULK_LINES);
      // The casts type the parameters for PostgreSQL; SQLite takes them as integer affinity.
      const values = sql.join(chunk.map((l) => sql`(${l.accountId}, cast(${l.amount} as bigint))`));
      const result = await sql`with v(id, amount) as (values ${values})
        update ledger_accounts set balance = balance + v.amount from v
        where ledger_accounts.id = v.id and (ledger_accounts.allow_negative = 1 or ledger_accounts.balance + v.amount >= 0)`.execute(
        trx,
      );
      if (Number(result.numAffectedRows ?? 0) === chunk.length) continue;
      const failing = await sql<{ id: string }>`with v(id, amount) as (values ${values})
        select a.id from ledger_accounts a join v on a.id = v.id
        where a.allow_negative = 0 and a.balance + v.amount < 0 order by a.id limit 1`.execute(trx);
      throw new AppError(409, 'INSUFFICIENT_BALANCE', 'insufficientBalance', {
        account: failing.rows[0]?.id ?? chunk[0]?.accountId ?? '',
      });
    }
  }

  /**
   * On SQLite: one cached prepared UPDATE per line through the raw handle, which shares the connection and so the
   * transaction. No round trips, and no statement text to build for thousands of lines. The UPDATE returns the
   * account's currency, so the posting needs no lookup of its accounts first; returns account id -> currency.
   */
  function applyLinesPrepared(sqlite: NonNullable<SanquDatabase['sqlite']>, lines: readonly PostingLine[]) {
    const statement = cachedStatement(
      sqlite,
      'update ledger_accounts set balance = balance + ? where id = ? and (allow_negative = 1 or balance + ? >= 0) returning currency',
      true,
    );
    const currencyOf = new Map<string, string>();
    let applied = 0;
    try {
      for (const line of lines) {
        const updated = statement.get(line.amount, line.accountId, line.amount) as
          | [currency: string]
          | undefined;
        if (updated === undefined) {
          const exists = cachedStatement(sqlite, 'select 1 from ledger_accounts where id = ?').get(
            line.accountId,
          );
          if (!exists) throw notFound('ledger account', line.accountId);
          throw new AppError(409, 'INSUFFICIENT_BALANCE', 'insufficientBalance', { account: line.accountId });
        }
        applied++;
        currencyOf.set(line.accountId, updated[0]);
      }
      assertBalanced(lines, (id) => currencyOf.get(id)!);
    } catch (error) {
      // Undo the lines already applied, so a caller that catches the refusal and commits its own transaction
      // keeps no part of the posting. (A savepoint would do it too, but with one open SQLite copies every page
      // the updates touch to a sub-journal: crediting twenty thousand wallets would pay that on every posting.)
      const undo = cachedStatement(sqlite, 'update ledger_accounts set balance = balance - ? where id = ?');
      for (let i = 0; i < applied; i++) undo.run(lines[i]!.amount, lines[i]!.accountId);
      throw error;
    }
    return currencyOf;
  }

  /** Elsewhere: the accounts' currencies in one read and the balance check, then the balance updates. */
  async function applyLinesPortable(trx: Kysely<LedgerTables>, lines: readonly PostingLine[]) {
    const currencyOf = new Map<string, string>();
    const accounts = await selectByKeys(
      database,
      trx,
      { table: 'ledger_accounts', keys: ['id'], columns: ['currency'] },
      lines.map((l) => [l.accountId]),
    );
    for (const [id, currency] of accounts) currencyOf.set(String(id), String(currency));
    for (const line of lines)
      if (!currencyOf.has(line.accountId)) throw notFound('ledger account', line.accountId);
    assertBalanced(lines, (id) => currencyOf.get(id)!);
    // A refused line leaves the lines before it applied: the savepoint takes them back, so a caller that catches
    // the refusal and commits its own transaction keeps no part of the posting.
    await sql`savepoint ledger_apply_lines`.execute(trx);
    try {
      await (lines.length > BULK_THRESHOLD ? applyLinesInBulk(trx, lines) : applyLinesOneByOne(trx, lines));
    } catch (error) {
      await sql`rollback to savepoint ledger_apply_lines`.execute(trx);
      throw error;
    } finally {
      await sql`release savepoint ledger_apply_lines`.execute(trx);
    }
    return currencyOf;
  }

  /** Inserts a validated posting inside `trx`: transaction row, balance updates, posting lines, audit entry. */
  async function insert(
    trx: Kysely<LedgerTables>,
    request: PostRequest,
    digest: string,
  ): Promise<PostResult> {
    const lines = mergeLines(request.lines);
    const currencyOf = database.sqlite
      ? applyLinesPrepared(database.sqlite, lines)
      : await applyLinesPortable(trx, lines);
    const transactionId = randomUUID();
    const createdAt = now().toISOString();
    await trx
      .insertInto('ledger_transactions')
      .values({
        id: transactionId,
        idempotency_key: request.idempotencyKey,
        request_digest: digest,
        description: request.description,
        created_at: createdAt,
      })
      .execute();
    await insertRows(
      database,
      trx,
      'ledger_postings',
      ['transaction_id', 'account_id', 'currency', 'amount'],
      lines.map((l) => [transactionId, l.accountId, currencyOf.get(l.accountId)!, l.amount]),
    );
    await audit.record(trx, {
      actor: request.actor,
      action: 'ledger.post',
      resourceType: 'ledger_transaction',
      resourceId: transactionId,
      after: { idempotencyKey: request.idempotencyKey, lines },
      requestId: request.requestId ?? null,
    });
    return { transactionId, createdAt, posted: true };
  }

  const digestOfRequest = (request: PostRequest) =>
    digestOf({ description: request.description, lines: request.lines }) as string;

  return {
    /** Opens an account, or returns quietly if one with this id exists already. */
    async openAccount(account: OpenAccount, actor: AuditActor | null = null): Promise<void> {
      await audit.transaction(db, (trx) => this.openAccountsWithin(trx, [account], actor));
    },

    /**
     * Opens the accounts that do not exist yet, inside the caller's transaction (one audit entry for the lot).
     * Returns how many were opened.
     */
    async openAccountsWithin(
      trx: AnyDb,
      wanted: readonly OpenAccount[],
      actor: AuditActor | null,
    ): Promise<number> {
      if (wanted.length === 0) return 0;
      const createdAt = now().toISOString();
      const unique = [...new Map(wanted.map((a) => [a.id, a])).values()];
      const existing = new Set(
        (
          await selectByKeys(
            database,
            trx,
            { table: 'ledger_accounts', keys: ['id'], columns: [] },
            unique.map((a) => [a.id]),
          )
        ).map(([id]) => String(id)),
      );
      const rows = unique
        .filter((a) => !existing.has(a.id))
        .map((account) => ({
          id: account.id,
          currency: account.currency,
          owner_type: account.ownerType ?? null,
          owner_id: account.ownerId ?? null,
          label: account.label,
          allow_negative: account.allowNegative ? 1 : 0,
          balance: 0,
          created_at: createdAt,
        }));
      if (rows.length === 0) return 0;
      await insertRows(
        database,
        trx,
        'ledger_accounts',
        LEDGER_ACCOUNT_COLUMNS,
        rows.map((r) => LEDGER_ACCOUNT_COLUMNS.map((c) => r[c])),
      );
      await audit.record(trx, {
        actor,
        action: 'ledger.open',
        resourceType: 'ledger_account',
        resourceId: rows.length === 1 ? rows[0]!.id : `${rows.length} accounts`,
        after: rows.length <= AUDIT_LISTED_ACCOUNTS ? rows : openedSummary(rows),
      });
      return rows.length;
    },

    async post(request: PostRequest): Promise<PostResult> {
      const digest = digestOfRequest(request);
      const first = await findByKey(db, request.idempotencyKey, digest);
      if (first) return first;
      try {
        return await audit.transaction(db, (trx) => insert(trx, request, digest));
      } catch (error) {
        // Another request with the same key committed first: answer as a retry would.
        if (isUniqueViolation(error)) {
          const winner = await findByKey(db, request.idempotencyKey, digest);
          if (winner) return winner;
        }
        throw error;
      }
    },

    /**
     * Posts inside the caller's transaction, so the posting commits or rolls back with the caller's own writes
     * (points credited with the events that earned them). The caller serialises competing uses of one key.
     */
    async postWithin(trx: AnyDb, request: PostRequest): Promise<PostResult> {
      const tx = tablesOf<LedgerTables>(trx);
      const digest = digestOfRequest(request);
      return (await findByKey(tx, request.idempotencyKey, digest)) ?? insert(tx, request, digest);
    },

    async balance(accountId: string): Promise<number> {
      const row = await db
        .selectFrom('ledger_accounts')
        .select('balance')
        .where('id', '=', accountId)
        .executeTakeFirst();
      if (!row) throw notFound('ledger account', accountId);
      return Number(row.balance);
    },

    /**
     * 试算平衡: per currency, account balances must sum to zero, and no account's balance may differ from the
     * sum of its postings. Anything else means the ledger was written outside this service.
     */
    async trialBalance(): Promise<{ currency: string; total: number; accountsOutOfLine: number }[]> {
      const posted = db
        .selectFrom('ledger_postings')
        .select(['account_id', (eb) => eb.fn.sum<number>('amount').as('posted')])
        .groupBy('account_id')
        .as('p');
      const rows = await db
        .selectFrom('ledger_accounts as a')
        .leftJoin(posted, 'p.account_id', 'a.id')
        .select([
          'a.currency',
          (eb) => eb.fn.sum<number>('a.balance').as('total'),
          (eb) =>
            eb.fn
              .sum<number>(eb.case().when(sql`a.balance <> coalesce(p.posted, 0)`).then(1).else(0).end())
              .as('out_of_line'),
        ])
        .groupBy('a.currency')
        .orderBy('a.currency')
        .execute();
      return rows.map((r) => ({
        currency: r.currency,
        total: Number(r.total),
        accountsOutOfLine: Number(r.out_of_line),
      }));
    },
  };
}
