import { sql } from 'kysely';
import type { Migration } from '../../db';

export const createLedger: Migration = {
  async up({ db }) {
    await db.schema
      .createTable('ledger_accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('owner_type', 'text')
      .addColumn('owner_id', 'text')
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('allow_negative', 'integer', (c) => c.notNull())
      .addColumn('balance', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('ledger_accounts_non_negative', sql`allow_negative = 1 or balance >= 0`)
      .execute();
    await db.schema
      .createIndex('ledger_accounts_owner')
      .on('ledger_accounts')
      .columns(['owner_type', 'owner_id'])
      .execute();
    await db.schema
      .createTable('ledger_transactions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
      .addColumn('request_digest', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('ledger_postings')
      .addColumn('transaction_id', 'text', (c) => c.notNull().references('ledger_transactions.id'))
      .addColumn('account_id', 'text', (c) => c.notNull().references('ledger_accounts.id'))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('ledger_postings_pk', ['transaction_id', 'account_id'])
      .execute();
    await db.schema
      .createIndex('ledger_postings_account')
      .on('ledger_postings')
      .column('account_id')
      .execute();
  },
};
