import type { Migration } from '../../../kernel/db';

/**
 * 工业企业碳账户: monthly activity data as entered, value added per month, and the closed monthly results.
 * Amounts stay as entered (amount + unit) so a later factor version recomputes from the same figures.
 */
export const createIndustrialActivity: Migration = {
  async up({ db }) {
    await db.schema
      .createTable('carbon_enterprise_activity')
      .addColumn('uscc', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('amount', 'double precision', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('entered_by', 'text')
      .addColumn('entered_at', 'text', (c) => c.notNull())
      .addColumn('warning', 'integer', (c) => c.notNull())
      .addColumn('warning_detail', 'text')
      .addColumn('confirmed_by', 'text')
      .addColumn('confirmed_at', 'text')
      .addPrimaryKeyConstraint('carbon_enterprise_activity_pk', ['uscc', 'period', 'kind'])
      .execute();
    // The close reads a whole period at once.
    await db.schema
      .createIndex('carbon_enterprise_activity_period')
      .on('carbon_enterprise_activity')
      .columns(['period', 'uscc'])
      .execute();
    await db.schema
      .createTable('carbon_enterprise_value_added')
      .addColumn('uscc', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('value_added_fen', 'bigint', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('entered_by', 'text')
      .addColumn('entered_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('carbon_enterprise_value_added_pk', ['uscc', 'period'])
      .execute();
    await db.schema
      .createIndex('carbon_enterprise_value_added_period')
      .on('carbon_enterprise_value_added')
      .columns(['period', 'uscc'])
      .execute();
    await db.schema
      .createTable('carbon_enterprise_results')
      .addColumn('uscc', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('county_code', 'text', (c) => c.notNull())
      .addColumn('industry_code', 'text', (c) => c.notNull())
      .addColumn('benchmark_class', 'text')
      .addColumn('grams_total', 'bigint', (c) => c.notNull())
      .addColumn('grams_energy', 'bigint', (c) => c.notNull())
      .addColumn('grams_process', 'bigint', (c) => c.notNull())
      .addColumn('value_added_fen', 'bigint')
      .addColumn('intensity', 'double precision')
      .addColumn('industry_average', 'double precision')
      .addColumn('k', 'double precision')
      .addColumn('grade', 'integer')
      .addColumn('level', 'text')
      .addColumn('label', 'text')
      .addColumn('explanation', 'text')
      .addColumn('factors', 'text', (c) => c.notNull())
      .addColumn('unconfirmed_rows', 'integer', (c) => c.notNull())
      .addColumn('close_run_id', 'text', (c) => c.notNull())
      .addColumn('computed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('carbon_enterprise_results_pk', ['uscc', 'period'])
      .execute();
    await db.schema
      .createIndex('carbon_enterprise_results_period')
      .on('carbon_enterprise_results')
      .columns(['period', 'county_code'])
      .execute();
    await db.schema
      .createIndex('carbon_enterprise_results_benchmark')
      .on('carbon_enterprise_results')
      .columns(['benchmark_class', 'period'])
      .execute();
  },
};
