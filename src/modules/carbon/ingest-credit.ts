import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditActor, AuditService } from '../../kernel/audit';
import type { DialectName } from '../../kernel/db';
import { serializeWithinTransaction } from '../../kernel/db';
import type { LedgerService } from '../../kernel/ledger';
import type { CarbonTables } from './carbon.tables';
import { POINTS_ISSUER, walletOf } from './points-accounts';

/** Batches credited per run: bounds one run's transaction (and ledger posting) after a long backlog. */
export const CREDIT_BATCHES_PER_RUN = 50;

export interface CreditRun {
  batches: number;
  wallets: number;
  points: number;
}

export interface CreditDeps {
  dialect: DialectName;
  audit: AuditService;
  ledger: LedgerService;
  now: () => Date;
}

/**
 * 积分入账 — posts the points of up to CREDIT_BATCHES_PER_RUN accepted batches to the residents' wallets, inside
 * the caller's transaction: one ledger posting with one line per wallet, the batches marked credited with its
 * transaction id. Runs under the ingest lock, so a batch is credited exactly once; the idempotency key (the batch
 * ids) makes a retried run post nothing twice.
 */
export async function creditPendingWithin(
  trx: Kysely<CarbonTables>,
  deps: CreditDeps,
  actor: AuditActor | null,
): Promise<CreditRun> {
  await serializeWithinTransaction(trx, deps.dialect, 'carbon_behaviour_ingest');
  const pending = await trx
    .selectFrom('carbon_behaviour_batches')
    .select(['id', 'credits'])
    .where('credited_at', 'is', null)
    .orderBy('id')
    .limit(CREDIT_BATCHES_PER_RUN)
    .execute();
  if (pending.length === 0) return { batches: 0, wallets: 0, points: 0 };
  const owed = new Map<string, number>();
  for (const batch of pending)
    for (const [account, points] of JSON.parse(batch.credits) as [string, number][])
      owed.set(account, (owed.get(account) ?? 0) + points);
  const accounts = [...owed.keys()].sort();
  const points = accounts.reduce((sum, account) => sum + owed.get(account)!, 0);
  const ids = pending.map((b) => Number(b.id));
  const creditedAt = deps.now().toISOString();
  let transactionId: string | null = null;
  if (points > 0) {
    await deps.ledger.openAccountsWithin(
      trx,
      [
        {
          id: POINTS_ISSUER,
          currency: 'POINTS',
          label: '碳积分发行 carbon points issued',
          allowNegative: true,
        },
        ...accounts.map((account) => ({
          id: walletOf(account),
          currency: 'POINTS' as const,
          label: '碳积分 carbon points',
          ownerType: 'carbon_account',
          ownerId: account,
        })),
      ],
      actor,
    );
    const posted = await deps.ledger.postWithin(trx, {
      idempotencyKey: `carbon.credit:${ids[0]}-${ids.at(-1)}:${createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 32)}`,
      description: `碳积分入账 points of ${ids.length} behaviour batches to ${accounts.length} wallets`,
      actor,
      lines: [
        { accountId: POINTS_ISSUER, amount: -points },
        ...accounts.map((account) => ({ accountId: walletOf(account), amount: owed.get(account)! })),
      ],
    });
    transactionId = posted.transactionId;
  }
  await trx
    .updateTable('carbon_behaviour_batches')
    .set({ ledger_transaction_id: transactionId, credited_at: creditedAt })
    .where('id', 'in', ids)
    .execute();
  await deps.audit.record(trx, {
    actor,
    action: 'carbon.points.credit',
    resourceType: 'carbon_behaviour_batch',
    resourceId: `${ids[0]}..${ids.at(-1)}`,
    after: { batches: ids, points, wallets: accounts.length, transactionId },
  });
  return { batches: ids.length, wallets: accounts.length, points };
}
