import { civilFromDays, daysFromCivil, daysInMonth } from './civil-days';

/**
 * Calendar dates are plain 'YYYY-MM-DD' strings (dates in Asia/Shanghai). Arithmetic happens on day numbers,
 * days since 1970-01-01 in the proleptic Gregorian calendar, so no time zone or daylight-saving rule can shift a
 * day. Conversions are integer arithmetic (civil-days.ts); inputs outside years 100-9999 take the Date path they
 * always took, so every input gives the same answer or error as it did when all of this went through Date.
 */
const DAY_MS = 86_400_000;
/** Day numbers of 0000-01-01 and 9999-12-31: the four-digit years Date's ISO strings write as 'YYYY-MM-DD'. */
const FIRST_FOUR_DIGIT_DAY = -719_528;
const LAST_FOUR_DIGIT_DAY = 2_932_896;
/** Date.UTC reads years 0-99 as 1900-1999, so such dates never round-tripped: they stay refused. */
const FIRST_YEAR = 100;
const ZERO = 48;
const HYPHEN = 45;

/** The value of the two or four ASCII digits at `start`, or -1 if any of them is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Day number of a 'YYYY-MM-DD' date; throws a RangeError for anything that is not a real date. */
export function toDayNumber(date: string): number {
  const year = date.length === 10 ? digitsAt(date, 0, 4) : -1;
  const month = digitsAt(date, 5, 2);
  const day = digitsAt(date, 8, 2);
  if (year < 0 || month < 0 || day < 0 || date.charCodeAt(4) !== HYPHEN || date.charCodeAt(7) !== HYPHEN)
    throw new RangeError(`not a YYYY-MM-DD date: "${date}"`);
  if (year < FIRST_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    throw new RangeError(`not a real calendar date: "${date}"`);
  return daysFromCivil(year, month, day);
}

const twoDigits = (value: number) => (value < 10 ? `0${value}` : `${value}`);

export function fromDayNumber(day: number): string {
  if (!Number.isInteger(day) || day < FIRST_FOUR_DIGIT_DAY || day > LAST_FOUR_DIGIT_DAY)
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  const [year, month, dayOfMonth] = civilFromDays(day);
  return `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(dayOfMonth)}`;
}

export function isIsoDate(value: string): boolean {
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function yearOf(day: number): number {
  if (!Number.isInteger(day) || day < FIRST_FOUR_DIGIT_DAY || day > LAST_FOUR_DIGIT_DAY)
    return new Date(day * DAY_MS).getUTCFullYear();
  return civilFromDays(day)[0];
}

export const isWeekend = (day: number): boolean => {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
};

/** The calendar date in Asia/Shanghai at `at` (UTC+8, no daylight saving since 1991). */
export const shanghaiDate = (at: Date): string =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** `days` after (or before, if negative) a 'YYYY-MM-DD' date. */
export const addDays = (date: string, days: number): string => fromDayNumber(toDayNumber(date) + days);

/**
 * `months` after a 'YYYY-MM-DD' date, on the same day of the month or the month's last day when it is shorter
 * (2026-01-31 + 1 month = 2026-02-28), as validity periods are counted.
 */
export function addMonthsToDate(date: string, months: number): string {
  toDayNumber(date);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  if (!Number.isInteger(index) || targetYear < FIRST_YEAR || targetYear > 9999)
    return addMonthsByDate(day, index);
  const targetMonth = (index % 12) + 1;
  return fromDayNumber(
    daysFromCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth))),
  );
}

/** addMonthsToDate as Date computes it, for the years the integer path leaves alone. */
function addMonthsByDate(day: number, index: number): string {
  const lastDay = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(Math.floor(index / 12), index % 12, Math.min(day, lastDay)) / DAY_MS);
}
