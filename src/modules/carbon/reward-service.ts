import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditService } from '../../kernel/audit';
import type { Actor } from '../../kernel/auth';
import { isUniqueViolation, type SanquDatabase, serializeWithinTransaction, tablesOf } from '../../kernel/db';
import { AppError, type Language, notFound } from '../../kernel/errors';
import type { LedgerService } from '../../kernel/ledger';
import type { CarbonRedemptionTable, CarbonTables } from './carbon.tables';
import { loadRewardCatalogue } from './load-behaviours';
import { POINTS_REDEEMED, walletOf } from './points-accounts';
import { checkRedemption, describeRedemptionRefusal, type Reward } from './rewards';

export interface Redemption {
  id: string;
  rewardCode: string;
  quantity: number;
  points: number;
  createdAt: string;
  /** True when this answer repeats an earlier redemption with the same idempotency key. */
  replayed: boolean;
}

const toRedemption = (row: CarbonRedemptionTable, replayed: boolean): Redemption => ({
  id: row.id,
  rewardCode: row.reward_code,
  quantity: Number(row.quantity),
  points: Number(row.points),
  createdAt: row.created_at,
  replayed,
});

export type CarbonRewardService = ReturnType<typeof createCarbonRewardService>;

/** 积分兑换 — the rewards catalogue with stock, and redemptions paid for in points. */
export function createCarbonRewardService(
  database: SanquDatabase,
  audit: AuditService,
  ledger: LedgerService,
  now: () => Date = () => new Date(),
) {
  const db = tablesOf<CarbonTables>(database.db);

  async function byKey(key: string) {
    return db
      .selectFrom('carbon_redemptions')
      .selectAll()
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  }

  return {
    /** Gives every catalogue reward a stock row (its initial stock) if it has none; stock already used is kept. */
    async syncStock(): Promise<void> {
      const known = new Set(
        (await db.selectFrom('carbon_reward_stock').select('code').execute()).map((r) => r.code),
      );
      const missing = [...loadRewardCatalogue().values()].filter((r) => !known.has(r.code));
      if (missing.length === 0) return;
      await audit.transaction(db, async (trx) => {
        await trx
          .insertInto('carbon_reward_stock')
          .values(missing.map((r) => ({ code: r.code, stock_left: r.stock })))
          .execute();
        await audit.record(trx, {
          actor: null,
          action: 'carbon.reward.stock_sync',
          resourceType: 'carbon_reward',
          resourceId: '*',
          after: missing.map((r) => r.code),
        });
      });
    },

    async catalogue(): Promise<(Reward & { stockLeft: number })[]> {
      const stock = new Map(
        (await db.selectFrom('carbon_reward_stock').selectAll().execute()).map((r) => [
          r.code,
          Number(r.stock_left),
        ]),
      );
      return [...loadRewardCatalogue().values()].map((r) => ({ ...r, stockLeft: stock.get(r.code) ?? 0 }));
    },

    /**
     * Buys `quantity` of a reward with the resident's points. Stock and points move in one transaction; the
     * same idempotency key returns the first redemption instead of buying twice.
     */
    async redeem(
      request: { residentId: string; rewardCode: string; quantity: number; idempotencyKey: string },
      actor: Actor,
      language: Language,
      requestId: string | null = null,
    ): Promise<Redemption> {
      const residentId = request.residentId.toUpperCase();
      const key = `${residentId}:${request.idempotencyKey}`;
      const earlier = await byKey(key);
      if (earlier) {
        if (earlier.reward_code !== request.rewardCode || Number(earlier.quantity) !== request.quantity) {
          throw new AppError(409, 'IDEMPOTENCY_CONFLICT', 'idempotencyConflict', {
            key: request.idempotencyKey,
          });
        }
        return toRedemption(earlier, true);
      }
      const reward = loadRewardCatalogue().get(request.rewardCode);
      if (!reward) throw notFound('reward', request.rewardCode);
      const stockRow = await db
        .selectFrom('carbon_reward_stock')
        .select('stock_left')
        .where('code', '=', reward.code)
        .executeTakeFirst();
      const account = await db
        .selectFrom('carbon_accounts')
        .select('account_no')
        .where('subject_type', '=', 'resident')
        .where('subject_id', '=', residentId)
        .executeTakeFirst();
      if (!account) throw notFound('carbon account', 'me');
      const wallet = walletOf(account.account_no);
      let balance = 0;
      try {
        balance = await ledger.balance(wallet);
      } catch (error) {
        if (!(error instanceof AppError && error.status === 404)) throw error;
      }
      // A friendly refusal first; the stock UPDATE and the ledger's non-negative wallet enforce it under races.
      const check = checkRedemption(reward, balance, Number(stockRow?.stock_left ?? 0), request.quantity);
      if (!check.ok) {
        const status = check.reason.code === 'invalid_quantity' ? 422 : 409;
        throw new AppError(status, check.reason.code.toUpperCase(), 'invalidValue', {
          reason: describeRedemptionRefusal(check.reason, language),
        });
      }
      const row: CarbonRedemptionTable = {
        id: randomUUID(),
        idempotency_key: key,
        subject_id: residentId,
        reward_code: reward.code,
        quantity: request.quantity,
        points: check.points,
        ledger_transaction_id: '',
        created_at: now().toISOString(),
      };
      try {
        await audit.transaction(db, async (trx) => {
          await serializeWithinTransaction(trx, database.dialect, 'carbon_redemption');
          const taken = await trx
            .updateTable('carbon_reward_stock')
            .set({ stock_left: sql`stock_left - ${request.quantity}` })
            .where('code', '=', reward.code)
            .where('stock_left', '>=', request.quantity)
            .executeTakeFirst();
          if (Number(taken.numUpdatedRows) !== 1) {
            throw new AppError(409, 'OUT_OF_STOCK', 'invalidValue', {
              reason: describeRedemptionRefusal(
                { code: 'out_of_stock', quantity: request.quantity, stockLeft: 0 },
                language,
              ),
            });
          }
          await ledger.openAccountsWithin(
            trx,
            [{ id: POINTS_REDEEMED, currency: 'POINTS', label: '碳积分核销 carbon points redeemed' }],
            actor,
          );
          const posted = await ledger.postWithin(trx, {
            idempotencyKey: `carbon.redeem:${key}`,
            description: `积分兑换 ${reward.code} × ${request.quantity}`,
            actor,
            requestId,
            lines: [
              { accountId: wallet, amount: -check.points },
              { accountId: POINTS_REDEEMED, amount: check.points },
            ],
          });
          row.ledger_transaction_id = posted.transactionId;
          await trx.insertInto('carbon_redemptions').values(row).execute();
          await audit.record(trx, {
            actor,
            action: 'carbon.reward.redeem',
            resourceType: 'carbon_redemption',
            resourceId: row.id,
            after: row,
            requestId,
          });
        });
      } catch (error) {
        // A concurrent submit with the same key won: answer as its replay.
        const winner = isUniqueViolation(error) ? await byKey(key) : undefined;
        if (winner) return toRedemption(winner, true);
        throw error;
      }
      return toRedemption(row, false);
    },

    async redemptionsOf(residentId: string): Promise<Redemption[]> {
      const rows = await db
        .selectFrom('carbon_redemptions')
        .selectAll()
        .where('subject_id', '=', residentId.toUpperCase())
        .orderBy('created_at', 'desc')
        .limit(100)
        .execute();
      return rows.map((r) => toRedemption(r, false));
    },
  };
}
