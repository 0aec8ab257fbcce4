import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mapHeader, parseTabular, tabularProblemError } from '../../kernel/tabular';
import { ACTIVITY_UPLOAD_SPEC, UPLOAD_LIMITS } from './activity-upload';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('activity upload spec', () => {
  it('maps headers in English or Chinese, in any order, and names missing ones', () => {
    const mapped = mapHeader(ACTIVITY_UPLOAD_SPEC, [
      '单位',
      'Amount',
      'KIND',
      '期间',
      '统一社会信用代码',
      'notes',
    ]);
    expect(mapped.ok && [...mapped.index.entries()].sort()).toEqual([
      ['amount', 1],
      ['kind', 2],
      ['period', 3],
      ['unit', 0],
      ['uscc', 4],
    ]);
    expect(mapHeader(ACTIVITY_UPLOAD_SPEC, ['uscc', 'period'])).toEqual({
      ok: false,
      missing: ['kind', 'amount', 'unit'],
    });
    const valueAdded = mapHeader(ACTIVITY_UPLOAD_SPEC, [
      'uscc',
      '月份',
      '活动类型',
      '数量',
      '单位',
      '工业增加值（万元）',
    ]);
    expect(valueAdded.ok && valueAdded.index.get('valueAdded')).toBe(5);
  });

  it('reads a CSV with a BOM and CRLF into its columns, an absent value added as null', async () => {
    const parsed = await parseTabular(
      ACTIVITY_UPLOAD_SPEC,
      'march.csv',
      bytes('\uFEFFuscc,period,kind,amount,unit\r\nA,2024-01,diesel,1,t\r\n'),
    );
    expect(parsed).toMatchObject({
      ok: true,
      format: 'csv',
      rows: [{ row: 2, cells: { uscc: 'A', amount: '1', valueAdded: null } }],
    });
  });

  it('reads a period Excel turned into a date as its month', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('活动数据');
    sheet.addRow(['uscc', 'period', 'kind', 'amount', 'unit']);
    sheet.addRow(['91330802MA2A0B1C2D', new Date(Date.UTC(2026, 2, 1)), 'electricity', 1000, 'kWh']);
    const parsed = await parseTabular(
      ACTIVITY_UPLOAD_SPEC,
      'march.xlsx',
      new Uint8Array(await book.xlsx.writeBuffer()),
    );
    expect(parsed).toMatchObject({
      ok: true,
      format: 'xlsx',
      rows: [{ row: 2, cells: { period: '2026-03' } }],
    });
  });

  it('keeps the limits and the wording of a missing-columns error', async () => {
    expect(ACTIVITY_UPLOAD_SPEC.limits).toEqual({
      maxBytes: 5 * 1024 * 1024,
      maxRows: 5_000,
      maxUnpackedBytes: 50 * 1024 * 1024,
      maxZipEntries: 1_000,
    });
    expect(UPLOAD_LIMITS).toBe(ACTIVITY_UPLOAD_SPEC.limits);
    const parsed = await parseTabular(
      ACTIVITY_UPLOAD_SPEC,
      'a.csv',
      bytes('uscc,period,amount,unit\nA,B,1,t'),
    );
    if (parsed.ok) throw new Error('a header without kind was accepted');
    const error = tabularProblemError(parsed.problem);
    expect([error.status, error.code]).toEqual([422, 'UPLOAD_MISSING_COLUMNS']);
    expect(error.toBody('en').error.message).toBe(
      'The header lacks columns: kind (expected uscc, period, kind, amount, unit, optional valueAdded)',
    );
    expect(error.toBody('zh-CN').error.message).toBe(
      '表头缺少列：kind（应有 uscc, period, kind, amount, unit，可选 valueAdded）',
    );
  });
});
