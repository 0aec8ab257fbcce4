import { cellText } from './cells';
import type { Cell, TabularParse, TabularSpec } from './tabular-spec';

/** A record as read from either format, before its cells are given column names. */
export interface RawRecord {
  row: number;
  cells: Cell[];
}

const normaliseHeader = (text: string) => text.toLowerCase().replace(/[\s_（）()]/g, '');

/**
 * Maps header cells to the spec's columns; unknown headers are ignored (a spreadsheet may carry a notes column),
 * and the first of two headers for one column wins.
 * @example mapHeader(spec, ['Amount', '期间', 'notes']) // { ok: true, index: Map { 'amount' => 0, 'period' => 1 } }
 */
export function mapHeader<Column extends string>(
  spec: TabularSpec<Column>,
  headers: readonly string[],
): { ok: true; index: Map<Column, number> } | { ok: false; missing: Column[] } {
  const index = new Map<Column, number>();
  headers.forEach((header, i) => {
    const name = normaliseHeader(header.replace(/^\uFEFF/, ''));
    const column = spec.columns.find((c) => spec.aliases[c].some((alias) => normaliseHeader(alias) === name));
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = spec.required.filter((c) => !index.has(c));
  return missing.length > 0 ? { ok: false, missing } : { ok: true, index };
}

/** Row 1 is the header; blank rows are dropped, then the rest counted against the row limit. */
export function tableRows<Column extends string>(
  spec: TabularSpec<Column>,
  records: readonly RawRecord[],
): TabularParse<Column> {
  const [header, ...data] = records;
  if (!header) return { ok: false, problem: { code: 'empty' } };
  const mapped = mapHeader(spec, header.cells.map(cellText));
  if (!mapped.ok) {
    const optional = spec.columns.filter((c) => !spec.required.includes(c));
    return {
      ok: false,
      problem: {
        code: 'missing_columns',
        columns: mapped.missing.join(', '),
        required: spec.required.join(', '),
        optional: optional.join(', '),
      },
    };
  }
  const rows = data
    .filter((r) => r.cells.some((c) => cellText(c) !== ''))
    .map((r) => ({
      row: r.row,
      cells: Object.fromEntries(
        spec.columns.map((c) => {
          const at = mapped.index.get(c);
          return [c, at === undefined ? null : (r.cells[at] ?? null)];
        }),
      ) as Record<Column, Cell>,
    }));
  if (rows.length === 0) return { ok: false, problem: { code: 'empty' } };
  const { maxRows } = spec.limits;
  if (rows.length > maxRows)
    return { ok: false, problem: { code: 'too_many_rows', limit: maxRows, rows: rows.length } };
  return { ok: true, format: 'csv', rows };
}
