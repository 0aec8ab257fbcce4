import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export interface SheetColumn<Row> {
  /** Header cell, e.g. '县（市、区） County'. */
  header: string;
  value: (row: Row) => string | number | null;
  /** Width in characters; Chinese characters count about twice. */
  width?: number;
  /** Excel number format, e.g. '#,##0.00'. */
  numberFormat?: string;
}

export interface Sheet<Row> {
  name: string;
  columns: readonly SheetColumn<Row>[];
  rows: readonly Row[];
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * An .xlsx workbook of one or more sheets: bold frozen header row, column widths and number formats, so an
 * officer opens it in Excel or WPS and can filter straight away (the exports the bureaus pass around).
 */
export async function buildWorkbook<Row>(sheets: readonly Sheet<Row>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sanqu';
  workbook.created = new Date();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    worksheet.columns = sheet.columns.map((column, index) => ({
      key: String(index),
      header: column.header,
      width: column.width ?? 14,
      style: column.numberFormat ? { numFmt: column.numberFormat } : {},
    }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(sheet.columns.map((column) => column.value(row)));
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Sends a workbook as a download. The file name goes both as an ASCII fallback and RFC 5987 UTF-8
 * (`filename*`), so browsers save `碳账户统计-2026-10.xlsx` with its Chinese name.
 */
export function sendWorkbook(reply: FastifyReply, filename: string, workbook: Buffer): FastifyReply {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('Content-Type', XLSX_TYPE)
    .header(
      'Content-Disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    )
    .header('Cache-Control', 'private, no-store')
    .send(workbook);
}
