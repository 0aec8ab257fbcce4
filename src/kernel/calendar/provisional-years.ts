import { toDayNumber, yearOf } from './calendar-date';
import type { HolidayCalendar } from './holidays';

/**
 * 暂定日历 — the provisional calendar: for the years after the latest one a State Council notice covers, working days
 * are counted with the law's own days off (statutory-days-off.ts) and no 调休, so deadlines keep working while the
 * next notice is awaited. Ten years reach past any statutory deadline with its pauses, yet stay short enough that a
 * change of the law is noticed before the rule runs out; further years still throw CalendarYearMissingError.
 */
export const PROVISIONAL_HORIZON_YEARS = 10;

/** The provisional years for a set of covered years: the next PROVISIONAL_HORIZON_YEARS after the latest. */
export function provisionalYearsAfter(coveredYears: ReadonlySet<number>): Set<number> {
  if (coveredYears.size === 0) return new Set();
  const latest = Math.max(...coveredYears);
  return new Set(Array.from({ length: PROVISIONAL_HORIZON_YEARS }, (_, offset) => latest + 1 + offset));
}

/** True when `date` lies in a provisional year: an answer about it may change once the notice is added. */
export function isProvisional(calendar: HolidayCalendar, date: string): boolean {
  return calendar.provisionalYears.has(yearOf(toDayNumber(date)));
}

/**
 * The provisional years a span touches, ascending (either order of `from` and `to`); empty when the span rests on
 * notices only. Use it to flag a deadline: `provisionalYearsIn(cal, acceptedOn, dueOn).length > 0`.
 */
export function provisionalYearsIn(calendar: HolidayCalendar, from: string, to: string): number[] {
  const [first, last] = [yearOf(toDayNumber(from)), yearOf(toDayNumber(to))].sort((a, b) => a - b) as [
    number,
    number,
  ];
  return [...calendar.provisionalYears].filter((year) => year >= first && year <= last).sort((a, b) => a - b);
}

/**
 * The line to log at start-up while provisional years are in use, or null when none are.
 * @example provisionalCalendarWarning(cal) // '2027-2036 use the provisional statutory calendar (…) until …'
 */
export function provisionalCalendarWarning(calendar: HolidayCalendar): string | null {
  const years = [...calendar.provisionalYears].sort((a, b) => a - b);
  if (years.length === 0) return null;
  const span = years.length === 1 ? `${years[0]}` : `${years[0]}-${years[years.length - 1]}`;
  return (
    `${span} use the provisional statutory calendar (国务院令第795号 days only, no 调休) ` +
    `until the State Council notice for ${years[0]} is added to data/calendar/`
  );
}
