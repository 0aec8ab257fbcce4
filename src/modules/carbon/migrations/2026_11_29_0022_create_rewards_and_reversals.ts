import { sql } from 'kysely';
import type { Migration } from '../../../kernel/db';

export const createRewardsAndReversals: Migration = {
  async up({ db }) {
    await db.schema.alterTable('carbon_behaviour_events').addColumn('reversed_at', 'text').execute();
    await db.schema
      .createTable('carbon_reward_stock')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('stock_left', 'integer', (c) => c.notNull())
      .addCheckConstraint('carbon_reward_stock_non_negative', sql`stock_left >= 0`)
      .execute();
    await db.schema
      .createTable('carbon_redemptions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('reward_code', 'text', (c) => c.notNull())
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('points', 'bigint', (c) => c.notNull())
      .addColumn('ledger_transaction_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('carbon_redemptions_subject')
      .on('carbon_redemptions')
      .columns(['subject_id', 'created_at'])
      .execute();
  },
};
