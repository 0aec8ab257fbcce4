import type { Migration } from '../../../kernel/db';

export const createCarbonAccounts: Migration = {
  async up({ db }) {
    await db.schema
      .createTable('carbon_accounts')
      .addColumn('account_no', 'text', (c) => c.primaryKey())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('domain', 'text', (c) => c.notNull())
      .addColumn('county_code', 'text')
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('carbon_accounts_subject_domain', ['subject_type', 'subject_id', 'domain'])
      .execute();
    await db.schema
      .createTable('carbon_factors')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('gas', 'text', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('valid_from', 'text')
      .addColumn('valid_to', 'text')
      .addColumn('notes', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('carbon_factors_kind')
      .on('carbon_factors')
      .columns(['kind', 'region', 'year'])
      .execute();
  },
};
