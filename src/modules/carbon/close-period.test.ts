import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closablePeriod } from './close-period';
import { shanghaiDay, shanghaiMonth } from './periods';

describe('closablePeriod', () => {
  const now = new Date('2026-04-01T00:00:00+08:00');

  it('accepts a month that has ended in Asia/Shanghai, with its first and last day', () => {
    expect(closablePeriod('2026-03', now)).toEqual({
      ok: true,
      value: { period: '2026-03', year: 2026, firstDay: '2026-03-01', lastDay: '2026-03-31', yearEnd: false },
    });
    expect(closablePeriod('2024-02', now)).toMatchObject({ ok: true, value: { lastDay: '2024-02-29' } });
    expect(closablePeriod('2025-12', now)).toMatchObject({ ok: true, value: { yearEnd: true } });
  });

  it('refuses the current and future months, in Shanghai time', () => {
    expect(closablePeriod('2026-04', now)).toEqual({
      ok: false,
      problem: { code: 'period_not_ended', period: '2026-04', current: '2026-04' },
    });
    expect(closablePeriod('2027-01', now)).toMatchObject({
      ok: false,
      problem: { code: 'period_not_ended' },
    });
    // 23:59 UTC on 31 March is already April in Shanghai.
    expect(closablePeriod('2026-03', new Date('2026-03-31T15:59:59Z'))).toMatchObject({ ok: false });
    expect(closablePeriod('2026-03', new Date('2026-03-31T16:00:00Z'))).toMatchObject({ ok: true });
  });

  it('refuses malformed periods', () => {
    for (const bad of ['2026-13', '2026-3', '26-03', '2026-00', '', '1900-01', '2026-03-01'])
      expect(closablePeriod(bad, now)).toMatchObject({ ok: false, problem: { code: 'period_format' } });
  });

  it('gives every ended month a last day inside the month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2025 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const period = `${y}-${String(m).padStart(2, '0')}`;
        const result = closablePeriod(period, now);
        if (!result.ok) return false;
        const last = new Date(`${result.value.lastDay}T00:00:00Z`);
        const next = new Date(last.getTime() + 86_400_000);
        return result.value.lastDay.startsWith(period) && !next.toISOString().startsWith(period);
      }),
    );
  });

  it('converts instants to the Shanghai day and month', () => {
    expect(shanghaiDay(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01');
    expect(shanghaiMonth(new Date('2026-03-31T15:00:00Z'))).toBe('2026-03');
  });
});
