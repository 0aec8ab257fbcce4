import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from './calendar-date';
import { mergeHolidayCalendars, parseHolidayCsv } from './holidays';
import { HOLIDAY_DATA_DIRECTORY, loadHolidayCalendar } from './load-holidays';
import { statutoryDaysOff } from './statutory-days-off';
import { addWorkingDays, CalendarYearMissingError, isWorkingDay, workingDaysBetween } from './working-days';

const calendar = loadHolidayCalendar();

describe('hand-checked dates', () => {
  it('2026 National Day: 10-01..10-07 off, Sunday 09-20 and Saturday 10-10 worked', () => {
    expect(isWorkingDay(calendar, '2026-09-20')).toBe(true);
    expect(isWorkingDay(calendar, '2026-09-25')).toBe(false); // Friday, 中秋节
    for (let day = 1; day <= 7; day++) expect(isWorkingDay(calendar, `2026-10-0${day}`)).toBe(false);
    expect(isWorkingDay(calendar, '2026-10-08')).toBe(true);
    expect(isWorkingDay(calendar, '2026-10-10')).toBe(true);
    expect(isWorkingDay(calendar, '2026-10-11')).toBe(false);
    expect(addWorkingDays(calendar, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays(calendar, '2026-10-08', -1)).toBe('2026-09-30');
  });

  it('a 20-working-day deadline across 2026 中秋 and National Day', () => {
    expect(addWorkingDays(calendar, '2026-09-15', 20)).toBe('2026-10-19');
    expect(workingDaysBetween(calendar, '2026-09-15', '2026-10-19')).toBe(20);
  });

  it('Spring Festival 2025: 01-28..02-04 off, Sunday 01-26 and Saturday 02-08 worked', () => {
    expect(addWorkingDays(calendar, '2025-01-27', 1)).toBe('2025-02-05');
    expect(workingDaysBetween(calendar, '2025-01-24', '2025-02-08')).toBe(6);
    expect(addWorkingDays(calendar, '2025-02-05', -1)).toBe('2025-01-27');
  });

  it('a Friday start before a holiday that begins with a worked Saturday (中秋节 2024)', () => {
    expect(addWorkingDays(calendar, '2024-09-13', 1)).toBe('2024-09-14');
    expect(addWorkingDays(calendar, '2024-09-13', 2)).toBe('2024-09-18');
  });

  it('n = 0 returns the date itself, even on a holiday', () => {
    expect(addWorkingDays(calendar, '2026-10-01', 0)).toBe('2026-10-01');
    expect(() => addWorkingDays(calendar, '2026-10-01', 1.5)).toThrow(RangeError);
  });
});

describe('every day of 2024-2026', () => {
  it('is a working day exactly when (weekday and not a holiday) or an adjusted workday', () => {
    const rows = readFileSync(join(HOLIDAY_DATA_DIRECTORY, 'cn-holidays.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const kindByDate = new Map(rows.map((row) => [row.split(',')[0], row.split(',')[1]]));
    let checked = 0;
    for (let time = Date.UTC(2024, 0, 1); time < Date.UTC(2027, 0, 1); time += 86_400_000) {
      const date = new Date(time).toISOString().slice(0, 10);
      const weekday = new Date(time).getUTCDay() % 6 !== 0;
      const expected = (weekday && kindByDate.get(date) !== 'holiday') || kindByDate.get(date) === 'workday';
      expect(isWorkingDay(calendar, date), date).toBe(expected);
      checked++;
    }
    expect(checked).toBe(366 + 365 + 365);
  });
});

const covered = (from: string, to: string) =>
  fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);
const count = fc.integer({ min: 0, max: 100 });

// The same laws hold on the notices' days and on the provisional calendar, and across the seam between them.
describe.each([
  { span: 'the notices (2024-2026)', first: '2024-01-01', last: '2026-12-31' },
  { span: 'the seam and the provisional years (2026-07 to 2036)', first: '2026-07-01', last: '2036-12-31' },
])('properties over $span', ({ first, last }) => {
  // Starts leave half a year of room, so 100 working days on (or back) stay within the span.
  const start = covered(first, addDays(last, -184));
  const anyDay = covered(first, last);

  it('addWorkingDays and workingDaysBetween agree, and the result is a later working day', () => {
    fc.assert(
      fc.property(start, count, (date, n) => {
        const end = addWorkingDays(calendar, date, n);
        expect(workingDaysBetween(calendar, date, end)).toBe(n);
        if (n > 0) {
          expect(end > date).toBe(true);
          expect(isWorkingDay(calendar, end)).toBe(true);
        }
      }),
    );
  });

  it('is monotonic in both the start date and n', () => {
    fc.assert(
      fc.property(start, start, count, count, (a, b, m, n) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        const [fewer, more] = m <= n ? [m, n] : [n, m];
        expect(addWorkingDays(calendar, earlier, fewer) <= addWorkingDays(calendar, later, fewer)).toBe(true);
        expect(addWorkingDays(calendar, earlier, fewer) <= addWorkingDays(calendar, earlier, more)).toBe(
          true,
        );
      }),
    );
  });

  it('counting backwards lands on an earlier working day, mirroring the forward count', () => {
    fc.assert(
      fc.property(covered(addDays(first, 182), last), fc.integer({ min: 1, max: 100 }), (date, n) => {
        const back = addWorkingDays(calendar, date, -n);
        expect(back < date && isWorkingDay(calendar, back)).toBe(true);
        const endsOnWorkingDay = isWorkingDay(calendar, date) ? 1 : 0;
        expect(workingDaysBetween(calendar, back, date)).toBe(n - 1 + endsOnWorkingDay);
      }),
    );
  });

  it('workingDaysBetween is additive and antisymmetric', () => {
    fc.assert(
      fc.property(anyDay, anyDay, anyDay, (a, b, c) => {
        const ab = workingDaysBetween(calendar, a, b);
        expect(workingDaysBetween(calendar, b, a) + ab).toBe(0);
        expect(Object.is(workingDaysBetween(calendar, b, a), -0)).toBe(false);
        expect(ab + workingDaysBetween(calendar, b, c)).toBe(workingDaysBetween(calendar, a, c));
      }),
    );
  });
});

describe('the provisional years (2027-2036)', () => {
  it('count from 2026 into 2027 over 元旦 (2027-01-01, a Friday)', () => {
    expect(addWorkingDays(calendar, '2026-12-31', 1)).toBe('2027-01-04');
    expect(addWorkingDays(calendar, '2027-01-04', -1)).toBe('2026-12-31');
    // A 20-working-day deadline from Friday 2026-12-04 (the day case acceptance began to fail): 4 weeks and 元旦.
    expect(addWorkingDays(calendar, '2026-12-04', 20)).toBe('2027-01-04');
    expect(workingDaysBetween(calendar, '2026-12-04', '2027-01-04')).toBe(20);
  });

  it('take the law’s days off and no 调休: 春节 2027 is 除夕 (Fri) to 初三 (Mon), weekends stay off', () => {
    expect(addWorkingDays(calendar, '2027-02-04', 1)).toBe('2027-02-09');
    expect(isWorkingDay(calendar, '2027-02-06')).toBe(false); // Saturday: no 调休 until the notice says so
    expect(isWorkingDay(calendar, '2027-04-05')).toBe(false); // 清明, a Monday
    expect(isWorkingDay(calendar, '2027-06-09')).toBe(false); // 端午, a Wednesday
    expect(isWorkingDay(calendar, '2027-09-15')).toBe(false); // 中秋, a Wednesday
    expect(addWorkingDays(calendar, '2027-09-30', 1)).toBe('2027-10-04');
    // 261 weekdays, 7 of the 13 days off on one of them.
    expect(workingDaysBetween(calendar, '2026-12-31', '2027-12-31')).toBe(254);
  });

  it('make every day a working day exactly when a weekday and not one of the law’s days off', () => {
    let checked = 0;
    for (let year = 2027; year <= 2036; year++) {
      const daysOff = new Set(statutoryDaysOff(year).map((day) => day.date));
      for (let day = toDayNumber(`${year}-01-01`); day < toDayNumber(`${year + 1}-01-01`); day++) {
        const date = fromDayNumber(day);
        const weekday = new Date(day * 86_400_000).getUTCDay() % 6 !== 0;
        if (isWorkingDay(calendar, date) !== (weekday && !daysOff.has(date)))
          expect(isWorkingDay(calendar, date), date).toBe(weekday && !daysOff.has(date));
        checked++;
      }
    }
    expect(checked).toBe(toDayNumber('2037-01-01') - toDayNumber('2027-01-01'));
  });
});

describe('a year without data: before the first notice or past the provisional horizon', () => {
  it('throws CalendarYearMissingError naming the year, in Chinese and English', () => {
    const error = (() => {
      try {
        isWorkingDay(calendar, '2037-01-05');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(CalendarYearMissingError);
    const missing = error as CalendarYearMissingError;
    expect(missing.year).toBe(2037);
    expect(missing.messageZh).toContain('2037 年');
    expect(missing.messageZh).toContain('data/calendar/');
    expect(missing.messageEn).toContain('add the State Council notice on 2037');
    expect(missing.message).toContain(missing.messageZh);
    expect(() => isWorkingDay(calendar, '2023-12-29')).toThrow(CalendarYearMissingError);
  });

  it('throws when a count steps into the missing year or starts in one', () => {
    expect(() => addWorkingDays(calendar, '2024-01-02', -2)).toThrow(CalendarYearMissingError);
    expect(() => addWorkingDays(calendar, '2023-12-01', 0)).toThrow(CalendarYearMissingError);
    expect(() => workingDaysBetween(calendar, '2023-12-01', '2024-01-05')).toThrow(CalendarYearMissingError);
    expect(() => addWorkingDays(calendar, '2036-12-31', 1)).toThrow(CalendarYearMissingError);
    expect(() => addWorkingDays(calendar, '2037-03-02', 0)).toThrow(CalendarYearMissingError);
    expect(() => workingDaysBetween(calendar, '2036-12-01', '2037-01-05')).toThrow(CalendarYearMissingError);
  });

  it('leaves a gap between notices missing: provisional years only follow the latest', () => {
    const gap = parseHolidayCsv(
      ['date,kind,holiday,notice', '2024-01-01,holiday,元旦,A', '2026-01-01,holiday,元旦,B'].join('\n'),
    );
    expect(() => isWorkingDay(gap, '2025-06-03')).toThrow(CalendarYearMissingError);
    expect(isWorkingDay(gap, '2027-06-09')).toBe(false);
  });

  it('works once the year is added as data (contract: a new year needs no code change)', () => {
    const synthetic2027 = parseHolidayCsv(
      [
        'date,kind,holiday,notice',
        '2027-01-01,holiday,元旦,SYNTHETIC-2027',
        '2027-02-06,workday,春节,SYNTHETIC-2027',
        '2027-02-08,holiday,春节,SYNTHETIC-2027',
      ].join('\n'),
      'synthetic-2027.csv',
    );
    const extended = mergeHolidayCalendars([calendar, synthetic2027]);
    expect(extended.provisionalYears.has(2027)).toBe(false);
    expect(isWorkingDay(extended, '2027-01-01')).toBe(false);
    expect(isWorkingDay(extended, '2027-02-06')).toBe(true);
    expect(addWorkingDays(extended, '2026-12-31', 1)).toBe('2027-01-04');
    expect(addWorkingDays(extended, '2027-02-05', 1)).toBe('2027-02-06');
    expect(addWorkingDays(extended, '2027-02-06', 1)).toBe('2027-02-09');
    expect(workingDaysBetween(extended, '2026-12-31', '2027-01-04')).toBe(1);
    // Without the notice, 2027 is provisional: 除夕 off, the Saturday not worked.
    expect(isWorkingDay(calendar, '2027-02-05')).toBe(false);
    expect(isWorkingDay(calendar, '2027-02-06')).toBe(false);
  });
});
