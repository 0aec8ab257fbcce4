import type { CaseProblem, CaseSla, CaseState, ServiceCase } from '../../api/services';

/** Tag colour of a deadline: green on track, orange from the warning day (80 %), red overdue, grey while paused. */
export function deadlineColour(sla: Pick<CaseSla, 'state'> | null): 'green' | 'orange' | 'red' | 'default' {
  if (!sla) return 'default';
  if (sla.state === 'overdue') return 'red';
  if (sla.state === 'warning') return 'orange';
  if (sla.state === 'on_track') return 'green';
  return 'default';
}

/** The city a division lies in: 330822 → 330800. */
export const cityOf = (division: string) => `${division.slice(0, 4)}00`;

const STATE_COLOURS: Record<CaseState, string> = {
  submitted: 'processing',
  returned: 'warning',
  forwarded: 'processing',
  accepted: 'blue',
  in_review: 'blue',
  suspended: 'orange',
  approved: 'cyan',
  denied: 'error',
  delivered: 'success',
  withdrawn: 'default',
};

export const stateColour = (state: CaseState) => STATE_COLOURS[state];

/** The result document exists once the case is approved (and stays after delivery). */
export const hasResult = (c: Pick<ServiceCase, 'state' | 'resultNumber'>) =>
  c.resultNumber !== null && (c.state === 'approved' || c.state === 'delivered');

/** A fee in fen as yuan: 0 → "0", 1050 → "10.50". */
export function formatFen(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}

/** Share as a percentage with one decimal, or null when nothing was counted: (3, 4) → "75.0%". */
export function percent(part: number, whole: number): string | null {
  if (whole <= 0) return null;
  return `${((part / whole) * 100).toFixed(1)}%`;
}

/** Material types the server accepts (it sniffs the content too) and their limit. */
export const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Why a chosen file cannot be uploaded, checked before sending it: 'type', 'size' or null when fine. */
export function uploadProblem(file: { type: string; size: number; name: string }): 'type' | 'size' | null {
  const byName = /\.(pdf|jpe?g|png)$/i.test(file.name);
  if (!(UPLOAD_TYPES as readonly string[]).includes(file.type) && !byName) return 'type';
  if (file.size > MAX_UPLOAD_BYTES) return 'size';
  if (file.size === 0) return 'size';
  return null;
}

/** Problems an officer typed, one per non-empty entry, the same text for both languages. */
export function problemsFrom(
  entries: readonly { kind?: CaseProblem['kind']; key?: string | null; message?: string }[],
): CaseProblem[] {
  return entries.flatMap((entry) => {
    const text = entry.message?.trim() ?? '';
    if (!text) return [];
    return [{ kind: entry.kind ?? 'material', key: entry.key || null, message: { zh: text, en: text } }];
  });
}

/** A retry-safe key for one application: the same click twice sends the same key. */
export function newRequestKey(): string {
  return globalThis.crypto.randomUUID();
}

/** Days back from `today` (YYYY-MM-DD) as YYYY-MM-DD, by the calendar. */
export function daysBefore(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}
