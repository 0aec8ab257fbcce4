/** One CSV record with the 1-based line it starts on, so parse errors can point at the file. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. Tolerates a byte-order
 * mark and CRLF; skips blank lines. The divisions kernel's parseCsv is quote-free; factor notes and uploaded
 * cells need commas.
 * @example parseCsvRecords('a,b\n1,"x, y"') // [{ line: 1, cells: ['a','b'] }, { line: 2, cells: ['1','x, y'] }]
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const source = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    cells.push(cell);
    // A line holding nothing at all is a blank line, not a record with one empty cell.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += char;
  }
  if (quoted) throw new Error(`CSV line ${recordLine}: a quoted field is never closed`);
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}
