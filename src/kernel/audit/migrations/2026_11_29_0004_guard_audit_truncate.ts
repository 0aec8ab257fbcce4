import { addTruncateGuard, type Migration } from '../../db';

export const guardAuditTruncate: Migration = {
  async up({ db, dialect }) {
    await addTruncateGuard(db, dialect, 'audit_log');
  },
};
