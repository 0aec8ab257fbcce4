import type { AnyDb, KeyGroup, SanquDatabase } from '../../kernel/db';
import type { ValidEvent } from './behaviour-events';
import type { BehaviourCatalogue } from './behaviours';
import { deleteEvents, type EventRow, insertEvents, usageOf } from './ingest-store';
import {
  type Assessment,
  assessInOrder,
  dayOfMillis,
  expiryOfDay,
  isoOfMillis,
  type PointsConfig,
} from './points';

export interface StoredEvent {
  event: ValidEvent;
  assessment: Assessment;
}

export interface StoreRequest {
  source: string;
  batchId: number;
  receivedAt: string;
  catalogue: BehaviourCatalogue;
  config: PointsConfig;
}

/**
 * Assesses `events` against the daily caps and stores them with their points, inside the caller's transaction and
 * under the ingest lock. The events must be unique in the batch and belong to residents with an account.
 *
 * Whether an event was received before is left to the insert (ON CONFLICT DO NOTHING) instead of a lookup per
 * event first: a retried event is the exception, so the common batch pays one index probe per event, not two.
 * When the insert does find stored events, the batch was assessed as if they were new (and their units were in
 * the usage read as well), so the rows this attempt did insert are deleted again and the others assessed without
 * them; under the lock the second attempt stores them all. No savepoint is taken for this: with one open, SQLite
 * copies every page the insert touches to a sub-journal first, which cost the common batch a tenth of its time
 * (measured, bench/README.md) to spare the rare retried one a delete. Returns the stored events in assessment
 * order and the events that had been received before.
 */
export async function storeAssessed(
  database: SanquDatabase,
  trx: AnyDb,
  request: StoreRequest,
  events: readonly ValidEvent[],
): Promise<{ stored: StoredEvent[]; receivedBefore: ValidEvent[] }> {
  const receivedBefore: ValidEvent[] = [];
  let candidates = events;
  for (;;) {
    const used = await usageOf(database, trx, residentsByDay(candidates));
    const assessed = assessInOrder(request.catalogue, request.config, candidates, used);
    const expiries = new Map<string, string>();
    const rows = assessed.map(({ event, day, assessment }) => {
      let expires = expiries.get(day);
      if (expires === undefined) {
        expires = expiryOfDay(day, request.config);
        expiries.set(day, expires);
      }
      return rowOf(request, event, day, assessment, expires);
    });
    const inserted = await insertEvents(database, trx, rows);
    if (inserted.every(Boolean)) return { stored: assessed, receivedBefore };
    await deleteEvents(
      trx,
      request.source,
      assessed.filter((_, i) => inserted[i]).map((a) => a.event.eventId),
    );
    const stored = new Set(assessed.filter((_, i) => !inserted[i]).map((a) => a.event.eventId));
    for (const event of candidates) if (stored.has(event.eventId)) receivedBefore.push(event);
    candidates = candidates.filter((event) => !stored.has(event.eventId));
  }
}

/**
 * The residents of `events` by Asia/Shanghai day, each once: the (resident, day) pairs whose cap usage the
 * assessment needs, grouped as the usage probe sends them (one statement per day).
 */
function residentsByDay(events: readonly ValidEvent[]): KeyGroup[] {
  const byDay = new Map<string, Set<string>>();
  for (const event of events) {
    const day = dayOfMillis(event.at);
    let residents = byDay.get(day);
    if (residents === undefined) {
      residents = new Set();
      byDay.set(day, residents);
    }
    residents.add(event.subjectId);
  }
  return [...byDay].map(([day, residents]) => ({ rest: [day], firsts: [...residents] }));
}

function rowOf(
  request: StoreRequest,
  event: ValidEvent,
  day: string,
  assessment: Assessment,
  expiresOn: string,
): EventRow {
  return [
    request.source,
    event.eventId,
    event.subjectId,
    event.behaviour,
    event.amount,
    isoOfMillis(event.at),
    day,
    Math.round(assessment.creditedUnits * 1000),
    assessment.grams,
    assessment.points,
    assessment.capped ? 1 : 0,
    expiresOn,
    null,
    request.receivedAt,
    null,
    request.batchId,
  ];
}
