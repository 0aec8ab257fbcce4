import { currentShanghaiPeriod } from '../format';

/** The month `n` months before `period` ('2026-01' minus 1 is '2025-12'). */
export function shiftPeriod(period: string, n: number): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last twelve complete months in Quzhou's time: what the account page and the bank report show. */
export function lastTwelveMonths(now: Date = new Date()): { from: string; to: string } {
  const to = shiftPeriod(currentShanghaiPeriod(now), 1);
  return { from: shiftPeriod(to, 11), to };
}
