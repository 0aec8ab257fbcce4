import { Lunar, LunarMonth } from 'lunar-typescript';
import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from './calendar-date';
import { loadHolidayCalendar } from './load-holidays';
import { statutoryDaysOff } from './statutory-days-off';

const calendar = loadHolidayCalendar();
const datesOf = (year: number, festival: string) =>
  statutoryDaysOff(year)
    .filter((day) => day.festival === festival)
    .map((day) => day.date);

describe('statutoryDaysOff (国务院令第795号, article 2)', () => {
  it('gives the 13 days of 2027', () => {
    expect(statutoryDaysOff(2027)).toEqual(
      [
        ['2027-01-01', '元旦'],
        ['2027-02-05', '春节'], // 除夕: 腊月廿九, lunar month 12 of 2026 has 29 days
        ['2027-02-06', '春节'],
        ['2027-02-07', '春节'],
        ['2027-02-08', '春节'],
        ['2027-04-05', '清明节'],
        ['2027-05-01', '劳动节'],
        ['2027-05-02', '劳动节'],
        ['2027-06-09', '端午节'],
        ['2027-09-15', '中秋节'],
        ['2027-10-01', '国庆节'],
        ['2027-10-02', '国庆节'],
        ['2027-10-03', '国庆节'],
      ].map(([date, festival]) => ({ date, festival })),
    );
  });

  // The check of the library and of the rule against published data: every day the law fixes is a day off in
  // the State Council notices for the first two years under the amended law.
  it.each([2025, 2026])('finds every %i day off in that year’s notice', (year) => {
    const days = statutoryDaysOff(year);
    expect(days).toHaveLength(13);
    for (const { date, festival } of days) {
      expect(calendar.entries.get(date), `${date} ${festival}`).toMatchObject({ kind: 'holiday' });
    }
  });

  it('under the old law (2024), finds all but 除夕 in the notice: 795号 added 除夕 and 5月2日', () => {
    const missing = statutoryDaysOff(2024).filter(
      ({ date }) => calendar.entries.get(date)?.kind !== 'holiday',
    );
    expect(missing).toEqual([{ date: '2024-02-09', festival: '春节' }]);
  });

  it('puts 除夕 on the 29th or 30th of lunar month 12 and 清明 on 4-6 April, every year to 2100', () => {
    for (let year = 2024; year <= 2100; year++) {
      const [eve, ...rest] = datesOf(year, '春节');
      expect(rest).toEqual([1, 2, 3].map((offset) => addDays(eve as string, offset)));
      // The last month of the previous lunar year is 腊月, or a leap 腊月 after it (negative in the library).
      const lastMonth = LunarMonth.fromYm(year - 1, -12) ?? LunarMonth.fromYm(year - 1, 12);
      const lastDay = lastMonth?.getDayCount() ?? 0;
      expect([29, 30]).toContain(lastDay);
      expect(
        Lunar.fromYmd(year - 1, lastMonth?.getMonth() ?? 12, lastDay)
          .getSolar()
          .toYmd(),
      ).toBe(eve);
      // 正月初一 falls between 21 January and 20 February.
      const firstDay = toDayNumber(rest[0] as string) - toDayNumber(`${year}-01-01`) + 1;
      expect(firstDay, `${year} 初一`).toBeGreaterThanOrEqual(21);
      expect(firstDay, `${year} 初一`).toBeLessThanOrEqual(51);
      expect(datesOf(year, '清明节')[0]).toMatch(new RegExp(`^${year}-04-0[4-6]$`));
      // 端午 (五月初五) to 中秋 (八月十五): three lunar months of 29-30 days and ten days, or four with a leap month.
      const [dragonBoat] = datesOf(year, '端午节');
      const [midAutumn] = datesOf(year, '中秋节');
      const gap = toDayNumber(midAutumn as string) - toDayNumber(dragonBoat as string);
      expect((gap >= 97 && gap <= 100) || (gap >= 126 && gap <= 130), `${year}: ${gap} days`).toBe(true);
    }
  });

  it('returns the same answer on every call (computed once per year)', () => {
    expect(statutoryDaysOff(2031)).toBe(statutoryDaysOff(2031));
  });
});
