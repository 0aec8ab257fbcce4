import { isIsoDate, isWeekend, toDayNumber } from './calendar-date';
import { provisionalYearsAfter } from './provisional-years';

/**
 * The statutory holiday calendar (法定节假日安排), as published each year by the State Council General Office.
 * `holiday` rows are days off (放假), `workday` rows are weekend days worked instead (调休上班).
 */
export type HolidayKind = 'holiday' | 'workday';

export interface HolidayEntry {
  date: string;
  kind: HolidayKind;
  /** Festival name as the notice writes it, e.g. '国庆节' */
  festival: string;
  /** Notice number, e.g. '国办发明电〔2025〕7号' */
  notice: string;
  /** File and line the entry came from, for error messages */
  source: string;
  line: number;
}

/** A parsed calendar; treat it as immutable (derived indexes are cached per instance). */
export interface HolidayCalendar {
  holidays: ReadonlySet<string>;
  adjustedWorkdays: ReadonlySet<string>;
  /** Years a notice covers. */
  years: ReadonlySet<number>;
  /**
   * Years after the latest covered one answered by the law's days off alone (provisional-years.ts), until their
   * notice is added; dates in neither set cannot be answered.
   */
  provisionalYears: ReadonlySet<number>;
  entries: ReadonlyMap<string, HolidayEntry>;
}

export class HolidayCsvError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${source} line ${line}: ${detail}`);
    this.name = 'HolidayCsvError';
  }
}

const HEADER = 'date,kind,holiday,notice';

/** Parses the `date,kind,holiday,notice` CSV; every error names the source and line. */
export function parseHolidayCsv(text: string, source = 'holidays.csv'): HolidayCalendar {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (lines[0]?.trim() !== HEADER) throw new HolidayCsvError(source, 1, `header must be "${HEADER}"`);
  const entries: HolidayEntry[] = [];
  lines.forEach((rawLine, index) => {
    const row = rawLine.trim();
    if (index === 0 || row === '') return;
    entries.push(parseRow(row, source, index + 1));
  });
  return buildHolidayCalendar(entries);
}

function parseRow(text: string, source: string, line: number): HolidayEntry {
  const fields = text.split(',');
  if (fields.length !== 4)
    throw new HolidayCsvError(source, line, `expected 4 fields, found ${fields.length}`);
  const [date = '', kind = '', festival = '', notice = ''] = fields.map((field) => field.trim());
  if (!isIsoDate(date)) throw new HolidayCsvError(source, line, `"${date}" is not a YYYY-MM-DD date`);
  if (kind !== 'holiday' && kind !== 'workday') {
    throw new HolidayCsvError(source, line, `kind must be holiday or workday, found "${kind}"`);
  }
  // Only weekend days are ever moved to work; a weekday "workday" is a typo in the date.
  if (kind === 'workday' && !isWeekend(toDayNumber(date))) {
    throw new HolidayCsvError(source, line, `workday ${date} is not a Saturday or Sunday`);
  }
  if (festival === '' || notice === '')
    throw new HolidayCsvError(source, line, 'holiday and notice must not be empty');
  return { date, kind, festival, notice, source, line };
}

/** Combines calendars from several files; a date listed twice across them is an error. */
export function mergeHolidayCalendars(calendars: readonly HolidayCalendar[]): HolidayCalendar {
  return buildHolidayCalendar(calendars.flatMap((calendar) => [...calendar.entries.values()]));
}

function buildHolidayCalendar(list: readonly HolidayEntry[]): HolidayCalendar {
  const entries = new Map<string, HolidayEntry>();
  for (const entry of list) {
    const earlier = entries.get(entry.date);
    if (earlier) {
      const where = `${earlier.source} line ${earlier.line}`;
      throw new HolidayCsvError(entry.source, entry.line, `date ${entry.date} already listed at ${where}`);
    }
    entries.set(entry.date, entry);
  }
  const holidays = new Set(list.filter((entry) => entry.kind === 'holiday').map((entry) => entry.date));
  const adjustedWorkdays = new Set(
    list.filter((entry) => entry.kind === 'workday').map((entry) => entry.date),
  );
  const years = coveredYears(list);
  return { holidays, adjustedWorkdays, years, provisionalYears: provisionalYearsAfter(years), entries };
}

/**
 * A notice covers the year most of its rows fall in. Counting by notice rather than by row keeps a year from
 * looking covered just because the next year's notice moved a day in its last week (e.g. 元旦 from 12-30).
 */
function coveredYears(list: readonly HolidayEntry[]): Set<number> {
  const countsByNotice = new Map<string, Map<number, number>>();
  for (const { notice, date } of list) {
    const counts = countsByNotice.get(notice) ?? new Map<number, number>();
    const year = Number(date.slice(0, 4));
    counts.set(year, (counts.get(year) ?? 0) + 1);
    countsByNotice.set(notice, counts);
  }
  const years = new Set<number>();
  for (const counts of countsByNotice.values()) {
    const [mostRowsYear] = [...counts].reduce((best, next) => (next[1] > best[1] ? next : best));
    years.add(mostRowsYear);
  }
  return years;
}
