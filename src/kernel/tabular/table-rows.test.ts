import { describe, expect, it } from 'vitest';
import { mapHeader, tableRows } from './table-rows';
import { READING_SPEC } from './tabular-test-support';

describe('header mapping', () => {
  it('maps headers in English or Chinese, in any order, and names missing ones', () => {
    const mapped = mapHeader(READING_SPEC, ['单位', 'Amount', 'KIND', '月份', '表号', 'notes']);
    expect(mapped.ok && [...mapped.index.entries()].sort()).toEqual([
      ['amount', 1],
      ['kind', 2],
      ['meter', 4],
      ['month', 3],
      ['unit', 0],
    ]);
    expect(mapHeader(READING_SPEC, ['meter', 'month'])).toEqual({
      ok: false,
      missing: ['kind', 'amount', 'unit'],
    });
  });

  it('ignores case, spaces, underscores, brackets and a BOM on both headers and aliases; the first wins', () => {
    const headers = ['\uFEFFMeter', 'month', 'kind', ' 数 量 ', 'unit', 'Read (On)', 'READ_ON'];
    const mapped = mapHeader(READING_SPEC, headers);
    expect(mapped.ok && mapped.index.get('readOn')).toBe(5);
    expect(mapped.ok && mapped.index.get('meter')).toBe(0);
    expect(mapped.ok && mapped.index.get('amount')).toBe(3);
  });
});

describe('rows from records', () => {
  const header = { row: 1, cells: ['meter', 'month', 'kind', 'amount', 'unit'] };

  it('names the missing columns with the required and optional ones for the message', () => {
    expect(tableRows(READING_SPEC, [{ row: 1, cells: ['meter', 'note'] }])).toEqual({
      ok: false,
      problem: {
        code: 'missing_columns',
        columns: 'month, kind, amount, unit',
        required: 'meter, month, kind, amount, unit',
        optional: 'readOn, note',
      },
    });
  });

  it('drops blank rows, gives absent optional columns as null, and counts rows against the limit', () => {
    const data = { row: 3, cells: ['M1', '2026-03', 'water', 4, 't'] };
    const parsed = tableRows(READING_SPEC, [header, { row: 2, cells: ['', ' ', null] }, data]);
    expect(parsed).toEqual({
      ok: true,
      format: 'csv',
      rows: [
        {
          row: 3,
          cells: {
            meter: 'M1',
            month: '2026-03',
            kind: 'water',
            amount: 4,
            unit: 't',
            readOn: null,
            note: null,
          },
        },
      ],
    });
    expect(tableRows(READING_SPEC, [])).toEqual({ ok: false, problem: { code: 'empty' } });
    expect(tableRows(READING_SPEC, [header])).toEqual({ ok: false, problem: { code: 'empty' } });
    const many = Array.from({ length: 101 }, (_, i) => ({ ...data, row: i + 2 }));
    expect(tableRows(READING_SPEC, [header, ...many])).toEqual({
      ok: false,
      problem: { code: 'too_many_rows', limit: 100, rows: 101 },
    });
    expect(tableRows(READING_SPEC, [header, ...many.slice(1)]).ok).toBe(true);
  });
});
