/**
 * Periods (核算期) as the carbon module counts them: calendar months 'YYYY-MM' and days 'YYYY-MM-DD' in
 * Asia/Shanghai, and month arithmetic. One place, so every part of the module agrees on where a month ends.
 */
import { shanghaiDate } from '../../kernel/calendar';

/** A period 'YYYY-MM' as a JSON-schema pattern. */
export const PERIOD_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$';

/** The Asia/Shanghai calendar day of an instant, 'YYYY-MM-DD': the kernel calendar's date. */
export const shanghaiDay = shanghaiDate;

/** The Asia/Shanghai calendar month of an instant, 'YYYY-MM'. */
export const shanghaiMonth = (at: Date): string => shanghaiDate(at).slice(0, 7);

/** The period `months` after (or before, when negative) `period`. @example addMonths('2026-01', -1) // '2025-12' */
export function addMonths(period: string, months: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to` inclusive (empty when `from` is after `to`). */
export function periodsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = from; p <= to; p = addMonths(p, 1)) out.push(p);
  return out;
}
