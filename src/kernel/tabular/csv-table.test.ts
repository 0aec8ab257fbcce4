import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvTable } from './csv-table';
import { READING_HEADER, READING_SPEC, utf8 } from './tabular-test-support';

describe('CSV tables', () => {
  it('keeps every data row of a CSV with its line number, whatever the cells hold', () => {
    const cell = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, ' '));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell, cell, cell, cell), { minLength: 1, maxLength: 30 }),
        (rows) => {
          const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
          const text = [READING_HEADER, ...rows.map((r) => r.map(quote).join(','))].join('\n');
          const parsed = parseCsvTable(READING_SPEC, utf8(text));
          const nonBlank = rows.filter((r) => r.some((c) => c.trim() !== ''));
          if (nonBlank.length === 0) return expect(parsed).toEqual({ ok: false, problem: { code: 'empty' } });
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          expect(parsed.rows.map((r) => r.cells.kind)).toEqual(nonBlank.map((r) => r[2]));
          expect(parsed.rows.every((r) => r.row >= 2 && r.cells.note === null)).toBe(true);
        },
      ),
    );
  });

  it('accepts a BOM and CRLF, refuses non-UTF-8 text and an unclosed quote', () => {
    const parsed = parseCsvTable(READING_SPEC, utf8(`\uFEFF${READING_HEADER}\r\nA,2024-01,water,1,t\r\n`));
    expect(parsed).toMatchObject({ ok: true, rows: [{ row: 2, cells: { meter: 'A', amount: '1' } }] });
    expect(parseCsvTable(READING_SPEC, new Uint8Array([0xc4, 0xe3]))).toMatchObject({
      ok: false,
      problem: { code: 'unreadable' },
    });
    expect(parseCsvTable(READING_SPEC, utf8(`${READING_HEADER}\n"open`))).toMatchObject({
      ok: false,
      problem: { code: 'unreadable' },
    });
  });
});
