import { type Kysely, sql, type Transaction } from 'kysely';
import { type AnyDb, type SanquDatabase, serializeWithinTransaction, tablesOf } from '../db';
import type { AuditLogTable, AuditTables } from './audit.tables';
import { type ChainBreak, digestOf, findChainBreak, GENESIS_HASH, rowHash } from './chain';

/** Who did it: a user, or null for the system itself (seed, scheduled jobs). */
export interface AuditActor {
  id: string;
  role: string;
}

export interface AuditEntry {
  actor: AuditActor | null;
  /** Dotted verb, e.g. `user.create`, `ledger.post`. */
  action: string;
  resourceType: string;
  resourceId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

/** Which entries an auditor asks for; every field narrows, none required. */
export interface AuditQuery {
  resourceType?: string;
  resourceId?: string;
  /** An action (`credit.dispute.decide`) or a prefix ending in a dot (`credit.`). */
  action?: string;
  actorId?: string;
  /** ISO instants: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  /** Cursor: entries before this sequence number (the previous page's last). */
  before?: number;
  limit?: number;
}

export type VerifyResult = { ok: true; rows: number } | ({ ok: false; rows: number } & ChainBreak);

const VERIFY_BATCH = 5_000;

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService(database: SanquDatabase, now: () => Date = () => new Date()) {
  /**
   * Appends several entries inside `trx`, chained in order, with one read of the chain's head and one insert per
   * 500 rows: for batch work (an officer's batch of case steps) where each step keeps its own entry.
   */
  async function recordMany(trx: AnyDb, entries: readonly AuditEntry[]): Promise<number[]> {
    if (entries.length === 0) return [];
    const db = tablesOf<AuditTables>(trx);
    await serializeWithinTransaction(trx, database.dialect, 'audit_log');
    const last = await db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    let seq = last ? Number(last.seq) : 0;
    let previous = last?.hash ?? GENESIS_HASH;
    const occurredAt = now().toISOString();
    const rows = entries.map((entry) => {
      seq++;
      const row = {
        seq,
        occurred_at: occurredAt,
        actor_id: entry.actor?.id ?? null,
        actor_role: entry.actor?.role ?? null,
        action: entry.action,
        resource_type: entry.resourceType,
        resource_id: entry.resourceId,
        before_digest: digestOf(entry.before),
        after_digest: digestOf(entry.after),
        request_id: entry.requestId ?? null,
        prev_hash: previous,
      };
      const hashed = { ...row, hash: rowHash(row) };
      previous = hashed.hash;
      return hashed;
    });
    for (let start = 0; start < rows.length; start += 500)
      await db
        .insertInto('audit_log')
        .values(rows.slice(start, start + 500))
        .execute();
    return rows.map((row) => row.seq);
  }

  /**
   * The audit trail as an auditor reads it (审计日志查询): entries matching `query`, newest first, a page at a time
   * (`before` = the last seq of the previous page). The digests stay digests: the trail proves what was written
   * without holding it.
   */
  async function entries(query: AuditQuery): Promise<AuditLogTable[]> {
    let select = tablesOf<AuditTables>(database.db).selectFrom('audit_log').selectAll();
    if (query.resourceType !== undefined) select = select.where('resource_type', '=', query.resourceType);
    if (query.resourceId !== undefined) select = select.where('resource_id', '=', query.resourceId);
    if (query.action?.endsWith('.'))
      // substr, not LIKE: no wildcards to escape ('_' is one) and the same case-sensitive test on both dialects.
      select = select.where(sql`substr(action, 1, ${query.action.length})`, '=', query.action);
    else if (query.action !== undefined) select = select.where('action', '=', query.action);
    if (query.actorId !== undefined) select = select.where('actor_id', '=', query.actorId);
    if (query.from !== undefined) select = select.where('occurred_at', '>=', query.from);
    if (query.to !== undefined) select = select.where('occurred_at', '<', query.to);
    if (query.before !== undefined) select = select.where('seq', '<', query.before);
    const rows = await select
      .orderBy('seq', 'desc')
      .limit(query.limit ?? 100)
      .execute();
    return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
  }

  return {
    /**
     * Runs `work` in a transaction that will write audit entries. The audit lock is taken first, before any row
     * lock, so audited transactions always lock in the same order and cannot deadlock each other on PostgreSQL
     * (SQLite runs one writer at a time anyway). Every service write goes through here.
     */
    async transaction<Tables, Result>(
      db: Kysely<Tables>,
      work: (trx: Transaction<Tables>) => Promise<Result>,
    ): Promise<Result> {
      return db.transaction().execute(async (trx) => {
        await serializeWithinTransaction(trx, database.dialect, 'audit_log');
        return work(trx);
      });
    },

    /**
     * Appends one entry inside the caller's transaction `trx`, so the entry and the write it describes
     * commit or roll back together.
     */
    async record(trx: AnyDb, entry: AuditEntry): Promise<number> {
      const [seq] = await recordMany(trx, [entry]);
      return seq as number;
    },

    recordMany,

    /** Walks the whole chain in batches and reports the first row that was edited, removed or re-linked. */
    async verify(onProgress?: (checked: number, total: number) => void): Promise<VerifyResult> {
      const db = tablesOf<AuditTables>(database.db);
      const { total } = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow();
      let previous: { seq: number; hash: string } | null = null;
      let checked = 0;
      for (;;) {
        const rows: AuditLogTable[] = await db
          .selectFrom('audit_log')
          .selectAll()
          .where('seq', '>', previous?.seq ?? 0)
          .orderBy('seq')
          .limit(VERIFY_BATCH)
          .execute();
        if (rows.length === 0) return { ok: true, rows: checked };
        const broken = findChainBreak(rows, previous);
        if (broken) return { ok: false, rows: checked, ...broken };
        const last = rows[rows.length - 1]!;
        previous = { seq: Number(last.seq), hash: last.hash };
        checked += rows.length;
        onProgress?.(checked, Number(total));
      }
    },

    entries,

    /** The entries about one resource, newest first (for "who touched this" views): `entries` narrowed to it. */
    history(resourceType: string, resourceId: string, limit = 100) {
      return entries({ resourceType, resourceId, limit });
    },
  };
}
