import ExcelJS from 'exceljs';
import { parseCsvRecords } from './csv';
import { checkZipUnpackedSize } from './zip-unpacked-size';

/**
 * 活动数据批量导入 — reads an uploaded CSV (UTF-8, BOM allowed) or XLSX file into rows. Only the reading is here:
 * the service checks each row with the same rules as a single entry and reports per row.
 */

export const UPLOAD_LIMITS = {
  /** 5 MB holds ~100,000 CSV rows; the row limit below bites first. */
  maxBytes: 5 * 1024 * 1024,
  /** One transaction per file: a city-wide month is ~5,000 enterprises × a few kinds, so uploads go by batches. */
  maxRows: 5_000,
  /** An XLSX unpacks ~10-20× (a 5,000-row sheet is a few MB of XML); past this it is a ZIP bomb, not data. */
  maxUnpackedBytes: 50 * 1024 * 1024,
  /** A workbook is a dozen parts or so; thousands would each cost a parse. */
  maxZipEntries: 1_000,
} as const;

export const UPLOAD_COLUMNS = ['uscc', 'period', 'kind', 'amount', 'unit', 'valueAdded'] as const;
export type UploadColumn = (typeof UPLOAD_COLUMNS)[number];
const REQUIRED: readonly UploadColumn[] = ['uscc', 'period', 'kind', 'amount', 'unit'];

/** Header spellings accepted per column (compared lower-case, without spaces, underscores or brackets). */
const HEADER_ALIASES: Readonly<Record<UploadColumn, readonly string[]>> = {
  uscc: ['uscc', '统一社会信用代码', '信用代码'],
  period: ['period', '期间', '月份', '核算期'],
  kind: ['kind', '类型', '活动类型'],
  amount: ['amount', '数量', '活动数据'],
  unit: ['unit', '单位'],
  valueAdded: ['valueadded', '增加值', '工业增加值', '增加值万元', '工业增加值万元'],
};

export type Cell = string | number | null;

/** One data row as read: cells are still untrusted. `row` is the line (CSV) or row number (XLSX) a person sees. */
export interface UploadRow {
  row: number;
  cells: Record<UploadColumn, Cell>;
}

export type UploadProblem =
  | { code: 'unsupported_type'; filename: string }
  | { code: 'too_large'; limit: number }
  | { code: 'too_many_rows'; limit: number; rows: number }
  | { code: 'too_large_unpacked'; limit: number; maxEntries: number }
  | { code: 'unreadable'; reason: string }
  | { code: 'missing_columns'; columns: string }
  | { code: 'empty' };

export type UploadParse =
  | { ok: true; format: 'csv' | 'xlsx'; rows: UploadRow[] }
  | { ok: false; problem: UploadProblem };

const normaliseHeader = (text: string) => text.toLowerCase().replace(/[\s_（）()]/g, '');

/** Maps header cells to columns; unknown headers are ignored (a spreadsheet may carry a notes column). */
export function mapHeader(headers: readonly string[]):
  | { ok: true; index: Map<UploadColumn, number> }
  | {
      ok: false;
      missing: UploadColumn[];
    } {
  const index = new Map<UploadColumn, number>();
  headers.forEach((header, i) => {
    const name = normaliseHeader(header.replace(/^\uFEFF/, ''));
    const column = UPLOAD_COLUMNS.find((c) => HEADER_ALIASES[c].includes(name));
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  return missing.length > 0 ? { ok: false, missing } : { ok: true, index };
}

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

function toRows(records: { row: number; cells: Cell[] }[]): UploadParse {
  const [header, ...data] = records;
  if (!header) return { ok: false, problem: { code: 'empty' } };
  const mapped = mapHeader(header.cells.map(cellText));
  if (!mapped.ok)
    return { ok: false, problem: { code: 'missing_columns', columns: mapped.missing.join(', ') } };
  const rows = data
    .filter((r) => r.cells.some((c) => cellText(c) !== ''))
    .map((r) => ({
      row: r.row,
      cells: Object.fromEntries(
        UPLOAD_COLUMNS.map((c) => {
          const at = mapped.index.get(c);
          return [c, at === undefined ? null : (r.cells[at] ?? null)];
        }),
      ) as Record<UploadColumn, Cell>,
    }));
  if (rows.length === 0) return { ok: false, problem: { code: 'empty' } };
  if (rows.length > UPLOAD_LIMITS.maxRows)
    return { ok: false, problem: { code: 'too_many_rows', limit: UPLOAD_LIMITS.maxRows, rows: rows.length } };
  return { ok: true, format: 'csv', rows };
}

/** Reads CSV text rows; a file that is not UTF-8 (e.g. saved as GBK) is unreadable rather than mis-decoded. */
export function parseCsvUpload(bytes: Uint8Array): UploadParse {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: { code: 'unreadable', reason: 'not UTF-8 text (save as "CSV UTF-8")' } };
  }
  try {
    return toRows(parseCsvRecords(text).map((r) => ({ row: r.line, cells: r.cells })));
  } catch (error) {
    return { ok: false, problem: { code: 'unreadable', reason: (error as Error).message } };
  }
}

function excelCell(value: ExcelJS.CellValue, column: 'period' | 'other'): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  // Excel turns a typed 2026-03 into a date: the period is its month.
  if (value instanceof Date)
    return column === 'period' ? value.toISOString().slice(0, 7) : value.toISOString();
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date))
      ? null
      : excelCell(result as ExcelJS.CellValue, column);
  }
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}

/**
 * Reads the first worksheet of an XLSX file; row 1 is the header. exceljs unpacks the whole file, so its unpacked
 * size is checked first from the ZIP directory.
 */
export async function parseXlsxUpload(bytes: Uint8Array): Promise<UploadParse> {
  const unpacked = checkZipUnpackedSize(bytes, {
    maxUnpackedBytes: UPLOAD_LIMITS.maxUnpackedBytes,
    maxEntries: UPLOAD_LIMITS.maxZipEntries,
  });
  if (!unpacked.ok)
    return unpacked.problem === 'too_large'
      ? {
          ok: false,
          problem: {
            code: 'too_large_unpacked',
            limit: UPLOAD_LIMITS.maxUnpackedBytes,
            maxEntries: UPLOAD_LIMITS.maxZipEntries,
          },
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
  if (sheet.actualRowCount > UPLOAD_LIMITS.maxRows + 1)
    return {
      ok: false,
      problem: { code: 'too_many_rows', limit: UPLOAD_LIMITS.maxRows, rows: sheet.actualRowCount - 1 },
    };
  const header = sheet.getRow(1);
  const headerCells: string[] = [];
  header.eachCell({ includeEmpty: true }, (cell, col) => {
    headerCells[col - 1] = cellText(excelCell(cell.value, 'other'));
  });
  const headers = Array.from(headerCells, (h) => h ?? '');
  const mapped = mapHeader(headers);
  const periodAt = mapped.ok ? mapped.index.get('period') : undefined;
  const records: { row: number; cells: Cell[] }[] = [{ row: 1, cells: headers }];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = excelCell(cell.value, col - 1 === periodAt ? 'period' : 'other');
    });
    records.push({ row: number, cells: Array.from(cells, (c) => c ?? null) });
  });
  const parsed = toRows(records);
  return parsed.ok ? { ...parsed, format: 'xlsx' } : parsed;
}

/**
 * Reads an uploaded file by its extension (.csv or .xlsx); the size limit is checked before anything is parsed.
 * @example await parseUpload({ filename: 'march.csv', bytes }) // { ok: true, format: 'csv', rows: [...] }
 */
export async function parseUpload(file: { filename: string; bytes: Uint8Array }): Promise<UploadParse> {
  if (file.bytes.length > UPLOAD_LIMITS.maxBytes)
    return { ok: false, problem: { code: 'too_large', limit: UPLOAD_LIMITS.maxBytes } };
  const extension = file.filename.toLowerCase().split('.').at(-1);
  if (extension === 'csv') return parseCsvUpload(file.bytes);
  if (extension === 'xlsx') return parseXlsxUpload(file.bytes);
  return { ok: false, problem: { code: 'unsupported_type', filename: file.filename } };
}
