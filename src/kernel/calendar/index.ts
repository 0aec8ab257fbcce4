/** Calendar kernel: the statutory holiday calendar and working-day arithmetic for deadlines. */
export {
  addDays,
  addMonthsToDate,
  fromDayNumber,
  isIsoDate,
  shanghaiDate,
  toDayNumber,
  weekdayOf,
} from './calendar-date';
export type { HolidayCalendar, HolidayEntry, HolidayKind } from './holidays';
export { HolidayCsvError, mergeHolidayCalendars, parseHolidayCsv } from './holidays';
export { clearHolidayCalendarCache, HOLIDAY_DATA_DIRECTORY, loadHolidayCalendar } from './load-holidays';
export { addWorkingDays, CalendarYearMissingError, isWorkingDay, workingDaysBetween } from './working-days';
