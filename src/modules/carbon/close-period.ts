import { PERIOD_PATTERN, shanghaiMonth } from './periods';

export interface ClosablePeriod {
  period: string;
  year: number;
  /** First and last Asia/Shanghai day of the month, 'YYYY-MM-DD'. */
  firstDay: string;
  lastDay: string;
  /** December: the farm year is complete. */
  yearEnd: boolean;
}

export type PeriodProblem =
  | { code: 'period_format'; period: string }
  | { code: 'period_not_ended'; period: string; current: string };

/**
 * Whether `period` can be closed at `now`: only a month that has ended in Asia/Shanghai. The current month is
 * refused as well as future ones, because events of its remaining days would change its figures after the close.
 * @example closablePeriod('2026-03', new Date('2026-04-01T00:00:00+08:00')) // ok, lastDay '2026-03-31'
 */
export function closablePeriod(
  period: string,
  now: Date,
): { ok: true; value: ClosablePeriod } | { ok: false; problem: PeriodProblem } {
  if (!new RegExp(PERIOD_PATTERN).test(period) || Number(period.slice(0, 4)) < 1990)
    return { ok: false, problem: { code: 'period_format', period } };
  const current = shanghaiMonth(now);
  if (period >= current) return { ok: false, problem: { code: 'period_not_ended', period, current } };
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return {
    ok: true,
    value: {
      period,
      year,
      firstDay: `${period}-01`,
      lastDay: `${period}-${String(days).padStart(2, '0')}`,
      yearEnd: month === 12,
    },
  };
}
