import { describe, expect, it } from 'vitest';
import { parseTabular } from './parse-tabular';
import { READING_HEADER, READING_SPEC, utf8, workbookOf } from './tabular-test-support';

describe('parseTabular', () => {
  it('dispatches on the extension and refuses others and files past the size limit', async () => {
    const csv = utf8(`${READING_HEADER}\nM1,2026-03,water,4,t\n`);
    expect(await parseTabular(READING_SPEC, 'March.CSV', csv)).toMatchObject({ ok: true, format: 'csv' });
    expect(await parseTabular(READING_SPEC, 'a.txt', utf8('x'))).toEqual({
      ok: false,
      problem: { code: 'unsupported_type', filename: 'a.txt' },
    });
    expect(await parseTabular(READING_SPEC, 'a.csv', new Uint8Array(1024 * 1024 + 1))).toEqual({
      ok: false,
      problem: { code: 'too_large', limit: 1024 * 1024 },
    });
  });

  it('reads an XLSX: date cells as months or days where the spec says, full timestamps elsewhere', async () => {
    const march = new Date(Date.UTC(2026, 2, 1));
    const bytes = await workbookOf([
      ['表号', '月份', '类型', '数量', '单位', '抄表日期', '备注'],
      ['M1', march, 'water', { formula: 'A1', result: 4 }, 't', new Date(Date.UTC(2026, 2, 28)), march],
      [],
      ['M2', '2026-04', { richText: [{ text: 'wa' }, { text: 'ter' }] }, 5, 't', null, true],
    ]);
    const parsed = await parseTabular(READING_SPEC, 'readings.xlsx', bytes);
    expect(parsed).toEqual({
      ok: true,
      format: 'xlsx',
      rows: [
        {
          row: 2,
          cells: {
            meter: 'M1',
            month: '2026-03',
            kind: 'water',
            amount: 4,
            unit: 't',
            readOn: '2026-03-28',
            note: march.toISOString(),
          },
        },
        {
          row: 4,
          cells: {
            meter: 'M2',
            month: '2026-04',
            kind: 'water',
            amount: 5,
            unit: 't',
            readOn: null,
            note: 'true',
          },
        },
      ],
    });
  });

  it('refuses a workbook past the row limit before reading its rows, and one without the columns', async () => {
    const rows = Array.from({ length: 101 }, (_, i) => [`M${i}`, '2026-03', 'water', 1, 't']);
    expect(await parseTabular(READING_SPEC, 'a.xlsx', await workbookOf([['meter'], ...rows]))).toEqual({
      ok: false,
      problem: { code: 'too_many_rows', limit: 100, rows: 101 },
    });
    expect(
      await parseTabular(READING_SPEC, 'a.xlsx', await workbookOf([['meter', 'note'], ['M1']])),
    ).toMatchObject({
      ok: false,
      problem: { code: 'missing_columns', columns: 'month, kind, amount, unit' },
    });
    expect(await parseTabular(READING_SPEC, 'a.xlsx', new Uint8Array([1, 2, 3]))).toMatchObject({
      ok: false,
      problem: { code: 'unreadable' },
    });
  });
});
