import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from './csv-records';

describe('parseCsvRecords', () => {
  it('keeps commas and doubled quotes inside quoted fields', () => {
    expect(parseCsvRecords('a,b,c\n1,"x, y","say ""hi"""')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'x, y', 'say "hi"'] },
    ]);
  });

  it('tolerates a byte-order mark, CRLF, blank lines and a missing final newline', () => {
    expect(parseCsvRecords('\uFEFFa,b\r\n\r\n1,2\r\n3,')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', '2'] },
      { line: 4, cells: ['3', ''] },
    ]);
  });

  it('numbers records by the line they start on when a quoted field spans lines', () => {
    const records = parseCsvRecords('a,b\n"two\nlines",x\nnext,y');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(records[1]?.cells[0]).toBe('two\nlines');
  });

  it('rejects a quote that is never closed, naming the line', () => {
    expect(() => parseCsvRecords('a\n"open')).toThrow(/line 2/);
  });
});
