import type { RecordStatus } from './score';

/** 异议 (the record is wrong) or 信用修复 (the record was right, and its condition has since been remedied). */
export const DISPUTE_KINDS = ['dispute', 'repair'] as const;
export type DisputeKind = (typeof DISPUTE_KINDS)[number];

/** How a department decides: a dispute upholds, corrects or withdraws the record; a repair is granted or refused (upheld). */
export const DECISIONS = ['upheld', 'corrected', 'withdrawn', 'repaired'] as const;
export type Decision = (typeof DECISIONS)[number];

export const ALLOWED_DECISIONS: Record<DisputeKind, readonly Decision[]> = {
  dispute: ['upheld', 'corrected', 'withdrawn'],
  repair: ['upheld', 'repaired'],
};

/** The record's status after a decision. */
export function statusAfter(decision: Decision): RecordStatus {
  if (decision === 'withdrawn') return 'withdrawn';
  if (decision === 'repaired') return 'repaired';
  return 'active';
}

/**
 * Why a resident may not open this case on this record, or null. Only counting records can be disputed; only
 * repairable negative records can be repaired; one open case per record.
 */
export function openProblem(
  kind: DisputeKind,
  record: { status: string; polarity: 'positive' | 'negative'; repairable: boolean },
  hasOpenCase: boolean,
): 'case_open' | 'not_counting' | 'not_repairable' | null {
  if (hasOpenCase) return 'case_open';
  if (record.status !== 'active' && record.status !== 'disputed') return 'not_counting';
  if (kind === 'repair' && !(record.polarity === 'negative' && record.repairable)) return 'not_repairable';
  return null;
}
