import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHolidayCsv } from './holidays';
import { HOLIDAY_DATA_DIRECTORY, loadHolidayCalendar } from './load-holidays';
import {
  isProvisional,
  PROVISIONAL_HORIZON_YEARS,
  provisionalCalendarWarning,
  provisionalYearsAfter,
  provisionalYearsIn,
} from './provisional-years';
import { addWorkingDays, CalendarYearMissingError, isWorkingDay } from './working-days';

const calendar = loadHolidayCalendar();
const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

describe('provisional years', () => {
  it('are the ten years after the latest notice: 2027-2036 with the shipped data', () => {
    expect(PROVISIONAL_HORIZON_YEARS).toBe(10);
    expect([...calendar.provisionalYears].sort()).toEqual(range(2027, 2036));
    expect(provisionalYearsAfter(new Set([2024, 2026]))).toEqual(new Set(range(2027, 2036)));
    expect(provisionalYearsAfter(new Set())).toEqual(new Set());
  });

  it('flag a date or a span that rests on one', () => {
    expect(isProvisional(calendar, '2026-12-31')).toBe(false);
    expect(isProvisional(calendar, '2027-01-01')).toBe(true);
    expect(isProvisional(calendar, '2037-01-01')).toBe(false); // beyond the horizon: not answered at all
    expect(isProvisional(calendar, '2023-12-31')).toBe(false);
    expect(provisionalYearsIn(calendar, '2026-12-04', '2026-12-31')).toEqual([]);
    expect(provisionalYearsIn(calendar, '2026-12-04', '2027-01-04')).toEqual([2027]);
    expect(provisionalYearsIn(calendar, '2029-03-01', '2026-01-01')).toEqual([2027, 2028, 2029]);
    expect(provisionalYearsIn(calendar, '2035-06-01', '2040-01-01')).toEqual([2035, 2036]);
    expect(() => isProvisional(calendar, '2027-02-30')).toThrow(RangeError);
  });

  it('give the start-up warning its years and where the notice goes', () => {
    expect(provisionalCalendarWarning(calendar)).toBe(
      '2027-2036 use the provisional statutory calendar (国务院令第795号 days only, no 调休) ' +
        'until the State Council notice for 2027 is added to data/calendar/',
    );
    const noYears = parseHolidayCsv('date,kind,holiday,notice\n');
    expect(provisionalCalendarWarning(noYears)).toBeNull();
  });

  it('end when the notice is added: a 2027 notice file makes 2027 covered, with no code change', () => {
    const directory = mkdtempSync(join(tmpdir(), 'sanqu-calendar-2027-'));
    writeFileSync(
      join(directory, 'cn-holidays.csv'),
      readFileSync(join(HOLIDAY_DATA_DIRECTORY, 'cn-holidays.csv')),
    );
    // A made-up notice, not the real one: its days differ from the law's on purpose, so the test sees which wins.
    const notice = 'TEST-2027';
    const rows = [
      '2027-01-01,holiday,元旦',
      '2027-02-05,holiday,春节',
      '2027-02-06,holiday,春节',
      '2027-02-07,holiday,春节',
      '2027-02-08,holiday,春节',
      '2027-02-09,holiday,春节',
      '2027-02-10,holiday,春节',
      '2027-02-14,workday,春节',
    ];
    writeFileSync(
      join(directory, 'cn-holidays-2027.csv'),
      ['date,kind,holiday,notice', ...rows.map((row) => `${row},${notice}`)].join('\n'),
    );
    const withNotice = loadHolidayCalendar(directory);
    expect([...withNotice.years].sort()).toEqual([2024, 2025, 2026, 2027]);
    expect(withNotice.provisionalYears.has(2027)).toBe(false);
    expect([...withNotice.provisionalYears].sort()).toEqual(range(2028, 2037));
    expect(isProvisional(withNotice, '2027-06-09')).toBe(false);
    // The notice decides 2027: its extra days off and its 调休 Sunday count, the law's days it omits do not.
    expect(isWorkingDay(withNotice, '2027-02-09')).toBe(false);
    expect(isWorkingDay(withNotice, '2027-02-14')).toBe(true);
    expect(isWorkingDay(withNotice, '2027-06-09')).toBe(true);
    expect(isWorkingDay(calendar, '2027-02-09')).toBe(true);
    expect(isWorkingDay(calendar, '2027-06-09')).toBe(false);
    expect(addWorkingDays(withNotice, '2027-02-04', 1)).toBe('2027-02-11');
    // The horizon moved with it.
    expect(isWorkingDay(withNotice, '2037-01-05')).toBe(true);
    expect(() => isWorkingDay(calendar, '2037-01-05')).toThrow(CalendarYearMissingError);
  });
});
