import { parseCsvRecords } from './csv-records';
import { tableRows } from './table-rows';
import type { TabularParse, TabularSpec } from './tabular-spec';

/** Reads CSV rows; a file that is not UTF-8 (e.g. saved as GBK) is unreadable rather than mis-decoded. */
export function parseCsvTable<Column extends string>(
  spec: TabularSpec<Column>,
  bytes: Uint8Array,
): TabularParse<Column> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: { code: 'unreadable', reason: 'not UTF-8 text (save as "CSV UTF-8")' } };
  }
  try {
    return tableRows(
      spec,
      parseCsvRecords(text).map((r) => ({ row: r.line, cells: r.cells })),
    );
  } catch (error) {
    return { ok: false, problem: { code: 'unreadable', reason: (error as Error).message } };
  }
}
