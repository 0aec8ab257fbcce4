import type { Cell } from './tabular-spec';

/**
 * A numeric cell: numbers as they are; text holding a plain decimal ("12.5", "1e3", " 7 ") or one with
 * thousands separators ("1,234.5"). Anything else is null.
 * @example parseAmount('1,234.5') // 1234.5
 */
export function parseAmount(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  const plain = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text);
  const grouped = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text);
  if (!plain && !grouped) return null;
  const value = Number(text.replaceAll(',', ''));
  return Number.isFinite(value) ? value : null;
}

/** A text cell, trimmed; numbers as written (a period typed as 2026.03 in a spreadsheet is not guessed at). */
export const cellText = (cell: Cell): string => (cell === null ? '' : String(cell).trim());
