/** Today plus `days` in Quzhou (China Standard Time, UTC+8), as YYYY-MM-DD: the day the server counts in. */
export function shanghaiDay(days = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The month before the current one in Quzhou, as YYYY-MM: always a period the server accepts. */
export function previousPeriod(): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}
