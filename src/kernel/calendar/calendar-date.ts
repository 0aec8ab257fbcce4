/**
 * Calendar dates are plain 'YYYY-MM-DD' strings (dates in Asia/Shanghai). Arithmetic happens on day numbers,
 * days since 1970-01-01 computed with Date.UTC, so no time zone or daylight-saving rule can shift a day.
 */
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a 'YYYY-MM-DD' date; throws a RangeError for anything that is not a real date. */
export function toDayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: "${date}"`);
  const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
  // Date.UTC rolls 02-30 over into March; the round trip catches it.
  if (fromDayNumber(day) !== date) throw new RangeError(`not a real calendar date: "${date}"`);
  return day;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
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
  return new Date(day * DAY_MS).getUTCFullYear();
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
  const lastDay = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(Math.floor(index / 12), index % 12, Math.min(day, lastDay)) / DAY_MS);
}
