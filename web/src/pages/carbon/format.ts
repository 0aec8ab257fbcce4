/** The calendar month in Asia/Shanghai, as the server counts periods: `2026-11`. */
export function currentShanghaiPeriod(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** A day in Quzhou's time zone, written the language's way: 2026年11月29日 / November 29, 2026. */
export function formatDay(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(
    new Date(iso),
  );
}

/** A figure with grouping and at most `digits` decimals: 1,344.79. */
export function formatNumber(value: number, language: string, digits = 6): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
}
