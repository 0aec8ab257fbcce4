import { type SanquDatabase, tablesOf } from '../../kernel/db';
import type { CreditTables } from './credit.tables';

export interface CreditNotification {
  id: number;
  kind: string;
  params: Record<string, unknown>;
  createdAt: string;
  read: boolean;
}

/** 消息 — what the resident is told: a record added about them, a dispute or repair decided. */
export function createNotificationService(database: SanquDatabase, now: () => Date) {
  const db = tablesOf<CreditTables>(database.db);
  return {
    async of(residentId: string, limit = 50): Promise<CreditNotification[]> {
      const rows = await db
        .selectFrom('credit_notifications')
        .selectAll()
        .where('resident_id', '=', residentId)
        .orderBy('id', 'desc')
        .limit(Math.min(limit, 200))
        .execute();
      return rows.map((r) => ({
        id: Number(r.id),
        kind: r.kind,
        params: JSON.parse(r.params),
        createdAt: r.created_at,
        read: r.read_at !== null,
      }));
    },
    /** Marks the resident's notices up to `throughId` read (their own only; a reading mark needs no audit). */
    async markRead(residentId: string, throughId: number): Promise<number> {
      const result = await db
        .updateTable('credit_notifications')
        .set({ read_at: now().toISOString() })
        .where('resident_id', '=', residentId)
        .where('id', '<=', throughId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
