import type { Kysely } from 'kysely';
import type { AuditService } from '../../kernel/audit';
import type { Actor } from '../../kernel/auth';
import { type SanquDatabase, serializeWithinTransaction, tablesOf } from '../../kernel/db';
import { AppError, notFound } from '../../kernel/errors';
import type { LedgerService } from '../../kernel/ledger';
import type { CarbonTables } from './carbon.tables';
import { creditPendingWithin } from './ingest-credit';
import { shanghaiDay } from './periods';
import { POINTS_ISSUER, walletOf } from './points-accounts';

export type CarbonReversalService = ReturnType<typeof createCarbonReversalService>;

/** 冲正 — undoing behaviour events that should not have counted. */
export function createCarbonReversalService(
  database: SanquDatabase,
  audit: AuditService,
  ledger: LedgerService,
  now: () => Date = () => new Date(),
) {
  const db = tablesOf<CarbonTables>(database.db);

  /** Expired: its expiry day has come (Asia/Shanghai), or an expiry run has already posted through that day. */
  async function hasExpired(
    trx: Kysely<CarbonTables>,
    event: { subject_id: string; expires_on: string },
  ): Promise<boolean> {
    if (event.expires_on <= shanghaiDay(now())) return true;
    const posted = await trx
      .selectFrom('carbon_points_expiries')
      .select('as_of')
      .where('subject_id', '=', event.subject_id)
      .where('as_of', '>=', event.expires_on)
      .executeTakeFirst();
    return posted !== undefined;
  }
  /**
   * Undoes one event exactly: its points go back to the issuer, its units back to the day's cap, and the event is
   * marked reversed. Reversing twice changes nothing the second time. Points already spent cannot be reversed
   * (409), so a wallet never goes negative; nor can points that have expired (409): they left the wallet, or are
   * about to, through the expiry, and taking them again would take the resident's other, valid points.
   */
  return {
    async reverse(source: string, eventId: string, actor: Actor, requestId: string | null = null) {
      return audit.transaction(db, async (trx) => {
        await serializeWithinTransaction(trx, database.dialect, 'carbon_behaviour_ingest');
        // Points still waiting for the crediting step are posted first, so the reversal always takes back points
        // that are in the wallet (the same transaction: nothing is half-done if the reversal fails).
        const deps = { dialect: database.dialect, audit, ledger, now };
        while ((await creditPendingWithin(trx, deps, actor)).batches > 0);
        const event = await trx
          .selectFrom('carbon_behaviour_events')
          .selectAll()
          .where('source', '=', source)
          .where('event_id', '=', eventId)
          .executeTakeFirst();
        if (!event) throw notFound('behaviour event', eventId);
        if (event.reversed_at)
          return {
            eventId,
            points: Number(event.points),
            reversedAt: event.reversed_at,
            alreadyReversed: true,
          };
        const points = Number(event.points);
        if (points > 0 && (await hasExpired(trx, event))) {
          throw new AppError(409, 'BEHAVIOUR_POINTS_EXPIRED', 'reversalPointsExpired', {
            eventId,
            expiresOn: event.expires_on,
          });
        }
        if (points > 0) {
          const account = await trx
            .selectFrom('carbon_accounts')
            .select('account_no')
            .where('subject_type', '=', 'resident')
            .where('subject_id', '=', event.subject_id)
            .executeTakeFirstOrThrow();
          await ledger.postWithin(trx, {
            idempotencyKey: `carbon.reverse:${source}:${eventId}`,
            description: `冲正 reversal of behaviour event ${eventId}`,
            actor,
            requestId,
            lines: [
              { accountId: walletOf(account.account_no), amount: -points },
              { accountId: POINTS_ISSUER, amount: points },
            ],
          });
        }
        // The day's cap usage is summed from unreversed events, so marking this one reversed returns its units.
        const reversedAt = now().toISOString();
        await trx
          .updateTable('carbon_behaviour_events')
          .set({ reversed_at: reversedAt })
          .where('source', '=', source)
          .where('event_id', '=', eventId)
          .execute();
        await audit.record(trx, {
          actor,
          action: 'carbon.behaviour.reverse',
          resourceType: 'carbon_behaviour_event',
          resourceId: `${source}/${eventId}`,
          before: { points, creditedMilli: Number(event.credited_milli) },
          after: { reversedAt },
          requestId,
        });
        return { eventId, points, reversedAt, alreadyReversed: false };
      });
    },
  };
}
