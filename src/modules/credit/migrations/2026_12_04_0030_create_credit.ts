import { addSerialPrimaryKey, type Migration } from '../../../kernel/db';

/** 信安分: records, scores and their history, model versions, incentive measures, disputes and notifications. */
export const createCredit: Migration = {
  async up({ db, dialect }) {
    await db.schema
      .createTable('credit_records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('source_record_id', 'text', (c) => c.notNull())
      .addColumn('resident_id', 'text', (c) => c.notNull())
      .addColumn('division_code', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('department', 'text', (c) => c.notNull())
      .addColumn('quantity', 'double precision', (c) => c.notNull())
      .addColumn('occurred_on', 'text', (c) => c.notNull())
      .addColumn('valid_until', 'text', (c) => c.notNull())
      .addColumn('evidence_ref', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('credit_records_source_record', ['source', 'source_record_id'])
      .execute();
    // A resident's records (every score computation) and a department's records in its divisions (officer lists).
    await db.schema
      .createIndex('credit_records_resident')
      .on('credit_records')
      .column('resident_id')
      .execute();
    await db.schema
      .createIndex('credit_records_department')
      .on('credit_records')
      .columns(['department', 'division_code', 'created_at'])
      .execute();
    await db.schema
      .createTable('credit_scores')
      .addColumn('resident_id', 'text', (c) => c.primaryKey())
      .addColumn('division_code', 'text', (c) => c.notNull())
      .addColumn('score', 'integer', (c) => c.notNull())
      .addColumn('tier', 'text', (c) => c.notNull())
      .addColumn('model_version', 'text', (c) => c.notNull())
      .addColumn('dimensions', 'text', (c) => c.notNull())
      .addColumn('computed_at', 'text', (c) => c.notNull())
      .execute();
    await addSerialPrimaryKey(db.schema.createTable('credit_score_history'), dialect, 'id')
      .addColumn('resident_id', 'text', (c) => c.notNull())
      .addColumn('score', 'integer', (c) => c.notNull())
      .addColumn('tier', 'text', (c) => c.notNull())
      .addColumn('model_version', 'text', (c) => c.notNull())
      .addColumn('computed_at', 'text', (c) => c.notNull())
      .addColumn('cause', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('credit_score_history_resident')
      .on('credit_score_history')
      .columns(['resident_id', 'id'])
      .execute();
    await db.schema
      .createTable('credit_models')
      .addColumn('version', 'text', (c) => c.primaryKey())
      .addColumn('config', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();
    await addSerialPrimaryKey(db.schema.createTable('credit_model_activations'), dialect, 'id')
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('activated_at', 'text', (c) => c.notNull())
      .addColumn('activated_by', 'text')
      .addColumn('residents', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('credit_measures')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('provider_id', 'text', (c) => c.notNull())
      .addColumn('provider_name_zh', 'text', (c) => c.notNull())
      .addColumn('provider_name_en', 'text', (c) => c.notNull())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('benefit_zh', 'text', (c) => c.notNull())
      .addColumn('benefit_en', 'text', (c) => c.notNull())
      .addColumn('min_tier', 'text', (c) => c.notNull())
      .addColumn('discloses_tier', 'integer', (c) => c.notNull())
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('valid_until', 'text')
      .execute();
    await db.schema
      .createTable('credit_measure_uses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('measure_id', 'text', (c) => c.notNull())
      .addColumn('resident_id', 'text', (c) => c.notNull())
      .addColumn('provider_id', 'text', (c) => c.notNull())
      .addColumn('use_key', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('credit_measure_uses_key', ['measure_id', 'use_key'])
      .execute();
    await db.schema
      .createIndex('credit_measure_uses_resident')
      .on('credit_measure_uses')
      .columns(['resident_id', 'used_at'])
      .execute();
    await db.schema
      .createTable('credit_disputes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('resident_id', 'text', (c) => c.notNull())
      .addColumn('division_code', 'text', (c) => c.notNull())
      .addColumn('department', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('evidence_ref', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decision', 'text')
      .addColumn('decision_reason', 'text')
      .addColumn('correction', 'text')
      .execute();
    await db.schema
      .createIndex('credit_disputes_queue')
      .on('credit_disputes')
      .columns(['department', 'status', 'due_on'])
      .execute();
    await db.schema.createIndex('credit_disputes_record').on('credit_disputes').column('record_id').execute();
    await db.schema
      .createIndex('credit_disputes_resident')
      .on('credit_disputes')
      .column('resident_id')
      .execute();
    await addSerialPrimaryKey(db.schema.createTable('credit_notifications'), dialect, 'id')
      .addColumn('resident_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('params', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .execute();
    await db.schema
      .createIndex('credit_notifications_resident')
      .on('credit_notifications')
      .columns(['resident_id', 'id'])
      .execute();
  },
};
