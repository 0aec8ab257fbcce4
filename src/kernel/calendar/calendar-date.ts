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
