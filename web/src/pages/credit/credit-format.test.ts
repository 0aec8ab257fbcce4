import { describe, expect, it } from 'vitest';
import { formatDate, formatThroughDay, isConsentDayAllowed, shanghaiToday } from './credit-format';

describe('credit dates', () => {
  it('writes a calendar day as that day whatever the zone', () => {
    expect(formatDate('2026-11-24', 'zh-CN')).toBe('2026年11月24日');
    expect(formatDate('2026-11-24', 'en')).toBe('Nov 24, 2026');
    expect(formatDate('not a day', 'en')).toBe('not a day');
  });

  it('shows a consent ending at midnight in Quzhou as valid through the day before', () => {
    // The server stores "through 2027-06-30" as 2027-07-01 00:00+08:00.
    expect(formatThroughDay('2027-06-30T16:00:00.000Z', 'zh-CN')).toBe('2027年6月30日');
  });

  it('allows consents from today until the day before the same date next year', () => {
    expect(isConsentDayAllowed('2026-12-04', '2026-12-04')).toBe(true);
    expect(isConsentDayAllowed('2027-12-03', '2026-12-04')).toBe(true);
    expect(isConsentDayAllowed('2027-12-04', '2026-12-04')).toBe(false);
    expect(isConsentDayAllowed('2026-12-03', '2026-12-04')).toBe(false);
  });

  it('counts days in China Standard Time', () => {
    expect(shanghaiToday(new Date('2026-12-03T16:00:00Z'))).toBe('2026-12-04');
    expect(shanghaiToday(new Date('2026-12-03T15:59:59Z'))).toBe('2026-12-03');
  });
});
