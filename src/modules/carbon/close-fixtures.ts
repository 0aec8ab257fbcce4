import { randomUUID } from 'node:crypto';
import { tablesOf } from '../../kernel/db';
import type { Platform } from '../../platform';
import type { CarbonTables } from './carbon.tables';
import { addMonths, shanghaiMonth } from './periods';
import { POINTS_ISSUER, walletOf } from './points-accounts';

/**
 * Test fixtures for the close and expiry (not used by the platform): behaviour events planted as if ingested and
 * credited, with the points posted to the ledger, so close and expiry tests do not depend on the ingest path's
 * window of accepted dates.
 */

export interface PlantedEvent {
  subjectId: string;
  /** Asia/Shanghai day 'YYYY-MM-DD' */
  day: string;
  grams: number;
  points: number;
  expiresOn: string;
  reversed?: boolean;
}

/** The month before `now`'s in Asia/Shanghai, 'YYYY-MM'. */
export function previousMonth(now: Date = new Date()): string {
  return addMonths(shanghaiMonth(now), -1);
}

/** Inserts the events and credits their (non-reversed) points to the residents' wallets in one posting. */
export async function plantEvents(platform: Platform, events: readonly PlantedEvent[]): Promise<void> {
  const db = tablesOf<CarbonTables>(platform.database.db);
  const subjects = [...new Set(events.map((e) => e.subjectId))];
  const accounts = new Map(
    (
      await db
        .selectFrom('carbon_accounts')
        .select(['subject_id', 'account_no'])
        .where('subject_type', '=', 'resident')
        .where('subject_id', 'in', subjects)
        .execute()
    ).map((a) => [a.subject_id, a.account_no]),
  );
  const source = `test:${randomUUID()}`;
  await db
    .insertInto('carbon_behaviour_events')
    .values(
      events.map((e, i) => ({
        source,
        event_id: `e${i}`,
        subject_id: e.subjectId,
        behaviour: 'bus_trip',
        amount: 1,
        occurred_at: `${e.day}T04:00:00.000Z`,
        day: e.day,
        credited_milli: 1000,
        grams: e.grams,
        points: e.points,
        capped: 0,
        expires_on: e.expiresOn,
        ledger_transaction_id: null,
        received_at: new Date().toISOString(),
        reversed_at: e.reversed ? new Date().toISOString() : null,
      })),
    )
    .execute();
  const bySubject = new Map<string, number>();
  for (const e of events)
    if (!e.reversed) bySubject.set(e.subjectId, (bySubject.get(e.subjectId) ?? 0) + e.points);
  const earners = [...bySubject].filter(([, p]) => p > 0);
  if (earners.length === 0) return;
  for (const [subject] of earners)
    if (!accounts.has(subject)) throw new Error(`no carbon account for ${subject}`);
  await platform.ledger.openAccount({
    id: POINTS_ISSUER,
    currency: 'POINTS',
    label: 'carbon points issued',
    allowNegative: true,
  });
  for (const [subject] of earners)
    await platform.ledger.openAccount({
      id: walletOf(accounts.get(subject)!),
      currency: 'POINTS',
      label: 'carbon points',
    });
  await platform.ledger.post({
    idempotencyKey: source,
    description: 'planted test events',
    actor: null,
    lines: [
      { accountId: POINTS_ISSUER, amount: -earners.reduce((s, [, p]) => s + p, 0) },
      ...earners.map(([subject, p]) => ({ accountId: walletOf(accounts.get(subject)!), amount: p })),
    ],
  });
}
