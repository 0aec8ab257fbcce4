import { fromDayNumber, isWeekend, toDayNumber, yearOf } from './calendar-date';
import type { HolidayCalendar } from './holidays';
import { statutoryDaysOff } from './statutory-days-off';

/**
 * 工作日 (working days) on the statutory calendar: Monday-Friday unless a notice gives the day off, plus the
 * weekend days a notice makes working days (调休上班). Statutory deadlines count these. In a provisional year (no
 * notice yet) the law's own days off stand in for the notice's.
 */

/** Thrown for a date whose year has no State Council notice in data/calendar/ and is not provisional. */
export class CalendarYearMissingError extends Error {
  readonly code = 'calendar_year_missing';
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(readonly year: number) {
    const messageZh = `缺少 ${year} 年的法定节假日安排：请将国务院办公厅关于${year}年部分节假日安排的通知按日加入 data/calendar/ 的 CSV。`;
    const messageEn = `No statutory holiday data for ${year}: add the State Council notice on ${year} public holidays to a CSV in data/calendar/, one row per adjusted day.`;
    super(`${messageEn} / ${messageZh}`);
    this.name = 'CalendarYearMissingError';
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }
}

interface YearIndex {
  firstDay: number;
  working: Uint8Array;
}

// One flag per day, built once per calendar and year, so long ranges cost an array read per day.
const indexes = new WeakMap<HolidayCalendar, Map<number, YearIndex>>();

const NO_DAYS: ReadonlySet<string> = new Set();

function yearIndex(calendar: HolidayCalendar, year: number): YearIndex {
  const provisional = calendar.provisionalYears.has(year);
  if (!calendar.years.has(year) && !provisional) throw new CalendarYearMissingError(year);
  const byYear = indexes.get(calendar) ?? new Map<number, YearIndex>();
  indexes.set(calendar, byYear);
  const known = byYear.get(year);
  if (known) return known;
  // Rows already in the data for a provisional year (a notice reaching past New Year) still apply on top.
  const lawDaysOff = provisional ? new Set(statutoryDaysOff(year).map((day) => day.date)) : NO_DAYS;
  const firstDay = toDayNumber(`${year}-01-01`);
  const working = new Uint8Array(toDayNumber(`${year + 1}-01-01`) - firstDay);
  for (let offset = 0; offset < working.length; offset++) {
    const date = fromDayNumber(firstDay + offset);
    const dayOff = calendar.holidays.has(date) || lawDaysOff.has(date);
    const normallyWorking = !isWeekend(firstDay + offset) && !dayOff;
    working[offset] = normallyWorking || calendar.adjustedWorkdays.has(date) ? 1 : 0;
  }
  const index = { firstDay, working };
  byYear.set(year, index);
  return index;
}

function isWorkingDayNumber(calendar: HolidayCalendar, day: number): boolean {
  const index = yearIndex(calendar, yearOf(day));
  return index.working[day - index.firstDay] === 1;
}

/** True for a working day; throws CalendarYearMissingError when the date's year is neither covered nor provisional. */
export function isWorkingDay(calendar: HolidayCalendar, date: string): boolean {
  return isWorkingDayNumber(calendar, toDayNumber(date));
}

/**
 * The n-th working day after `date`, not counting `date` itself (期间开始之日不计算在内):
 * `addWorkingDays(cal, '2026-09-30', 1) === '2026-10-08'`. n = 0 returns `date` unchanged, even on a holiday,
 * so that workingDaysBetween(a, addWorkingDays(a, n)) === n for every n >= 0. Negative n counts backwards:
 * the |n|-th working day before `date`. The start date's year must have data even when n = 0.
 */
export function addWorkingDays(calendar: HolidayCalendar, date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`working-day count must be an integer, got ${n}`);
  let day = toDayNumber(date);
  yearIndex(calendar, yearOf(day));
  const step = n < 0 ? -1 : 1;
  for (let remaining = Math.abs(n); remaining > 0; ) {
    day += step;
    if (isWorkingDayNumber(calendar, day)) remaining--;
  }
  return fromDayNumber(day);
}

/**
 * Number of working days d with from < d <= to (the start day does not count, the end day does).
 * Swapped arguments give the negative count. Inverse of addWorkingDays for n >= 0, and for n < 0 when `date`
 * is itself a working day.
 */
export function workingDaysBetween(calendar: HolidayCalendar, from: string, to: string): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  // 0 - x rather than -x: an empty backwards range must give 0, not -0.
  if (start > end) return 0 - workingDaysBetween(calendar, to, from);
  yearIndex(calendar, yearOf(start));
  let count = 0;
  for (let day = start + 1; day <= end; day++) {
    if (isWorkingDayNumber(calendar, day)) count++;
  }
  return count;
}
