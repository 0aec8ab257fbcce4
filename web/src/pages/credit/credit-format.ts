/** A YYYY-MM-DD day the language's way (2026年11月24日 / Nov 24, 2026); the string is a calendar day, no zone. */
export function formatDate(day: string, language: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** An instant as the day it was in Quzhou. */
export function formatInstantDay(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(
    new Date(iso),
  );
}

/** An instant in Quzhou's time, to the minute. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
}

/** Score points with a sign and at most one decimal: +16, −19.9. */
export function formatPoints(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(
    value,
  );
}

/** Today in Quzhou as YYYY-MM-DD, as the server counts days. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The last day a consent holds: it ends at the next midnight in Quzhou, so one millisecond before is that day. */
export function formatThroughDay(expiresAt: string, language: string): string {
  return formatInstantDay(new Date(Date.parse(expiresAt) - 1).toISOString(), language);
}

/**
 * Whether a consent may run through `day` (YYYY-MM-DD): from today until the day before the same date next year,
 * because the server allows one year from the grant and a date means "through that day".
 */
export function isConsentDayAllowed(day: string, today: string = shanghaiToday()): boolean {
  const sameDayNextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  return day >= today && day < sameDayNextYear;
}
