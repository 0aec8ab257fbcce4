import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HolidayCsvError, mergeHolidayCalendars, parseHolidayCsv } from './holidays';
import { HOLIDAY_DATA_DIRECTORY, loadHolidayCalendar } from './load-holidays';

const HEADER = 'date,kind,holiday,notice';
const csv = (...rows: string[]): string => [HEADER, ...rows].join('\n');

describe('parseHolidayCsv', () => {
  it('reads the shipped 2024-2026 data', () => {
    const calendar = loadHolidayCalendar();
    expect(calendar.holidays.size).toBe(89);
    expect(calendar.adjustedWorkdays.size).toBe(19);
    expect([...calendar.years].sort()).toEqual([2024, 2025, 2026]);
    expect(calendar.entries.get('2025-10-01')).toMatchObject({
      kind: 'holiday',
      festival: '国庆节、中秋节',
      notice: '国办发明电〔2024〕12号',
      source: 'cn-holidays.csv',
    });
  });

  it('finds the data folder from the project root and loads it once', () => {
    expect(HOLIDAY_DATA_DIRECTORY.replaceAll('\\', '/')).toMatch(/\/data\/calendar$/);
    expect(loadHolidayCalendar()).toBe(loadHolidayCalendar());
  });

  it('tolerates a byte-order mark, CRLF line endings and blank lines', () => {
    const calendar = parseHolidayCsv(`\uFEFF${HEADER}\r\n2026-01-01,holiday,元旦,N\r\n\r\n`);
    expect([...calendar.holidays]).toEqual(['2026-01-01']);
  });

  it('rejects a "workday" on a Wednesday, naming the line', () => {
    const text = csv('2026-01-01,holiday,元旦,N', '2026-01-07,workday,元旦,N');
    expect(() => parseHolidayCsv(text, '2026.csv')).toThrow(
      new HolidayCsvError('2026.csv', 3, 'workday 2026-01-07 is not a Saturday or Sunday'),
    );
  });

  it('rejects a duplicate date, naming both lines', () => {
    const text = csv('2026-01-01,holiday,元旦,N', '2026-01-01,holiday,元旦,N');
    expect(() => parseHolidayCsv(text, 'x.csv')).toThrow(
      'x.csv line 3: date 2026-01-01 already listed at x.csv line 2',
    );
  });

  it('rejects a duplicate date across files', () => {
    const first = parseHolidayCsv(csv('2026-01-01,holiday,元旦,N'), 'a.csv');
    const second = parseHolidayCsv(csv('2026-01-01,holiday,元旦,N'), 'b.csv');
    expect(() => mergeHolidayCalendars([first, second])).toThrow(
      'b.csv line 2: date 2026-01-01 already listed at a.csv',
    );
  });

  it.each([
    ['date,kind,name,notice\n', 1, 'header must be'],
    [csv('2026-01-01,day-off,元旦,N'), 2, 'kind must be holiday or workday'],
    [csv('2026-02-30,holiday,春节,N'), 2, '"2026-02-30" is not a YYYY-MM-DD date'],
    [csv('2026-01-01,holiday,元旦'), 2, 'expected 4 fields'],
    [csv('2026-01-01,holiday,,N'), 2, 'holiday and notice must not be empty'],
  ])('rejects malformed input %#', (text, line, message) => {
    expect(() => parseHolidayCsv(text)).toThrow(`line ${line}: ${message}`);
  });

  it("counts a notice's year by most of its rows, not by a day moved into the previous December", () => {
    const rows = ['2017-12-30', '2017-12-31', '2018-01-01', '2018-02-16', '2018-02-17'];
    const calendar = parseHolidayCsv(csv(...rows.map((date) => `${date},holiday,元旦,N2018`)));
    expect([...calendar.years]).toEqual([2018]);
  });

  it('loads every CSV in a folder, so a new year is a new file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'sanqu-calendar-'));
    writeFileSync(
      join(directory, 'cn-holidays.csv'),
      readFileSync(join(HOLIDAY_DATA_DIRECTORY, 'cn-holidays.csv')),
    );
    writeFileSync(join(directory, 'cn-holidays-2027.csv'), csv('2027-01-01,holiday,元旦,SYNTHETIC'));
    writeFileSync(join(directory, 'README.txt'), 'not data');
    expect([...loadHolidayCalendar(directory).years].sort()).toEqual([2024, 2025, 2026, 2027]);
  });
});
