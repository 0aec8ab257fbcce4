import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { AuditActor, AuditService } from '../audit';
import { digestOf } from '../audit';
import { isUniqueViolation, type SanquDatabase, tablesOf } from '../db';
import { AppError, notFound } from '../errors';
import type { LedgerTables } from './ledger.tables';
import { type Currency, normalisePosting, type PostingLine } from './posting';

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

/** 复式记账 — double-entry postings in integer units; every posting is balanced and audited. */
export function createLedgerService(
  database: SanquDatabase,
  audit: AuditService,
  now: () => Date = () => new Date(),
) {
  const db = tablesOf<LedgerTables>(database.db);

  async function findByKey(key: string, digest: string): Promise<PostResult | null> {
    const existing = await db
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

  async function applyLines(trx: Kysely<LedgerTables>, lines: PostingLine[]) {
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

  return {
    /** Opens an account, or returns quietly if one with this id exists already. */
    async openAccount(account: OpenAccount, actor: AuditActor | null = null): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const exists = await trx
          .selectFrom('ledger_accounts')
          .select('id')
          .where('id', '=', account.id)
          .executeTakeFirst();
        if (exists) return;
        const row = {
          id: account.id,
          currency: account.currency,
          owner_type: account.ownerType ?? null,
          owner_id: account.ownerId ?? null,
          label: account.label,
          allow_negative: account.allowNegative ? 1 : 0,
          balance: 0,
          created_at: now().toISOString(),
        };
        await trx.insertInto('ledger_accounts').values(row).execute();
        await audit.record(trx, {
          actor,
          action: 'ledger.open',
          resourceType: 'ledger_account',
          resourceId: account.id,
          after: row,
        });
      });
    },

    async post(request: PostRequest): Promise<PostResult> {
      const digest = digestOf({ description: request.description, lines: request.lines }) as string;
      const first = await findByKey(request.idempotencyKey, digest);
      if (first) return first;
      const accounts = await db
        .selectFrom('ledger_accounts')
        .select(['id', 'currency'])
        .where('id', 'in', [...new Set(request.lines.map((l) => l.accountId)), ''])
        .execute();
      const currencyOf = new Map(accounts.map((a) => [a.id, a.currency]));
      const lines = normalisePosting(request.lines, (id) => {
        const currency = currencyOf.get(id);
        if (!currency) throw notFound('ledger account', id);
        return currency;
      });
      const transactionId = randomUUID();
      const createdAt = now().toISOString();
      try {
        await db.transaction().execute(async (trx) => {
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
          await applyLines(trx, lines);
          await trx
            .insertInto('ledger_postings')
            .values(
              lines.map((l) => ({
                transaction_id: transactionId,
                account_id: l.accountId,
                currency: currencyOf.get(l.accountId)!,
                amount: l.amount,
              })),
            )
            .execute();
          await audit.record(trx, {
            actor: request.actor,
            action: 'ledger.post',
            resourceType: 'ledger_transaction',
            resourceId: transactionId,
            after: { idempotencyKey: request.idempotencyKey, lines },
            requestId: request.requestId ?? null,
          });
        });
      } catch (error) {
        // Another request with the same key committed first: answer as a retry would.
        if (isUniqueViolation(error)) {
          const winner = await findByKey(request.idempotencyKey, digest);
          if (winner) return winner;
        }
        throw error;
      }
      return { transactionId, createdAt, posted: true };
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
