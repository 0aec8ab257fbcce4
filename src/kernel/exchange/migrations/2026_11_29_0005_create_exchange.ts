import { addAppendOnlyGuard, addSerialPrimaryKey, addTruncateGuard, type Migration } from '../../db';

export const createExchange: Migration = {
  async up({ db, dialect }) {
    await db.schema
      .createTable('exchange_consents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('grantee_type', 'text', (c) => c.notNull())
      .addColumn('grantee_id', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('dataset', 'text', (c) => c.notNull())
      .addColumn('granted_by', 'text', (c) => c.notNull())
      .addColumn('granted_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_by', 'text')
      .execute();
    // The read path asks "does this subject let this grantee read this dataset?"; the subject's list uses a prefix.
    await db.schema
      .createIndex('exchange_consents_lookup')
      .on('exchange_consents')
      .columns(['subject_type', 'subject_id', 'grantee_id', 'dataset'])
      .execute();

    await addSerialPrimaryKey(db.schema.createTable('exchange_access_log'), dialect)
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_role', 'text', (c) => c.notNull())
      .addColumn('actor_organisation', 'text')
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('dataset', 'text', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('consent_id', 'text')
      .addColumn('case_id', 'text')
      .addColumn('request_id', 'text')
      .execute();
    await db.schema
      .createIndex('exchange_access_log_subject')
      .on('exchange_access_log')
      .columns(['subject_type', 'subject_id', 'seq'])
      .execute();
    // The citizen's record of who read their data must not be edited away.
    await addAppendOnlyGuard(db, dialect, 'exchange_access_log');
    await addTruncateGuard(db, dialect, 'exchange_access_log');
  },
};
