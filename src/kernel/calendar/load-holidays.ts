import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HolidayCalendar } from './holidays';
import { mergeHolidayCalendars, parseHolidayCsv } from './holidays';

// This file lives in src/kernel/calendar/, so the project root is three levels up.
const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Every *.csv here is read: adding a year is a data change (a new file or new rows), never a code change. */
export const HOLIDAY_DATA_DIRECTORY = join(PROJECT_ROOT, 'data', 'calendar');

const cache = new Map<string, HolidayCalendar>();

/**
 * Loads and merges every holiday CSV in `directory` (default data/calendar/), once per directory.
 * Synchronous on purpose: it runs once at first use and keeps callers of isWorkingDay simple.
 */
export function loadHolidayCalendar(directory: string = HOLIDAY_DATA_DIRECTORY): HolidayCalendar {
  const cached = cache.get(directory);
  if (cached) return cached;
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.csv'))
    .sort();
  if (files.length === 0) throw new Error(`no holiday CSV files in ${directory}`);
  const calendar = mergeHolidayCalendars(
    files.map((name) => parseHolidayCsv(readFileSync(join(directory, name), 'utf8'), name)),
  );
  cache.set(directory, calendar);
  return calendar;
}

/** Forgets loaded calendars, for tests and for a long-running process after the data folder changed. */
export function clearHolidayCalendarCache(): void {
  cache.clear();
}
