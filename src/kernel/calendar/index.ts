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
export {
  isProvisional,
  PROVISIONAL_HORIZON_YEARS,
  provisionalCalendarWarning,
  provisionalYearsIn,
} from './provisional-years';
export { type StatutoryDayOff, statutoryDaysOff } from './statutory-days-off';
export { addWorkingDays, CalendarYearMissingError, isWorkingDay, workingDaysBetween } from './working-days';
