import { createHash } from 'node:crypto';
import type { AuditActor, AuditService } from '../../kernel/audit';
import type { Actor } from '../../kernel/auth';
import { type SanquDatabase, serializeWithinTransaction, tablesOf } from '../../kernel/db';
import { AppError, type Language } from '../../kernel/errors';
import type { LedgerService } from '../../kernel/ledger';
import { type EventRejection, parseBehaviourBatch, type ValidEvent } from './behaviour-events';
import type { CarbonTables } from './carbon.tables';
import { describeBatchError, describeEventRejection } from './event-messages';
import { storeAssessed } from './ingest-accept';
import { type CreditRun, creditPendingWithin } from './ingest-credit';
import { createAccountCache } from './ingest-store';
import { createCreditWorker } from './ingest-worker';
import { loadBehaviourCatalogue, loadPointsConfig } from './load-behaviours';
import { walletOf } from './points-accounts';

export type EventStatus = 'accepted' | 'duplicate' | 'rejected';

export interface EventResult {
  index: number;
  eventId: string | null;
  status: EventStatus;
  points?: number;
  grams?: number;
  capped?: boolean;
  reason?: { code: string; message: string };
}

export interface IngestReport {
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Points this batch earned (daily caps applied) */
  points: number;
  /** True while those points wait for the crediting step; the wallets show them once it has run (about a second) */
  pointsPending: boolean;
  results: EventResult[];
}

/** A source name for imports and partner systems: lower-case letters, digits, '.', '_', '-'. */
export const SOURCE_NAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export type CarbonIngestService = ReturnType<typeof createCarbonIngestService>;

/**
 * 绿色行为入账 — accepts batches of behaviour events and credits their points.
 *
 * Accepting is one transaction per batch: events are deduplicated on (source, eventId), assessed against the daily
 * caps (usage summed from the stored events) and stored with their grams and points, and the batch row records
 * what each wallet is owed. Crediting posts owed points to the ledger for many batches at once (one posting, one
 * line per wallet), in `creditPending()`; the background worker runs it about a second after points were accepted.
 * So a result is final when it is returned — accepted events keep exactly the points reported — and the balance
 * follows within the worker's delay. Separating the two keeps the per-wallet ledger work per crediting run, not
 * per request (see docs/modules/carbon.md, "Ingestion").
 */
export function createCarbonIngestService(
  database: SanquDatabase,
  audit: AuditService,
  ledger: LedgerService,
  now: () => Date = () => new Date(),
) {
  const db = tablesOf<CarbonTables>(database.db);
  const creditDeps = { dialect: database.dialect, audit, ledger, now };

  /** Credits every pending batch, one run (≤ 50 batches) per transaction; returns the totals. */
  async function creditPending(actor: AuditActor | null = null): Promise<CreditRun> {
    const total = { batches: 0, wallets: 0, points: 0 };
    for (;;) {
      const run = await audit.transaction(db, (trx) => creditPendingWithin(trx, creditDeps, actor));
      if (run.batches === 0) return total;
      total.batches += run.batches;
      total.wallets += run.wallets;
      total.points += run.points;
    }
  }
  const worker = createCreditWorker(() => creditPending());
  const accountCache = createAccountCache();

  async function ingestFrom(
    source: string,
    body: unknown,
    actor: AuditActor | null,
    language: Language,
    requestId: string | null,
  ): Promise<IngestReport> {
    const catalogue = loadBehaviourCatalogue();
    const config = loadPointsConfig();
    // Ids are unique per caller (the source that counts), whatever `source` the events themselves name.
    const parsed = parseBehaviourBatch(body, catalogue, {
      now: now(),
      knownSubject: accountCache.has,
      idsUniquePerBatch: true,
    });
    if (!parsed.ok) {
      const status = parsed.error.code === 'too_many_events' ? 413 : 400;
      throw new AppError(status, `BATCH_${parsed.error.code.toUpperCase()}`, 'invalidValue', {
        reason: describeBatchError(parsed.error, language),
      });
    }
    // Each result goes to its event's position, so the report comes out in batch order without a sort.
    const byIndex: EventResult[] = [];
    const refuse = (index: number, eventId: string | null, reason: EventRejection, status: EventStatus) => {
      byIndex[index] = {
        index,
        eventId,
        status,
        reason: { code: reason.code, message: describeEventRejection(reason, language) },
      };
    };
    for (const r of parsed.rejected)
      refuse(r.index, r.eventId ?? null, r.reason, r.reason.code === 'duplicate' ? 'duplicate' : 'rejected');

    let points = 0;
    await audit.transaction(db, async (trx) => {
      // One accepting transaction at a time keeps the daily caps exact (SQLite has one writer anyway).
      await serializeWithinTransaction(trx, database.dialect, 'carbon_behaviour_ingest');
      const accounts = await accountCache.fill(
        database,
        trx,
        parsed.events.map((e) => e.subjectId),
      );
      const fresh: ValidEvent[] = [];
      // Each event's account by its position in the batch, for the amounts owed below.
      const accountAt: string[] = [];
      for (let i = 0; i < parsed.events.length; i++) {
        const e = parsed.events[i]!;
        const account = accounts[i];
        if (account !== undefined) {
          fresh.push(e);
          accountAt[e.index] = account;
        } else
          refuse(
            e.index,
            e.eventId,
            { code: 'invalid_subject', params: { reason: 'no_carbon_account' } },
            'rejected',
          );
      }
      const receivedAt = now().toISOString();
      const batch = await trx
        .insertInto('carbon_behaviour_batches')
        .values({
          source,
          received_at: receivedAt,
          events: 0,
          points: 0,
          credits: '[]',
          credited_at: receivedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const batchId = Number(batch.id);
      const { stored, receivedBefore } = await storeAssessed(
        database,
        trx,
        { source, batchId, receivedAt, catalogue, config },
        fresh,
      );
      for (const e of receivedBefore)
        refuse(e.index, e.eventId, { code: 'already_received', params: { eventId: e.eventId } }, 'duplicate');
      const owed = new Map<string, number>();
      const ids: string[] = [];
      for (const { event, assessment } of stored) {
        byIndex[event.index] = {
          index: event.index,
          eventId: event.eventId,
          status: 'accepted',
          points: assessment.points,
          grams: assessment.grams,
          capped: assessment.capped,
        };
        ids.push(event.eventId);
        if (assessment.points === 0) continue;
        const account = accountAt[event.index]!;
        owed.set(account, (owed.get(account) ?? 0) + assessment.points);
        points += assessment.points;
      }
      await trx
        .updateTable('carbon_behaviour_batches')
        .set({
          events: stored.length,
          points,
          credits: JSON.stringify([...owed]),
          credited_at: points > 0 ? null : receivedAt,
        })
        .where('id', '=', batchId)
        .execute();
      // The events name their batch (batch_id), so the entry counts them and fixes their ids with a digest rather
      // than listing ten thousand ids.
      await audit.record(trx, {
        actor,
        action: 'carbon.behaviours.ingest',
        resourceType: 'carbon_behaviour_batch',
        resourceId: String(batchId),
        after: {
          source,
          events: stored.length,
          eventIdsSha256: createHash('sha256').update(ids.join('\n')).digest('hex'),
          points,
        },
        requestId,
      });
    });
    if (points > 0) worker.poke();
    const results: EventResult[] = [];
    let accepted = 0;
    let duplicates = 0;
    // NDJSON blank lines leave holes, which for…of reads as undefined.
    for (const r of byIndex) {
      if (r === undefined) continue;
      results.push(r);
      if (r.status === 'accepted') accepted++;
      else if (r.status === 'duplicate') duplicates++;
    }
    return {
      accepted,
      duplicates,
      rejected: results.length - accepted - duplicates,
      points,
      pointsPending: points > 0,
      results,
    };
  }

  return {
    /**
     * Ingests a JSON array or NDJSON batch from `actor`, whose events' ids are unique per caller (`user:<name>`).
     * Returns a result per event; only a body that is not a batch at all is an error.
     */
    ingest(body: unknown, actor: Actor, language: Language, requestId: string | null = null) {
      return ingestFrom(`user:${actor.username}`, body, actor, language, requestId);
    },

    /**
     * The same for a named integration source (`sanqu carbon import --source transit`): ids are unique per
     * `import:<name>`, so re-importing a file counts nothing twice.
     */
    ingestFromSource(name: string, body: unknown, actor: AuditActor | null, language: Language) {
      if (!SOURCE_NAME.test(name))
        throw new AppError(422, 'INVALID_SOURCE', 'invalidValue', {
          reason: `source "${name}" must match ${SOURCE_NAME.source}`,
        });
      return ingestFrom(`import:${name}`, body, actor, language, null);
    },

    creditPending,

    /** Starts the background crediting worker (the HTTP server does); `delayMs` bounds how late a balance is. */
    startCrediting: worker.start,
    /** Stops the worker and credits what is still pending. */
    stopCrediting: worker.stop,

    /** A resident's points balance (0 before their first credit). Accepted points still pending are not in it. */
    async pointsBalance(residentId: string): Promise<number> {
      const account = await db
        .selectFrom('carbon_accounts')
        .select('account_no')
        .where('subject_type', '=', 'resident')
        .where('subject_id', '=', residentId.toUpperCase())
        .executeTakeFirst();
      if (!account) return 0;
      try {
        return await ledger.balance(walletOf(account.account_no));
      } catch (error) {
        if (error instanceof AppError && error.status === 404) return 0;
        throw error;
      }
    },
  };
}
