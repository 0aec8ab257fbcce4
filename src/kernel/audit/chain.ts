import { createHash } from 'node:crypto';
import type { AuditLogTable } from './audit.tables';

/** The hash that precedes the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** A stable digest of any JSON-like value: object keys are sorted, so equal values give equal digests. */
export function digestOf(value: unknown): string | null {
  if (value === undefined) return null;
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The hash of a row covers every field but itself, and the previous row's hash: editing any row breaks the chain. */
export function rowHash(row: Omit<AuditLogTable, 'hash'>): string {
  const fields = [
    row.seq,
    row.occurred_at,
    row.actor_id,
    row.actor_role,
    row.action,
    row.resource_type,
    row.resource_id,
    row.before_digest,
    row.after_digest,
    row.request_id,
    row.prev_hash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

export type ChainBreak = { seq: number; reason: 'hash' | 'link' | 'gap' };

/**
 * Checks a run of rows (in seq order) that follows `previous` (null before the first row).
 * Returns the first row that does not hold, or null.
 */
export function findChainBreak(
  rows: readonly AuditLogTable[],
  previous: { seq: number; hash: string } | null,
): ChainBreak | null {
  let expectedSeq = previous ? previous.seq + 1 : 1;
  let expectedPrev = previous ? previous.hash : GENESIS_HASH;
  for (const row of rows) {
    const seq = Number(row.seq);
    if (seq !== expectedSeq) return { seq, reason: 'gap' };
    if (row.prev_hash !== expectedPrev) return { seq, reason: 'link' };
    const { hash, ...rest } = row;
    if (rowHash({ ...rest, seq }) !== hash) return { seq, reason: 'hash' };
    expectedSeq = seq + 1;
    expectedPrev = hash;
  }
  return null;
}
