import { describe, expect, it } from 'vitest';
import { randomName } from './names';
import { AGE_BANDS, PopulationPyramid } from './population-pyramid';
import { createRandom } from './random';

describe('PopulationPyramid', () => {
  const pyramid = new PopulationPyramid('2025-12-31');

  it('draws ages within 0-100 whose coarse bands match the table, men ≈ 51.5 %', () => {
    const random = createRandom(20261129, 'pyramid');
    const n = 200_000;
    let men = 0;
    let youngest = Infinity;
    let oldest = -Infinity;
    const bands = { children: 0, working: 0, elderly: 0 };
    for (let i = 0; i < n; i++) {
      const person = pyramid.draw(random);
      const age = pyramid.ageOf(person.birthDay);
      youngest = Math.min(youngest, age);
      oldest = Math.max(oldest, age);
      if (person.male) men++;
      if (age < 15) bands.children++;
      else if (age < 60) bands.working++;
      else bands.elderly++;
    }
    expect(youngest).toBe(0);
    expect(oldest).toBeLessThanOrEqual(100);
    const total = AGE_BANDS.reduce((sum, [, , m, f]) => sum + m + f, 0);
    const share = (low: number, high: number) =>
      AGE_BANDS.filter(([l, h]) => l >= low && h <= high).reduce((sum, [, , m, f]) => sum + m + f, 0) / total;
    expect(men / n).toBeCloseTo(0.515, 2);
    expect(bands.children / n).toBeCloseTo(share(0, 14), 2);
    expect(bands.working / n).toBeCloseTo(share(15, 59), 2);
    expect(bands.elderly / n).toBeCloseTo(share(60, 100), 2);
  });

  it('keeps every drawn age inside its band edges (birthdays on the as-of date included)', () => {
    const random = createRandom(1, 'edges');
    let youngest = Infinity;
    for (let i = 0; i < 50_000; i++)
      youngest = Math.min(youngest, pyramid.ageOf(pyramid.drawAdult(random).birthDay));
    expect(youngest).toBe(18);
    const asOf = new PopulationPyramid('2024-02-29');
    expect(asOf.ageOf(asOf.asOfDay)).toBe(0);
  });

  it('names people with a known surname and one or two given characters', () => {
    const random = createRandom(3, 'names');
    for (let i = 0; i < 1_000; i++) {
      const name = randomName(random, i % 2 ? 'male' : 'female', 1950 + (i % 70));
      expect(name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    }
  });
});
