import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, createRandom, WeightedPicker } from './random';

describe('createRandom', () => {
  it('gives the same sequence for the same seed and stream, and another for another', () => {
    const a = createRandom(1, 'residents');
    const b = createRandom(1, 'residents');
    const sequenceA = Array.from({ length: 16 }, () => a.uint32());
    expect(Array.from({ length: 16 }, () => b.uint32())).toEqual(sequenceA);
    const c = createRandom(2, 'residents');
    expect(Array.from({ length: 16 }, () => c.uint32())).not.toEqual(sequenceA);
    const d = createRandom(1, 'enterprises');
    expect(Array.from({ length: 16 }, () => d.uint32())).not.toEqual(sequenceA);
  });

  it('draws floats in [0, 1) with a mean near 1/2 and integers in range', () => {
    const random = createRandom(20261129, 'uniform');
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = random.next();
      if (x < 0 || x >= 1) outside++;
      sum += x;
    }
    expect(outside).toBe(0);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer(), (n, seed) => {
        const value = createRandom(seed, 's').int(n);
        return Number.isInteger(value) && value >= 0 && value < n;
      }),
    );
  });

  it('has a log-normal whose median is the one asked for', () => {
    const random = createRandom(7, 'lognormal');
    const values = Array.from({ length: 20_001 }, () => random.logNormal(100, 0.8)).sort((a, b) => a - b);
    expect(values[10_000]!).toBeGreaterThan(95);
    expect(values[10_000]!).toBeLessThan(105);
  });
});

describe('WeightedPicker', () => {
  it('picks in proportion to the weights and never a zero-weight entry', () => {
    const picker = new WeightedPicker([
      ['a', 1],
      ['never', 0],
      ['b', 3],
    ] as const);
    const random = createRandom(1, 'pick');
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 40_000; i++) counts[picker.pick(random)]++;
    expect(counts.never).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.8);
    expect(counts.b / counts.a).toBeLessThan(3.2);
  });

  it('refuses no entries or no weight', () => {
    expect(() => new WeightedPicker([])).toThrow();
    expect(() => new WeightedPicker([['a', 0]])).toThrow();
  });
});

describe('apportion', () => {
  it('always adds up to the total and stays within one of the exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        (weights, total) => {
          const counts = apportion(weights, total);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
          for (const [i, count] of counts.entries()) {
            expect(Math.abs(count - (weights[i]! / sum) * total)).toBeLessThan(1 + 1e-6);
          }
        },
      ),
    );
  });
});
