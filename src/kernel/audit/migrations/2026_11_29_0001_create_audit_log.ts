import { addAppendOnlyGuard, type Migration } from '../../db';

export const createAuditLog: Migration = {
  async up({ db, dialect }) {
    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_role', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('resource_type', 'text', (c) => c.notNull())
      .addColumn('resource_id', 'text', (c) => c.notNull())
      .addColumn('before_digest', 'text')
      .addColumn('after_digest', 'text')
      .addColumn('request_id', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('audit_log_resource')
      .on('audit_log')
      .columns(['resource_type', 'resource_id'])
      .execute();
    await addAppendOnlyGuard(db, dialect, 'audit_log');
  },
};
