import { I18n, Lunar } from 'lunar-typescript';
import { addDays } from './calendar-date';

/**
 * The days off the law itself fixes, before any yearly notice: 《全国年节及纪念日放假办法》 as amended by
 * 国务院令第795号 (2024-11-10, in force 2025-01-01), article 2 — 13 days a year. The yearly State Council notice
 * adds bridging days and the weekend days worked instead (调休); those cannot be derived, so they are absent here.
 */
export interface StatutoryDayOff {
  date: string;
  /** Festival name as the law writes it, e.g. '春节' */
  festival: string;
}

/** Lunar dates and solar terms come from lunar-typescript (the 寿星万年历 algorithm), not a table of our own. */
const solarDateOf = (lunarYear: number, lunarMonth: number, lunarDay: number): string =>
  Lunar.fromYmd(lunarYear, lunarMonth, lunarDay).getSolar().toYmd();

const run = (festival: string, first: string, days: number): StatutoryDayOff[] =>
  Array.from({ length: days }, (_, offset) => ({ date: addDays(first, offset), festival }));

/** The 清明 solar-term day (Beijing time) of a Gregorian year; it always falls in that lunar year's table. */
function qingMingOf(year: number): string {
  // The table's keys follow the library's display language, so ask it for the name rather than hard-code '清明'.
  const solar = Lunar.fromYmd(year, 1, 1).getJieQiTable()[I18n.getMessage('jq.qingMing')];
  if (!solar) throw new Error(`lunar-typescript gave no 清明 for ${year}`);
  return solar.toYmd();
}

function compute(year: number): StatutoryDayOff[] {
  // 除夕 is the last day of lunar month 12 (the 29th or 30th): the day before 正月初一.
  const springFestivalEve = addDays(solarDateOf(year, 1, 1), -1);
  return [
    ...run('元旦', `${year}-01-01`, 1),
    ...run('春节', springFestivalEve, 4),
    ...run('清明节', qingMingOf(year), 1),
    ...run('劳动节', `${year}-05-01`, 2),
    ...run('端午节', solarDateOf(year, 5, 5), 1),
    ...run('中秋节', solarDateOf(year, 8, 15), 1),
    ...run('国庆节', `${year}-10-01`, 3),
  ];
}

const cache = new Map<number, readonly StatutoryDayOff[]>();

/**
 * The statutory days off of a Gregorian year, in the law's order (a day can appear twice when two festivals meet,
 * e.g. 中秋 on 10-03 in 2028).
 * @example statutoryDaysOff(2027).find((day) => day.festival === '端午节') // { date: '2027-06-09', … }
 */
export function statutoryDaysOff(year: number): readonly StatutoryDayOff[] {
  const known = cache.get(year);
  if (known) return known;
  const days = compute(year);
  cache.set(year, days);
  return days;
}
