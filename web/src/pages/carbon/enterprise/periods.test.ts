import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastTwelveMonths, shiftPeriod } from './periods';

describe('periods', () => {
  it('shifts across year ends', () => {
    expect(shiftPeriod('2026-01', 1)).toBe('2025-12');
    expect(shiftPeriod('2026-11', 11)).toBe('2025-12');
    expect(shiftPeriod('2025-12', -1)).toBe('2026-01');
  });

  it('shifting back and forth returns the same month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -240, max: 240 }),
        (y, m, n) => {
          const period = `${y}-${String(m).padStart(2, '0')}`;
          expect(shiftPeriod(shiftPeriod(period, n), -n)).toBe(period);
        },
      ),
    );
  });

  it('the last twelve months end with the previous month in Asia/Shanghai', () => {
    // 2026-11-30T17:00Z is already 1 December in Quzhou.
    expect(lastTwelveMonths(new Date('2026-11-30T17:00:00Z'))).toEqual({ from: '2025-12', to: '2026-11' });
    expect(lastTwelveMonths(new Date('2026-11-29T09:00:00Z'))).toEqual({ from: '2025-11', to: '2026-10' });
  });
});
