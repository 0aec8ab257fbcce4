import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditService } from '../../kernel/audit';
import type { Actor } from '../../kernel/auth';
import { type SanquDatabase, serializeWithinTransaction, tablesOf } from '../../kernel/db';
import { AppError, type Language } from '../../kernel/errors';
import type { LedgerService } from '../../kernel/ledger';
import { type BehaviourEvent, type EventRejection, parseBehaviourBatch } from './behaviour-events';
import type { CarbonTables } from './carbon.tables';
import { describeBatchError, describeEventRejection } from './event-messages';
import { loadBehaviourCatalogue, loadPointsConfig } from './load-behaviours';
import { assessBatch, dayKey, expiryDate, usageKey } from './points';
import { POINTS_ISSUER, walletOf } from './points-accounts';

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
  points: number;
  results: EventResult[];
}

const CHUNK = 500;

export type CarbonIngestService = ReturnType<typeof createCarbonIngestService>;

/**
 * 绿色行为入账 — turns a batch of behaviour events into grams reduced and points in the ledger. One transaction
 * per batch: events, daily-cap usage and the points posting commit together, so a failure leaves nothing behind
 * and a retried batch finds its events already there (duplicate, never counted twice).
 */
export function createCarbonIngestService(
  database: SanquDatabase,
  audit: AuditService,
  ledger: LedgerService,
  now: () => Date = () => new Date(),
) {
  const db = tablesOf<CarbonTables>(database.db);

  async function alreadyStored(trx: Kysely<CarbonTables>, source: string, ids: string[]) {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await trx
        .selectFrom('carbon_behaviour_events')
        .select('event_id')
        .where('source', '=', source)
        .where('event_id', 'in', ids.slice(i, i + CHUNK))
        .execute();
      for (const row of rows) found.add(row.event_id);
    }
    return found;
  }

  /** Resident ID -> household-life account number, for the residents that have one. */
  async function residentsWithAccounts(trx: Kysely<CarbonTables>, ids: string[]) {
    const found = new Map<string, string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await trx
        .selectFrom('carbon_accounts')
        .select(['subject_id', 'account_no'])
        .where('subject_type', '=', 'resident')
        .where('subject_id', 'in', ids.slice(i, i + CHUNK))
        .execute();
      for (const row of rows) found.set(row.subject_id, row.account_no);
    }
    return found;
  }

  /** What each person in `events` already has credited on the events' days, by usageKey, in units. */
  async function usageOf(trx: Kysely<CarbonTables>, events: BehaviourEvent[]) {
    const used = new Map<string, number>();
    const subjects = [...new Set(events.map((e) => e.subjectId))];
    const dayList = [...new Set(events.map((e) => dayKey(e.occurredAt)))];
    for (let i = 0; i < subjects.length; i += CHUNK) {
      const rows = await trx
        .selectFrom('carbon_behaviour_usage')
        .selectAll()
        .where('subject_id', 'in', subjects.slice(i, i + CHUNK))
        .where('day', 'in', dayList)
        .execute();
      for (const row of rows)
        used.set(usageKey(row.subject_id, row.behaviour, row.day), Number(row.used_milli) / 1000);
    }
    return used;
  }

  return {
    /**
     * Ingests a JSON array or NDJSON batch from `actor` (the source: its events' ids are unique per source).
     * Returns a result per event; only a body that is not a batch at all is an error.
     */
    async ingest(
      body: unknown,
      actor: Actor,
      language: Language,
      requestId: string | null = null,
    ): Promise<IngestReport> {
      const catalogue = loadBehaviourCatalogue();
      const config = loadPointsConfig();
      const parsed = parseBehaviourBatch(body, catalogue, { now: now() });
      if (!parsed.ok) {
        const status = parsed.error.code === 'too_many_events' ? 413 : 400;
        throw new AppError(status, `BATCH_${parsed.error.code.toUpperCase()}`, 'invalidValue', {
          reason: describeBatchError(parsed.error, language),
        });
      }
      const source = `user:${actor.username}`;
      const results: EventResult[] = parsed.rejected.map((r) => ({
        index: r.index,
        eventId: r.eventId ?? null,
        status: r.reason.code === 'duplicate' ? 'duplicate' : 'rejected',
        reason: { code: r.reason.code, message: describeEventRejection(r.reason, language) },
      }));
      const reject = (
        index: number,
        eventId: string,
        reason: EventRejection,
        status: EventStatus = 'rejected',
      ) =>
        results.push({
          index,
          eventId,
          status,
          reason: { code: reason.code, message: describeEventRejection(reason, language) },
        });

      let points = 0;
      await audit.transaction(db, async (trx) => {
        // One ingesting transaction at a time keeps the daily caps exact; at city scale this becomes a lock per
        // subject partition.
        await serializeWithinTransaction(trx, database.dialect, 'carbon_behaviour_ingest');
        const events = parsed.events.map((e) => ({ ...e, source, subjectId: e.subjectId.toUpperCase() }));
        const stored = await alreadyStored(
          trx,
          source,
          events.map((e) => e.eventId),
        );
        const known = await residentsWithAccounts(trx, [
          ...new Set(events.map((e) => e.subjectId.toUpperCase())),
        ]);
        const firstIndex = new Map<string, number>();
        const fresh = events.filter((e) => {
          if (stored.has(e.eventId)) {
            reject(
              e.index,
              e.eventId,
              { code: 'already_received', params: { eventId: e.eventId } },
              'duplicate',
            );
            return false;
          }
          // The parser dedupes on the client's own `source` field; the source that counts is the caller.
          const earlier = firstIndex.get(e.eventId);
          if (earlier !== undefined) {
            reject(
              e.index,
              e.eventId,
              { code: 'duplicate', params: { eventId: e.eventId, firstIndex: earlier } },
              'duplicate',
            );
            return false;
          }
          firstIndex.set(e.eventId, e.index);
          if (!known.has(e.subjectId.toUpperCase())) {
            reject(e.index, e.eventId, { code: 'invalid_subject', params: { reason: 'no_carbon_account' } });
            return false;
          }
          return true;
        });
        if (fresh.length === 0) return;
        const used = await usageOf(trx, fresh);
        const assessed = assessBatch(catalogue, config, fresh, used);
        const receivedAt = now().toISOString();
        const bySubject = new Map<string, number>();
        const indexOf = new Map(fresh.map((e) => [e.eventId, e.index]));
        const rows = assessed.results.map(({ event, day, assessment }) => {
          const subject = event.subjectId.toUpperCase();
          bySubject.set(subject, (bySubject.get(subject) ?? 0) + assessment.points);
          results.push({
            index: indexOf.get(event.eventId)!,
            eventId: event.eventId,
            status: 'accepted',
            points: assessment.points,
            grams: assessment.grams,
            capped: assessment.capped,
          });
          return {
            source,
            event_id: event.eventId,
            subject_id: subject,
            behaviour: event.behaviour,
            amount: event.amount,
            occurred_at: event.occurredAt,
            day,
            credited_milli: Math.round(assessment.creditedUnits * 1000),
            grams: assessment.grams,
            points: assessment.points,
            capped: assessment.capped ? 1 : 0,
            expires_on: expiryDate(event.occurredAt, config),
            ledger_transaction_id: null as string | null,
            received_at: receivedAt,
            reversed_at: null,
          };
        });
        points = [...bySubject.values()].reduce((a, b) => a + b, 0);
        if (points > 0) {
          const earners = [...bySubject].filter(([, p]) => p > 0);
          await ledger.openAccountsWithin(
            trx,
            [
              {
                id: POINTS_ISSUER,
                currency: 'POINTS',
                label: '碳积分发行 carbon points issued',
                allowNegative: true,
              },
              ...earners.map(([id]) => ({
                id: walletOf(known.get(id)!),
                currency: 'POINTS' as const,
                label: '碳积分 carbon points',
                ownerType: 'carbon_account',
                ownerId: known.get(id)!,
              })),
            ],
            actor,
          );
          const keys = rows.map((r) => r.event_id).sort();
          const posted = await ledger.postWithin(trx, {
            idempotencyKey: `carbon.behaviours:${source}:${createHash('sha256').update(keys.join('\n')).digest('hex')}`,
            description: `碳积分 ${rows.length} behaviour events from ${source}`,
            actor,
            requestId,
            lines: [
              { accountId: POINTS_ISSUER, amount: -points },
              ...earners.map(([id, p]) => ({ accountId: walletOf(known.get(id)!), amount: p })),
            ],
          });
          for (const row of rows) row.ledger_transaction_id = posted.transactionId;
        }
        for (let i = 0; i < rows.length; i += CHUNK)
          await trx
            .insertInto('carbon_behaviour_events')
            .values(rows.slice(i, i + CHUNK))
            .execute();
        const touched = new Set(
          assessed.results.map((r) => usageKey(r.event.subjectId, r.event.behaviour, r.day)),
        );
        for (const key of touched) {
          const [subject, behaviour, day] = key.split('|') as [string, string, string];
          const milli = Math.round((assessed.usedUnits.get(key) ?? 0) * 1000);
          if (used.has(key)) {
            await trx
              .updateTable('carbon_behaviour_usage')
              .set({ used_milli: milli })
              .where('subject_id', '=', subject)
              .where('behaviour', '=', behaviour)
              .where('day', '=', day)
              .execute();
          } else {
            await trx
              .insertInto('carbon_behaviour_usage')
              .values({ subject_id: subject, behaviour, day, used_milli: milli })
              .execute();
          }
        }
        await audit.record(trx, {
          actor,
          action: 'carbon.behaviours.ingest',
          resourceType: 'carbon_behaviour_batch',
          resourceId: source,
          after: { events: rows.map((r) => r.event_id), points },
          requestId,
        });
      });
      results.sort((a, b) => a.index - b.index);
      const count = (status: EventStatus) => results.filter((r) => r.status === status).length;
      return {
        accepted: count('accepted'),
        duplicates: count('duplicate'),
        rejected: count('rejected'),
        points,
        results,
      };
    },

    /** A resident's points balance (0 before their first credit). */
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
