import { parseCsvTable } from './csv-table';
import type { TabularParse, TabularSpec } from './tabular-spec';
import { parseXlsxTable } from './xlsx-table';

/**
 * Reads an uploaded file by its extension (.csv or .xlsx) into rows named by the spec's columns; the size limit
 * is checked before anything is parsed. Only the reading is here: the module checks each row and reports per row.
 * @example await parseTabular(spec, 'march.csv', bytes) // { ok: true, format: 'csv', rows: [...] }
 */
export async function parseTabular<Column extends string>(
  spec: TabularSpec<Column>,
  filename: string,
  bytes: Uint8Array,
): Promise<TabularParse<Column>> {
  if (bytes.length > spec.limits.maxBytes)
    return { ok: false, problem: { code: 'too_large', limit: spec.limits.maxBytes } };
  const extension = filename.toLowerCase().split('.').at(-1);
  if (extension === 'csv') return parseCsvTable(spec, bytes);
  if (extension === 'xlsx') return parseXlsxTable(spec, bytes);
  return { ok: false, problem: { code: 'unsupported_type', filename } };
}
