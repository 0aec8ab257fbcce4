import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonthsToDate, fromDayNumber, isIsoDate, toDayNumber, yearOf } from './calendar-date';
import { civilFromDays, daysFromCivil, daysInMonth } from './civil-days';

/** The Date-based conversions the integer ones replaced, verbatim: the reference they must agree with. */
const DAY_MS = 86_400_000;
const reference = {
  toDayNumber(date: string): number {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!match) throw new RangeError(`not a YYYY-MM-DD date: "${date}"`);
    const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
    if (reference.fromDayNumber(day) !== date) throw new RangeError(`not a real calendar date: "${date}"`);
    return day;
  },
  fromDayNumber: (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10),
  yearOf: (day: number): number => new Date(day * DAY_MS).getUTCFullYear(),
  addMonthsToDate(date: string, months: number): string {
    reference.toDayNumber(date);
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const index = year * 12 + (month - 1) + months;
    const lastDay = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
    return reference.fromDayNumber(
      Date.UTC(Math.floor(index / 12), index % 12, Math.min(day, lastDay)) / DAY_MS,
    );
  },
};

/** The value, or the error's class and message: the two implementations must agree on both. */
function outcome<T>(run: () => T): { value: T } | { error: string } {
  try {
    return { value: run() };
  } catch (error) {
    return { error: `${(error as Error).constructor.name}: ${(error as Error).message}` };
  }
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');
/** Days from year -2000 to 12000: every four-digit year and the Date fallback either side. */
const wideDayArb = fc.integer({ min: -1_450_000, max: 3_700_000 });
/** Strings shaped like dates, real or not: any four-digit year, months 0-19, days 0-39. */
const dateLikeArb = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const stringArb = fc.oneof(
  dateLikeArb,
  wideDayArb.map(reference.fromDayNumber),
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[0-9+\- ]{8,11}$/),
);

describe('civil day numbers', () => {
  it('agree with Date.UTC on every day from year -2000 to 12000', () => {
    fc.assert(
      fc.property(wideDayArb, (day) => {
        const date = new Date(day * DAY_MS);
        expect(civilFromDays(day)).toEqual([
          date.getUTCFullYear(),
          date.getUTCMonth() + 1,
          date.getUTCDate(),
        ]);
        expect(daysFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(day);
        // setUTCFullYear, unlike Date.UTC, takes years 0-99 as they are.
        const lastOfMonth = new Date(0);
        lastOfMonth.setUTCFullYear(date.getUTCFullYear(), date.getUTCMonth() + 1, 0);
        expect(daysInMonth(date.getUTCFullYear(), date.getUTCMonth() + 1)).toBe(lastOfMonth.getUTCDate());
      }),
      { numRuns: 20_000 },
    );
  });

  it('walk 1900-2200 day by day: the next day, the first of the next month, or New Year', () => {
    let [year, month, day] = civilFromDays(daysFromCivil(1900, 1, 1) - 1);
    expect([year, month, day]).toEqual([1899, 12, 31]);
    for (let number = daysFromCivil(1900, 1, 1); number <= daysFromCivil(2200, 12, 31); number++) {
      const expected =
        day < daysInMonth(year, month)
          ? [year, month, day + 1]
          : month < 12
            ? [year, month + 1, 1]
            : [year + 1, 1, 1];
      [year, month, day] = civilFromDays(number);
      if (year !== expected[0] || month !== expected[1] || day !== expected[2])
        expect([year, month, day]).toEqual(expected);
    }
  });
});

describe('the integer calendar gives what the Date-based one gave', () => {
  it('toDayNumber and isIsoDate, for date-like and arbitrary strings', () => {
    fc.assert(
      fc.property(stringArb, (text) => {
        expect(outcome(() => toDayNumber(text))).toEqual(outcome(() => reference.toDayNumber(text)));
        expect(isIsoDate(text)).toBe('value' in outcome(() => reference.toDayNumber(text)));
      }),
      { numRuns: 50_000 },
    );
  });

  it('fromDayNumber and yearOf, for whole, fractional and out-of-range day numbers', () => {
    const dayArb = fc.oneof(
      wideDayArb,
      fc.double({ min: -3_000_000, max: 3_000_000, noNaN: true }),
      fc.integer({ min: -200_000_000, max: 200_000_000 }),
      fc.constantFrom(-719_529, -719_528, 2_932_896, 2_932_897, -0, 0.5, -0.5, -1e-12, Number.NaN, Infinity),
    );
    fc.assert(
      fc.property(dayArb, (day) => {
        expect(outcome(() => fromDayNumber(day))).toEqual(outcome(() => reference.fromDayNumber(day)));
        expect(outcome(() => yearOf(day))).toEqual(outcome(() => reference.yearOf(day)));
      }),
      { numRuns: 50_000 },
    );
  });

  it('addDays and addMonthsToDate', () => {
    fc.assert(
      fc.property(
        fc.oneof(dateLikeArb, wideDayArb.map(reference.fromDayNumber)),
        fc.integer({ min: -120_000, max: 120_000 }),
        fc.oneof(fc.integer({ min: -2_400, max: 2_400 }), fc.integer({ min: -130_000, max: 130_000 })),
        (date, days, months) => {
          expect(outcome(() => addDays(date, days))).toEqual(
            outcome(() => reference.fromDayNumber(reference.toDayNumber(date) + days)),
          );
          expect(outcome(() => addMonthsToDate(date, months))).toEqual(
            outcome(() => reference.addMonthsToDate(date, months)),
          );
        },
      ),
      { numRuns: 50_000 },
    );
  });

  it('on every day from 1900 to 2200 and every month step of a century', () => {
    for (let day = reference.toDayNumber('1900-01-01'); day <= reference.toDayNumber('2200-12-31'); day++) {
      const date = reference.fromDayNumber(day);
      expect(fromDayNumber(day)).toBe(date);
      if (toDayNumber(date) !== day) expect(toDayNumber(date)).toBe(day);
    }
    for (const date of ['2024-01-31', '2024-02-29', '2026-12-31', '1999-03-30'])
      for (let months = -1200; months <= 1200; months++)
        if (addMonthsToDate(date, months) !== reference.addMonthsToDate(date, months))
          expect(addMonthsToDate(date, months)).toBe(reference.addMonthsToDate(date, months));
  });
});
