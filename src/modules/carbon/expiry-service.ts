import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditActor, AuditService } from '../../kernel/audit';
import { type SanquDatabase, serializeWithinTransaction, tablesOf } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import type { LedgerService } from '../../kernel/ledger';
import { type Progress, silentProgress } from '../../kernel/progress';
import type { CarbonTables } from './carbon.tables';
import { expirablePoints } from './expiry-fifo';
import { shanghaiDay } from './periods';
import { POINTS_ISSUER, walletOf } from './points-accounts';

export interface ExpiryReport {
  asOf: string;
  /** Residents whose wallets lost points in this run. */
  residents: number;
  points: number;
}

export interface ExpiryOptions {
  /** Only lots that ran out after this day are looked at (the close passes a few months back); all when absent. */
  since?: string;
  actor?: AuditActor | null;
  progress?: Progress;
}

const CHUNK = 1_000;
const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export type CarbonExpiryService = ReturnType<typeof createCarbonExpiryService>;

/** Sums of `column` per subject over `rows`, as numbers. */
const sums = (rows: { subject_id: string; total: number | string | null }[]) =>
  new Map(rows.map((r) => [r.subject_id, Number(r.total ?? 0)]));

/**
 * 积分过期 — posts the points that ran out back from residents' wallets to the issuer, first in first out (see
 * expiry-fifo.ts): spending and earlier expiries used the oldest points, so only what is left of the expired lots
 * goes. Each wallet's cumulative expired total keys its expiry rows and the ledger posting, so a repeated run
 * expires nothing more and two runs racing cannot both post.
 */
export function createCarbonExpiryService(
  database: SanquDatabase,
  audit: AuditService,
  ledger: LedgerService,
  now: () => Date = () => new Date(),
) {
  const db = tablesOf<CarbonTables>(database.db);

  /** Expires one chunk of residents in one audited transaction; returns [residents, points]. */
  async function expireChunk(subjects: string[], asOf: string, actor: AuditActor | null) {
    return audit.transaction(db, async (trx: Kysely<CarbonTables>) => {
      // The ingest lock: no event is credited or reversed while a wallet's lots are being counted.
      await serializeWithinTransaction(trx, database.dialect, 'carbon_behaviour_ingest');
      // Lots are the events whose points reached the wallet: credited on receipt, or by their batch's crediting.
      const events = trx
        .selectFrom('carbon_behaviour_events as e')
        .leftJoin('carbon_behaviour_batches as b', 'b.id', 'e.batch_id')
        .where('e.subject_id', 'in', subjects)
        .where('e.reversed_at', 'is', null)
        .where((eb) => eb.or([eb('e.batch_id', 'is', null), eb('b.credited_at', 'is not', null)]))
        .groupBy('e.subject_id')
        .select(['e.subject_id', (eb) => eb.fn.sum<number>('e.points').as('total')]);
      const [expiring, earned, spent, expired, accounts] = await Promise.all([
        events.where('e.expires_on', '<=', asOf).execute(),
        events.execute(),
        trx
          .selectFrom('carbon_redemptions')
          .select(['subject_id', (eb) => eb.fn.sum<number>('points').as('total')])
          .where('subject_id', 'in', subjects)
          .groupBy('subject_id')
          .execute(),
        trx
          .selectFrom('carbon_points_expiries')
          .select(['subject_id', (eb) => eb.fn.sum<number>('points').as('total')])
          .where('subject_id', 'in', subjects)
          .groupBy('subject_id')
          .execute(),
        trx
          .selectFrom('carbon_accounts')
          .select(['subject_id', 'account_no'])
          .where('subject_type', '=', 'resident')
          .where('subject_id', 'in', subjects)
          .execute(),
      ]);
      const [expiringOf, earnedOf, spentOf, expiredOf] = [expiring, earned, spent, expired].map(sums) as [
        Map<string, number>,
        Map<string, number>,
        Map<string, number>,
        Map<string, number>,
      ];
      const accountOf = new Map(accounts.map((a) => [a.subject_id, a.account_no]));
      const due = subjects
        .map((subject) => {
          const consumed = (spentOf.get(subject) ?? 0) + (expiredOf.get(subject) ?? 0);
          const points = expirablePoints({
            expiringEarned: expiringOf.get(subject) ?? 0,
            consumed,
            // The wallet as the carbon module accounts for it; the ledger's own guard backs this up.
            balance: (earnedOf.get(subject) ?? 0) - consumed,
          });
          const accountNo = accountOf.get(subject);
          return { subject, accountNo, points, before: expiredOf.get(subject) ?? 0 };
        })
        .filter((d): d is typeof d & { accountNo: string } => d.points > 0 && d.accountNo !== undefined)
        .sort((a, b) => (a.accountNo < b.accountNo ? -1 : 1));
      if (due.length === 0) return [0, 0] as const;
      const total = due.reduce((sum, d) => sum + d.points, 0);
      const transitions = due.map((d) => `${d.accountNo}:${d.before}+${d.points}`).join('\n');
      const posted = await ledger.postWithin(trx, {
        idempotencyKey: `carbon.points.expire:${createHash('sha256').update(transitions).digest('hex')}`,
        description: `积分过期 points expired by ${asOf}: ${due.length} wallets`,
        actor,
        lines: [
          { accountId: POINTS_ISSUER, amount: total },
          ...due.map((d) => ({ accountId: walletOf(d.accountNo), amount: -d.points })),
        ],
      });
      const createdAt = now().toISOString();
      await trx
        .insertInto('carbon_points_expiries')
        .values(
          due.map((d) => ({
            account_no: d.accountNo,
            expired_through: d.before + d.points,
            subject_id: d.subject,
            points: d.points,
            as_of: asOf,
            ledger_transaction_id: posted.transactionId,
            created_at: createdAt,
          })),
        )
        .execute();
      await audit.record(trx, {
        actor,
        action: 'carbon.points.expire',
        resourceType: 'carbon_points',
        resourceId: asOf,
        after: { wallets: due.map((d) => d.accountNo), points: total },
      });
      return [due.length, total] as const;
    });
  }

  return {
    /**
     * Expires, per resident, the points of events whose `expires_on` is on or before `asOf` ('YYYY-MM-DD',
     * Asia/Shanghai) and that were neither spent nor expired yet. `asOf` may not be after today.
     * @example await platform.carbon.points.expire('2026-03-31') // { asOf, residents: 12, points: 3400 }
     */
    async expire(asOf: string, options: ExpiryOptions = {}): Promise<ExpiryReport> {
      const today = shanghaiDay(now());
      if (!DAY_PATTERN.test(asOf) || (options.since !== undefined && !DAY_PATTERN.test(options.since)))
        throw new AppError(422, 'INVALID_DATE', 'closeBadDate', { date: options.since ?? asOf });
      if (asOf > today) throw new AppError(422, 'EXPIRY_IN_FUTURE', 'expiryInFuture', { asOf, today });
      let candidates = db
        .selectFrom('carbon_behaviour_events')
        .select('subject_id')
        .distinct()
        .where('expires_on', '<=', asOf)
        .where('reversed_at', 'is', null)
        .where('points', '>', 0);
      if (options.since) candidates = candidates.where('expires_on', '>', options.since);
      const subjects = (await candidates.execute()).map((r) => r.subject_id).sort();
      const progress = options.progress ?? silentProgress;
      progress.start(`carbon: points expiring by ${asOf}`, subjects.length);
      let residents = 0;
      let points = 0;
      for (let i = 0; i < subjects.length; i += CHUNK) {
        const chunk = subjects.slice(i, i + CHUNK);
        const [n, p] = await expireChunk(chunk, asOf, options.actor ?? null);
        residents += n;
        points += p;
        progress.increment(chunk.length);
      }
      progress.stop();
      return { asOf, residents, points };
    },

    /** Points expired from one resident's wallet so far. */
    async expiredOf(residentId: string): Promise<number> {
      const row = await db
        .selectFrom('carbon_points_expiries')
        .select((eb) => eb.fn.sum<number>('points').as('total'))
        .where('subject_id', '=', residentId.toUpperCase())
        .executeTakeFirst();
      return Number(row?.total ?? 0);
    },
  };
}
