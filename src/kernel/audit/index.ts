import type { MigrationSource } from '../db';
import { createAuditLog } from './migrations/2026_11_29_0001_create_audit_log';
import { guardAuditTruncate } from './migrations/2026_11_29_0004_guard_audit_truncate';

export type { AuditLogTable, AuditTables } from './audit.tables';
export { canonicalJson, digestOf } from './chain';
export {
  type AuditActor,
  type AuditEntry,
  type AuditQuery,
  type AuditService,
  createAuditService,
  type VerifyResult,
} from './service';

/** 审计 — the append-only, hash-chained record of every write. */
export const auditComponent: MigrationSource = {
  name: 'audit',
  migrations: {
    '2026_11_29_0001_create_audit_log': createAuditLog,
    '2026_11_29_0004_guard_audit_truncate': guardAuditTruncate,
  },
};
