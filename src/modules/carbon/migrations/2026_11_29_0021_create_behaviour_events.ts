import type { Migration } from '../../../kernel/db';

export const createBehaviourEvents: Migration = {
  async up({ db }) {
    await db.schema
      .createTable('carbon_behaviour_events')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('behaviour', 'text', (c) => c.notNull())
      .addColumn('amount', 'double precision', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('credited_milli', 'bigint', (c) => c.notNull())
      .addColumn('grams', 'bigint', (c) => c.notNull())
      .addColumn('points', 'bigint', (c) => c.notNull())
      .addColumn('capped', 'integer', (c) => c.notNull())
      .addColumn('expires_on', 'text', (c) => c.notNull())
      .addColumn('ledger_transaction_id', 'text')
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('carbon_behaviour_events_pk', ['source', 'event_id'])
      .execute();
    await db.schema
      .createIndex('carbon_behaviour_events_subject')
      .on('carbon_behaviour_events')
      .columns(['subject_id', 'occurred_at'])
      .execute();
    await db.schema
      .createTable('carbon_behaviour_usage')
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('behaviour', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('used_milli', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('carbon_behaviour_usage_pk', ['subject_id', 'behaviour', 'day'])
      .execute();
  },
};
