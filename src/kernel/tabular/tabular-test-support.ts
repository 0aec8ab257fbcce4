import ExcelJS from 'exceljs';
import type { TabularSpec } from './tabular-spec';

/** A neutral spec for the kernel's tests (tests only): meter readings, five columns required, two optional. */
export const READING_COLUMNS = ['meter', 'month', 'kind', 'amount', 'unit', 'readOn', 'note'] as const;
export type ReadingColumn = (typeof READING_COLUMNS)[number];

export const READING_SPEC: TabularSpec<ReadingColumn> = {
  columns: READING_COLUMNS,
  required: ['meter', 'month', 'kind', 'amount', 'unit'],
  aliases: {
    meter: ['meter', '表号'],
    month: ['month', '月份'],
    kind: ['kind', '类型'],
    amount: ['amount', '数量'],
    unit: ['unit', '单位'],
    // Written as people type them: the comparison normalises aliases as well as headers.
    readOn: ['Read_On', '抄表日期'],
    note: ['note', '备注'],
  },
  dateColumns: { month: 'month', readOn: 'day' },
  limits: { maxBytes: 1024 * 1024, maxRows: 100, maxUnpackedBytes: 50 * 1024 * 1024, maxZipEntries: 1_000 },
};

export const READING_HEADER = 'meter,month,kind,amount,unit';

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** An XLSX of one sheet holding `rows` (the first is the header). */
export async function workbookOf(rows: readonly ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('读数');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
