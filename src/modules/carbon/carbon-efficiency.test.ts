import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARBON_LEVELS, carbonGrade, carbonLevel, GRADE_BOUNDS, industryAverage } from './carbon-efficiency';

const nudge = 1e-9;

describe('carbonLevel (DB33/T 1347-2023)', () => {
  it.each([
    [-1, '低碳'],
    [0, '低碳'],
    [0.6 - nudge, '低碳'],
    [0.6, '低碳'],
    [0.6 + nudge, '中碳'],
    [1, '中碳'],
    [2.0, '中碳'],
    [2.0 + nudge, '高碳'],
    [50, '高碳'],
    [Number.POSITIVE_INFINITY, '高碳'],
  ])('L = %d is %s', (intensity, level) => {
    expect(carbonLevel(intensity)).toBe(level);
  });

  it('refuses NaN rather than guessing', () => {
    expect(() => carbonLevel(Number.NaN)).toThrow(RangeError);
  });

  it('never improves as L grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (l, d) => {
          expect(CARBON_LEVELS.indexOf(carbonLevel(l + d))).toBeGreaterThanOrEqual(
            CARBON_LEVELS.indexOf(carbonLevel(l)),
          );
        },
      ),
    );
  });
});

describe('carbonGrade', () => {
  it.each([
    [0, 1],
    [0.6, 1],
    [0.6001, 2],
    [0.8, 2],
    [0.8001, 3],
    [1.2, 3],
    [1.2001, 4],
    [2.0, 4],
    [2.0001, 5],
    [9, 5],
  ])('K = %d is grade %d at every threshold', (k, grade) => {
    expect(carbonGrade(k, 1)).toEqual({ grade, ratio: k });
    // The same K reached through a different average gives the same grade.
    expect(carbonGrade(k * 2.5, 2.5).grade).toBe(grade);
  });

  it.each([
    [1.23, 2.05, 1, 0.6],
    [0.28, 0.35, 2, 0.8],
    [2.46, 2.05, 3, 1.2],
  ])('grades the K it shows: %d / %d is K = %d exactly, despite floating point', (l, average, grade, k) => {
    expect(l / average).toBeGreaterThan(k); // 0.6000000000000001 and the like
    expect(carbonGrade(l, average)).toEqual({ grade, ratio: k });
  });

  it('has no grade without a usable industry average, and says why', () => {
    expect(carbonGrade(1, null)).toEqual({ grade: null, ratio: null, reason: 'no_industry_average' });
    expect(carbonGrade(1, undefined)).toMatchObject({ reason: 'no_industry_average' });
    expect(carbonGrade(1, Number.NaN)).toMatchObject({ reason: 'no_industry_average' });
    expect(carbonGrade(1, 0)).toEqual({ grade: null, ratio: null, reason: 'zero_industry_average' });
    expect(carbonGrade(1, -2)).toMatchObject({ reason: 'zero_industry_average' });
  });

  it('never improves as L grows against the same average', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 20, noNaN: true }),
        (l, d, average) => {
          const a = carbonGrade(l, average);
          const b = carbonGrade(l + d, average);
          expect(b.grade).toBeGreaterThanOrEqual(a.grade as number);
        },
      ),
    );
    expect(GRADE_BOUNDS).toEqual([0.6, 0.8, 1.2, 2.0]);
  });
});

describe('industryAverage', () => {
  it('is total emissions over total value-added, not the mean of ratios', () => {
    const rows = [
      { emissionsTonnes: 1_000, valueAdded: 1_000 }, // L = 1
      { emissionsTonnes: 50, valueAdded: 10 }, // L = 5, a small firm
    ];
    expect(industryAverage(rows)).toBeCloseTo(1_050 / 1_010, 12);
    expect(industryAverage(rows)).not.toBeCloseTo(3, 1);
  });

  it('is null for a class without value-added, and ignores non-numeric rows', () => {
    expect(industryAverage([])).toBeNull();
    expect(industryAverage([{ emissionsTonnes: 5, valueAdded: 0 }])).toBeNull();
    expect(
      industryAverage([
        { emissionsTonnes: Number.NaN, valueAdded: 1 },
        { emissionsTonnes: 2, valueAdded: 4 },
      ]),
    ).toBe(0.5);
  });

  it('equals the value-added weighted mean of the members', () => {
    const row = fc.record({
      emissionsTonnes: fc.double({ min: 0, max: 1e6, noNaN: true }),
      valueAdded: fc.double({ min: 1, max: 1e6, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (rows) => {
        const total = rows.reduce((s, r) => s + r.valueAdded, 0);
        const weighted = rows.reduce(
          (s, r) => s + (r.emissionsTonnes / r.valueAdded) * (r.valueAdded / total),
          0,
        );
        expect(industryAverage(rows)).toBeCloseTo(weighted, 6);
      }),
    );
  });
});
