import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlausibility, PLAUSIBILITY_RULE, plausibleCeiling } from './plausibility';

const size = fc.record({
  employees: fc.integer({ min: 0, max: 100_000 }),
  outputValueFen: fc.integer({ min: 0, max: 10 ** 15 }),
});
const grams = fc.integer({ min: -(10 ** 15), max: 10 ** 15 });

describe('plausibility of a month’s figure for the enterprise’s size', () => {
  it.each([
    // employees, output (fen), month grams, plausible, basis
    [5, 300_000_000, 1_000_000 * 1e6, false, 'employees'],
    [5, 300_000_000, 4_000 * 1e6, true, 'employees'],
    [10, 10_000_000_000_000, 1_000_000 * 1e6, true, 'output'],
    [0, 0, 166 * 1e6, true, 'minimum'],
    [0, 0, 167 * 1e6, false, 'minimum'],
  ] as const)(
    '%i employees, %i fen output, %i g a month → plausible %s (%s)',
    (employees, outputValueFen, g, plausible, basis) => {
      expect(checkPlausibility(g, { employees, outputValueFen })).toMatchObject({ plausible, basis });
    },
  );

  it('takes the larger of the per-employee and per-output ceilings, never below the floor', () => {
    fc.assert(
      fc.property(size, (s) => {
        const { ceilingTonnes } = plausibleCeiling(s);
        const byEmployees = s.employees * PLAUSIBILITY_RULE.tonnesPerEmployee;
        const byOutput = (s.outputValueFen / 1e6) * PLAUSIBILITY_RULE.tonnesPerWanOutput;
        expect(ceilingTonnes).toBeCloseTo(
          Math.max(byEmployees, byOutput, PLAUSIBILITY_RULE.minimumTonnes),
          1,
        );
      }),
    );
  });

  it('ignores the sign, and a larger figure is never more plausible', () => {
    fc.assert(
      fc.property(size, grams, grams, (s, a, b) => {
        expect(checkPlausibility(a, s).plausible).toBe(checkPlausibility(-a, s).plausible);
        const [small, large] = Math.abs(a) <= Math.abs(b) ? [a, b] : [b, a];
        if (checkPlausibility(large, s).plausible) expect(checkPlausibility(small, s).plausible).toBe(true);
      }),
    );
  });

  it('a bigger enterprise never makes a figure less plausible', () => {
    fc.assert(
      fc.property(size, fc.nat(1_000), fc.nat(10 ** 9), grams, (s, moreStaff, moreOutput, g) => {
        const bigger = { employees: s.employees + moreStaff, outputValueFen: s.outputValueFen + moreOutput };
        if (checkPlausibility(g, s).plausible) expect(checkPlausibility(g, bigger).plausible).toBe(true);
      }),
    );
  });
});
