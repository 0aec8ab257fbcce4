import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsToDate,
  fromDayNumber,
  isIsoDate,
  shanghaiDate,
  toDayNumber,
  weekdayOf,
} from './calendar-date';

const dayArb = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2199-12-31') });
const dateArb = dayArb.map(fromDayNumber);
const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

describe('toDayNumber, fromDayNumber and isIsoDate', () => {
  it('count days from 1970-01-01 and back', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2026-12-04')).toBe(20_791);
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    expect(weekdayOf(toDayNumber('2026-12-04'))).toBe(5); // a Friday
  });

  it.each([
    '2026-02-29',
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-1-01',
    '20261201',
    '',
  ])('refuses %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
    expect(() => toDayNumber(value)).toThrow(RangeError);
  });

  it('accepts 29 February only in leap years', () => {
    expect(['2024-02-29', '2000-02-29'].every(isIsoDate)).toBe(true);
    expect(['2100-02-29', '1900-02-29'].some(isIsoDate)).toBe(false);
  });

  it('round-trips every day', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        expect(toDayNumber(fromDayNumber(day))).toBe(day);
      }),
    );
  });
});

describe('addDays', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-12-04', 0, '2026-12-04'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2028-01-01', 366, '2029-01-01'],
  ])('%s %+d days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('moves by exactly n days and undoes itself', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        const moved = addDays(date, n);
        expect(toDayNumber(moved) - toDayNumber(date)).toBe(n);
        expect(addDays(moved, -n)).toBe(date);
      }),
    );
  });

  it('throws on a date that does not exist', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('addMonthsToDate', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-31', -2, '2025-11-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-12-04', 0, '2026-12-04'],
    ['2026-12-04', 36, '2029-12-04'],
    ['2026-12-04', -12, '2025-12-04'],
    ['2026-12-04', 120, '2036-12-04'],
    ['2000-01-01', -1, '1999-12-01'],
  ])('%s %+d months = %s', (date, months, expected) => {
    expect(addMonthsToDate(date, months)).toBe(expected);
  });

  it('throws on a date that does not exist', () => {
    expect(() => addMonthsToDate('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addMonthsToDate('2026/01/01', 1)).toThrow(RangeError);
  });

  const monthsArb = fc.integer({ min: -240, max: 240 });

  it('lands on a real date, in the month n months on, on the same day or that month’s last', () => {
    fc.assert(
      fc.property(dateArb, monthsArb, (date, months) => {
        const result = addMonthsToDate(date, months);
        expect(isIsoDate(result)).toBe(true);
        const [year, month, day] = parts(date);
        const [y, m, d] = parts(result);
        expect(y * 12 + m - (year * 12 + month)).toBe(months);
        expect(d).toBe(Math.min(day, daysInMonth(y, m)));
        if (day <= 28) expect(d).toBe(day);
      }),
    );
  });

  it('is undone by the opposite months for days up to the 28th, and never moves backwards as months grow', () => {
    fc.assert(
      fc.property(dateArb, monthsArb, monthsArb, (date, a, b) => {
        if (parts(date)[2] <= 28) expect(addMonthsToDate(addMonthsToDate(date, a), -a)).toBe(date);
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(addMonthsToDate(date, low) <= addMonthsToDate(date, high)).toBe(true);
      }),
    );
  });

  it('gives 12 months as the same date a year on, except 29 February', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const [year, month, day] = parts(date);
        const expected = month === 2 && day === 29 ? `${year + 1}-02-28` : `${year + 1}${date.slice(4)}`;
        expect(addMonthsToDate(date, 12)).toBe(expected);
      }),
    );
  });
});

describe('shanghaiDate', () => {
  it.each([
    ['2026-12-03T15:59:59.999Z', '2026-12-03'],
    ['2026-12-03T16:00:00.000Z', '2026-12-04'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01'],
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
    ['2026-12-04T00:00:00.000Z', '2026-12-04'],
    ['2026-12-04T12:00:00+08:00', '2026-12-04'],
  ])('%s is %s in Shanghai', (at, expected) => {
    expect(shanghaiDate(new Date(at))).toBe(expected);
  });

  it('is the UTC date before 16:00 UTC and the next day from 16:00', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 86_399_999 }), (day, ms) => {
        const at = new Date(day * 86_400_000 + ms);
        expect(shanghaiDate(at)).toBe(fromDayNumber(ms < 16 * 3_600_000 ? day : day + 1));
      }),
    );
  });
});
