import ExcelJS from 'exceljs';
import { cellText } from './cells';
import { mapHeader, type RawRecord, tableRows } from './table-rows';
import type { Cell, TabularParse, TabularSpec } from './tabular-spec';
import { checkZipUnpackedSize } from './zip-unpacked-size';

type DateAs = 'month' | 'day' | undefined;

function excelCell(value: ExcelJS.CellValue, dateAs: DateAs): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  // Excel turns a typed 2026-03 into a date: a month column wants its month, a day column its day.
  if (value instanceof Date) {
    const iso = value.toISOString();
    return dateAs === 'month' ? iso.slice(0, 7) : dateAs === 'day' ? iso.slice(0, 10) : iso;
  }
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date))
      ? null
      : excelCell(result as ExcelJS.CellValue, dateAs);
  }
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}

/**
 * Reads the first worksheet of an XLSX file; row 1 is the header. exceljs unpacks the whole file, so its unpacked
 * size is checked first from the ZIP directory.
 */
export async function parseXlsxTable<Column extends string>(
  spec: TabularSpec<Column>,
  bytes: Uint8Array,
): Promise<TabularParse<Column>> {
  const { maxRows, maxUnpackedBytes, maxZipEntries } = spec.limits;
  const unpacked = checkZipUnpackedSize(bytes, { maxUnpackedBytes, maxEntries: maxZipEntries });
  if (!unpacked.ok)
    return unpacked.problem === 'too_large'
      ? {
          ok: false,
          problem: { code: 'too_large_unpacked', limit: maxUnpackedBytes, maxEntries: maxZipEntries },
        }
      : {
          ok: false,
          problem: { code: 'unreadable', reason: `not a readable XLSX workbook (${unpacked.reason})` },
        };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as never);
  } catch (error) {
    return {
      ok: false,
      problem: { code: 'unreadable', reason: `not a readable XLSX workbook (${(error as Error).message})` },
    };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problem: { code: 'empty' } };
  if (sheet.actualRowCount > maxRows + 1)
    return { ok: false, problem: { code: 'too_many_rows', limit: maxRows, rows: sheet.actualRowCount - 1 } };
  const headerCells: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headerCells[col - 1] = cellText(excelCell(cell.value, undefined));
  });
  const headers = Array.from(headerCells, (h) => h ?? '');
  // Which sheet columns hold dates to read as months or days; the header decides where they are.
  const mapped = mapHeader(spec, headers);
  const dateAt = new Map<number, 'month' | 'day'>();
  if (mapped.ok)
    for (const [column, at] of mapped.index) {
      const dateAs = spec.dateColumns?.[column];
      if (dateAs) dateAt.set(at, dateAs);
    }
  const records: RawRecord[] = [{ row: 1, cells: headers }];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = excelCell(cell.value, dateAt.get(col - 1));
    });
    records.push({ row: number, cells: Array.from(cells, (c) => c ?? null) });
  });
  const parsed = tableRows(spec, records);
  return parsed.ok ? { ...parsed, format: 'xlsx' } : parsed;
}
