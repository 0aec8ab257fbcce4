import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapHeader, parseAmount, parseCsvUpload, parseUpload } from './activity-upload';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('upload row parsing', () => {
  it.each([
    [12, 12],
    ['12', 12],
    [' 7.5 ', 7.5],
    ['1e3', 1000],
    ['1,234.5', 1234.5],
    ['-3', -3],
    ['.5', 0.5],
    ['12 t', null],
    ['1,23', null],
    ['', null],
    [null, null],
    ['NaN', null],
    ['Infinity', null],
    [Number.POSITIVE_INFINITY, null],
  ] as const)('parseAmount(%j) = %j', (cell, expected) => {
    expect(parseAmount(cell)).toBe(expected);
  });

  it('reads back any finite number written plainly or with thousands separators', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (x) => {
        // String(-0) is "0": the text form cannot carry the sign of zero, and an amount of −0 is 0.
        expect(parseAmount(String(x))).toBe(Object.is(x, -0) ? 0 : x);
        expect(parseAmount(x)).toBe(x);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 10 ** 12 }), (n) => {
        expect(parseAmount(n.toLocaleString('en-US'))).toBe(n);
      }),
    );
  });

  it('maps headers in English or Chinese, in any order, and names missing ones', () => {
    const mapped = mapHeader(['单位', 'Amount', 'KIND', '期间', '统一社会信用代码', 'notes']);
    expect(mapped.ok && [...mapped.index.entries()].sort()).toEqual([
      ['amount', 1],
      ['kind', 2],
      ['period', 3],
      ['unit', 0],
      ['uscc', 4],
    ]);
    expect(mapHeader(['uscc', 'period'])).toEqual({ ok: false, missing: ['kind', 'amount', 'unit'] });
  });

  it('keeps every data row of a CSV with its line number, whatever the cells hold', () => {
    const cell = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, ' '));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell, cell, cell, cell), { minLength: 1, maxLength: 30 }),
        (rows) => {
          const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
          const text = ['uscc,period,kind,amount,unit', ...rows.map((r) => r.map(quote).join(','))].join(
            '\n',
          );
          const parsed = parseCsvUpload(bytes(text));
          const nonBlank = rows.filter((r) => r.some((c) => c.trim() !== ''));
          if (nonBlank.length === 0) return expect(parsed).toEqual({ ok: false, problem: { code: 'empty' } });
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          expect(parsed.rows.map((r) => r.cells.kind)).toEqual(nonBlank.map((r) => r[2]));
          expect(parsed.rows.every((r) => r.row >= 2 && r.cells.valueAdded === null)).toBe(true);
        },
      ),
    );
  });

  it('accepts a BOM and CRLF, refuses other extensions and non-UTF-8 text', async () => {
    const parsed = parseCsvUpload(bytes('\uFEFFuscc,period,kind,amount,unit\r\nA,2024-01,diesel,1,t\r\n'));
    expect(parsed).toMatchObject({ ok: true, rows: [{ row: 2, cells: { uscc: 'A', amount: '1' } }] });
    expect(await parseUpload({ filename: 'a.txt', bytes: bytes('x') })).toMatchObject({
      ok: false,
      problem: { code: 'unsupported_type' },
    });
    expect(parseCsvUpload(new Uint8Array([0xc4, 0xe3]))).toMatchObject({
      ok: false,
      problem: { code: 'unreadable' },
    });
    expect(parseCsvUpload(bytes('uscc,period,kind,amount,unit\n"open'))).toMatchObject({
      ok: false,
      problem: { code: 'unreadable' },
    });
  });
});
