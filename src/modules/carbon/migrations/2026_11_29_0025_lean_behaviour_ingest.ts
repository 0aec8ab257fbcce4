import { type Kysely, sql } from 'kysely';
import { addSerialPrimaryKey, type Migration } from '../../../kernel/db';

/** Same instant, one spelling: UTC with milliseconds, so text order is time order. */
const utc = (text: string) => {
  const millis = Date.parse(text);
  return Number.isNaN(millis) ? text : new Date(millis).toISOString();
};

/**
 * Behaviour ingestion at city volume: events are accepted with their points assessed, and points reach the ledger
 * in a crediting step per group of batches (carbon_behaviour_batches), not one posting per request. Daily-cap
 * usage is read from the events themselves (index on subject and day), so the separate usage table goes.
 * occurred_at is stored in UTC so a resident's history sorts by time.
 */
export const leanBehaviourIngest: Migration = {
  async up({ db, dialect }) {
    await addSerialPrimaryKey(db.schema.createTable('carbon_behaviour_batches'), dialect, 'id')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('events', 'integer', (c) => c.notNull())
      .addColumn('points', 'bigint', (c) => c.notNull())
      // JSON [[account number, points], …]: what the crediting step posts for this batch.
      .addColumn('credits', 'text', (c) => c.notNull())
      .addColumn('ledger_transaction_id', 'text')
      .addColumn('credited_at', 'text')
      .execute();
    await db.schema
      .createIndex('carbon_behaviour_batches_credited')
      .on('carbon_behaviour_batches')
      .column('credited_at')
      .execute();
    await db.schema.alterTable('carbon_behaviour_events').addColumn('batch_id', 'bigint').execute();
    await normaliseOccurredAt(db);
    await db.schema.dropIndex('carbon_behaviour_events_subject').execute();
    await db.schema
      .createIndex('carbon_behaviour_events_subject_day')
      .on('carbon_behaviour_events')
      .columns(['subject_id', 'day'])
      .execute();
    await db.schema.dropTable('carbon_behaviour_usage').execute();
  },
};

async function normaliseOccurredAt(db: Kysely<object>) {
  const rows = await sql<{ source: string; event_id: string; occurred_at: string }>`
    select source, event_id, occurred_at from carbon_behaviour_events`.execute(db);
  for (const row of rows.rows) {
    const normal = utc(row.occurred_at);
    if (normal === row.occurred_at) continue;
    await sql`update carbon_behaviour_events set occurred_at = ${normal}
      where source = ${row.source} and event_id = ${row.event_id}`.execute(db);
  }
}
