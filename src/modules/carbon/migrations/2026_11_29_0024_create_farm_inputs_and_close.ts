import type { Migration } from '../../../kernel/db';

/**
 * Farm inputs and results, the monthly close's runs and period results, and points expiry.
 * Farm inputs are per calendar year: the IPCC Tier 1 factors they feed are annual (per head per year, per mu per
 * year, per rice season), so a month of a farm would be an arbitrary twelfth of those figures.
 */
export const createFarmInputsAndClose: Migration = {
  async up({ db }) {
    await db.schema
      .createTable('carbon_farm_inputs')
      .addColumn('farm_id', 'integer', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('input', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('carbon_farm_inputs_pk', ['farm_id', 'year'])
      .execute();
    await db.schema
      .createTable('carbon_farm_results')
      .addColumn('farm_id', 'integer', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('county_code', 'text', (c) => c.notNull())
      .addColumn('village_code', 'text', (c) => c.notNull())
      .addColumn('close_period', 'text', (c) => c.notNull())
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addColumn('final', 'integer', (c) => c.notNull())
      .addColumn('emissions_grams', 'bigint', (c) => c.notNull())
      .addColumn('sinks_grams', 'bigint', (c) => c.notNull())
      .addColumn('net_grams', 'bigint', (c) => c.notNull())
      .addColumn('neutrality_ratio', 'double precision')
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('account', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('carbon_farm_results_pk', ['farm_id', 'year'])
      .execute();
    await db.schema
      .createTable('carbon_close_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('started_by', 'text')
      .addColumn('process', 'text', (c) => c.notNull())
      .addColumn('residents', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('enterprises', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('farms', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('expired_points', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('statistics', 'text')
      .addColumn('error', 'text')
      .execute();
    await db.schema
      .createIndex('carbon_close_runs_period')
      .on('carbon_close_runs')
      .columns(['period', 'started_at'])
      .execute();
    // Keyed by subject, the order the close's GROUP BY produces rows in, so the bulk insert appends.
    await db.schema
      .createTable('carbon_personal_results')
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('county_code', 'text', (c) => c.notNull())
      .addColumn('events', 'integer', (c) => c.notNull())
      .addColumn('grams', 'bigint', (c) => c.notNull())
      .addColumn('points', 'bigint', (c) => c.notNull())
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('carbon_personal_results_pk', ['period', 'subject_id'])
      .execute();
    // One row per expiry posting per account; the key (account, cumulative total) makes a repeat impossible.
    await db.schema
      .createTable('carbon_points_expiries')
      .addColumn('account_no', 'text', (c) => c.notNull())
      .addColumn('expired_through', 'bigint', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('points', 'bigint', (c) => c.notNull())
      .addColumn('as_of', 'text', (c) => c.notNull())
      .addColumn('ledger_transaction_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('carbon_points_expiries_pk', ['account_no', 'expired_through'])
      .execute();
    await db.schema
      .createIndex('carbon_points_expiries_subject')
      .on('carbon_points_expiries')
      .column('subject_id')
      .execute();
    // Expiry looks up the lots that have run out; without this it would scan every event each month.
    await db.schema
      .createIndex('carbon_behaviour_events_expires')
      .on('carbon_behaviour_events')
      .column('expires_on')
      .execute();
  },
};
