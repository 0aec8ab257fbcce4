import { createHash } from 'node:crypto';
import type { AuditLogTable } from './audit.tables';

/** The hash that precedes the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** A stable digest of any JSON-like value: object keys are sorted, so equal values give equal digests. */
export function digestOf(value: unknown): string | null {
  if (value === undefined) return null;
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

// Written as loops rather than entries/filter/sort/map chains: postings and audit entries of tens of thousands of
// lines pass through here, and the output must stay byte for byte what it was (stored digests depend on it).
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (flatAndSorted(record, keys)) return JSON.stringify(record);
  // Default sort compares UTF-16 code units, the order the digests were made with.
  keys.sort();
  let out = '{';
  for (const key of keys) {
    const field = record[key];
    if (field === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(field)}`;
  }
  return `${out}}`;
}

/**
 * True when JSON.stringify already writes `record` canonically: keys in sorted order and every value a string,
 * a finite number, a boolean or null (ledger lines, table rows). Saves building the text key by key.
 */
function flatAndSorted(record: Record<string, unknown>, keys: readonly string[]): boolean {
  // Only plain objects: a class may bring a toJSON (Date, Buffer) that JSON.stringify would call.
  const prototype = Object.getPrototypeOf(record);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && !(keys[i - 1]! < keys[i]!)) return false;
    const field = record[keys[i]!];
    const type = typeof field;
    if (
      field !== null &&
      type !== 'string' &&
      type !== 'boolean' &&
      !(type === 'number' && Number.isFinite(field))
    )
      return false;
  }
  return true;
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
