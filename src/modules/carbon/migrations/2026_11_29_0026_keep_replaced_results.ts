import type { Migration } from '../../../kernel/db';

/**
 * 结果留痕 — a re-close replaces a month's enterprise results; the label, grade and intensity it replaced (when
 * they changed) are kept here with the run that made them and the run that replaced them, so a bank or an auditor
 * can see what a report said before. Rows are only ever added.
 */
export const keepReplacedResults: Migration = {
  async up({ db }) {
    await db.schema
      .createTable('carbon_enterprise_results_replaced')
      .addColumn('uscc', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('label', 'text')
      .addColumn('grade', 'integer')
      .addColumn('intensity', 'double precision')
      .addColumn('close_run_id', 'text', (c) => c.notNull())
      .addColumn('replaced_by_run_id', 'text', (c) => c.notNull())
      .addColumn('replaced_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('carbon_enterprise_results_replaced_pk', [
        'uscc',
        'period',
        'replaced_by_run_id',
      ])
      .execute();
  },
};
