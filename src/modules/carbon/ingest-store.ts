import type { AnyDb, KeyGroup, SanquDatabase } from '../../kernel/db';
import { insertNew, selectByKeyGroups, selectByKeys, tablesOf } from '../../kernel/db';
import type { CarbonTables } from './carbon.tables';
import { usageKey } from './points';

/**
 * The reads and the one write of accepting a batch, each a bulk statement over the whole batch (kernel/db's
 * bulk helpers), never a query per event through the query builder.
 */

/** Resident ID -> household-life account number, for the residents among `subjects` that have one. */
export async function accountsOf(database: SanquDatabase, trx: AnyDb, subjects: readonly string[]) {
  const rows = await selectByKeys(
    database,
    trx,
    {
      table: 'carbon_accounts',
      keys: ['subject_id'],
      columns: ['account_no'],
      where: "subject_type = 'resident' and domain = 'household_life'",
    },
    subjects.map((s) => [s]),
  );
  return new Map(rows.map(([subject, account]) => [String(subject), String(account)]));
}

/** Entries kept before the cache starts over: about 100 MB at most. */
const ACCOUNT_CACHE_LIMIT = 1_000_000;

/**
 * Residents' household-life account numbers as seen before, so a batch probes only residents it has not met.
 * Safe to keep across transactions and processes because an account, once opened, is never closed, renumbered or
 * given to another resident; a resident without an account is never remembered, so one opened later is found.
 */
export function createAccountCache(limit = ACCOUNT_CACHE_LIMIT) {
  const known = new Map<string, string>();
  return {
    /** True when `subject` (exactly as written) has an account seen before: such an ID was validated at registration. */
    has: (subject: string) => known.has(subject),
    /**
     * The account of each of `subjects`, in their order (undefined for a resident without one), reading those not
     * seen yet in one bulk probe. One map lookup per subject: in a batch of ten thousand, each lookup is a cache
     * miss that costs about as much as the rest of validating the event.
     */
    async fill(database: SanquDatabase, trx: AnyDb, subjects: readonly string[]) {
      const found = new Array<string | undefined>(subjects.length);
      const missing: number[] = [];
      for (let i = 0; i < subjects.length; i++) {
        const account = known.get(subjects[i]!);
        found[i] = account;
        if (account === undefined) missing.push(i);
      }
      if (missing.length === 0) return found;
      // Full: start over, remembering this batch's subjects (read again below if they are not missing).
      const unseen = new Set(missing.map((i) => subjects[i]!));
      if (known.size + unseen.size > limit) {
        known.clear();
        for (const subject of subjects) unseen.add(subject);
      }
      const read = await accountsOf(database, trx, [...unseen]);
      for (const [subject, account] of read) known.set(subject, account);
      for (const i of missing) found[i] = read.get(subjects[i]!);
      return found;
    },
  };
}

/**
 * Thousandths of a unit each (person, behaviour, day) already has credited, by usageKey, for the residents of each
 * day in `residentsByDay` (groups of residents sharing a day): summed from the events themselves (reversed ones no
 * longer count), through the (subject_id, day) index.
 */
export async function usageOf(database: SanquDatabase, trx: AnyDb, residentsByDay: readonly KeyGroup[]) {
  const rows = await selectByKeyGroups(
    database,
    trx,
    {
      table: 'carbon_behaviour_events',
      keys: ['subject_id', 'day'],
      columns: ['behaviour', 'credited_milli'],
      where: 'reversed_at is null',
    },
    residentsByDay,
  );
  const milli = new Map<string, number>();
  for (const [subject, day, behaviour, credited] of rows) {
    const key = usageKey(String(subject), String(behaviour), String(day));
    milli.set(key, (milli.get(key) ?? 0) + Number(credited));
  }
  return milli;
}

export const EVENT_COLUMNS = [
  'source',
  'event_id',
  'subject_id',
  'behaviour',
  'amount',
  'occurred_at',
  'day',
  'credited_milli',
  'grams',
  'points',
  'capped',
  'expires_on',
  'ledger_transaction_id',
  'received_at',
  'reversed_at',
  'batch_id',
] as const;

export type EventRow = [
  source: string,
  eventId: string,
  subjectId: string,
  behaviour: string,
  amount: number,
  occurredAt: string,
  day: string,
  creditedMilli: number,
  grams: number,
  points: number,
  capped: number,
  expiresOn: string,
  ledgerTransactionId: null,
  receivedAt: string,
  reversedAt: null,
  batchId: number,
];

/** Inserts the rows; a row whose (source, event_id) is already stored is skipped and reported false. */
export function insertEvents(database: SanquDatabase, trx: AnyDb, rows: readonly EventRow[]) {
  return insertNew(database, trx, 'carbon_behaviour_events', EVENT_COLUMNS, ['source', 'event_id'], rows);
}

/** Deletes the events `eventIds` of `source` (the rows an attempt inserted before finding some stored already). */
export async function deleteEvents(trx: AnyDb, source: string, eventIds: readonly string[]) {
  const db = tablesOf<CarbonTables>(trx);
  for (let start = 0; start < eventIds.length; start += 500)
    await db
      .deleteFrom('carbon_behaviour_events')
      .where('source', '=', source)
      .where('event_id', 'in', eventIds.slice(start, start + 500))
      .execute();
}
