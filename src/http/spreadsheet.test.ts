import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildWorkbook, sendWorkbook } from './spreadsheet';

interface CountyRow {
  county: string;
  tonnes: number;
}

const rows: CountyRow[] = [
  { county: '柯城区', tonnes: 1234.5 },
  { county: '常山县', tonnes: 0.25 },
];

describe('spreadsheet exports', () => {
  it('writes a sheet with a bold frozen header, the rows in order and the number format', async () => {
    const bytes = await buildWorkbook([
      {
        name: '按县统计',
        columns: [
          { header: '县（市、区）', value: (r: CountyRow) => r.county, width: 16 },
          { header: '排放量（吨）', value: (r: CountyRow) => r.tonnes, numberFormat: '#,##0.00' },
        ],
        rows,
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('按县统计');
    expect(sheet?.getRow(1).values).toEqual([undefined, '县（市、区）', '排放量（吨）']);
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    expect(sheet?.getRow(2).values).toEqual([undefined, '柯城区', 1234.5]);
    expect(sheet?.getRow(3).getCell(2).numFmt).toBe('#,##0.00');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.rowCount).toBe(3);
  });

  it('cuts sheet names to Excel’s 31 characters', async () => {
    const bytes = await buildWorkbook([{ name: 'x'.repeat(40), columns: [], rows: [] }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.name).toBe('x'.repeat(31));
  });

  it('sends the download with an ASCII fallback and the UTF-8 file name', async () => {
    const app = Fastify();
    app.get('/x', async (_request, reply) =>
      sendWorkbook(reply, '碳账户统计-2026-10.xlsx', Buffer.from('PK')),
    );
    const response = await app.inject('/x');
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="_____-2026-10.xlsx"; filename*=UTF-8''${encodeURIComponent('碳账户统计-2026-10.xlsx')}`,
    );
    expect(response.rawPayload.toString()).toBe('PK');
    await app.close();
  });
});
