import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS, allowedUnits, baseUnit, convert, fromBase } from './units';

describe('convert', () => {
  it.each([
    ['electricity', 2.5, 'MWh', 2_500],
    ['electricity', 3, '10^4kWh', 30_000],
    ['electricity', 3, '万kWh', 30_000],
    ['own_renewable', 1, 'MWh', 1_000],
    ['raw_coal', 2_500, 'kg', 2.5],
    ['natural_gas', 25_000, 'Nm3', 2.5],
    ['heat', 1, 'tce', 29.3076],
    ['heat', 500, 'MJ', 0.5],
    ['process', 1_500, 'kgCO2', 1.5],
    ['diesel', 1_000, 'L', 0.84],
    ['gasoline', 1_000, 'L', 0.74],
  ])('%s: %d %s is %d of the base unit', (kind, amount, unit, expected) => {
    const result = convert(kind, amount, unit);
    expect(result.ok && result.value).toBeCloseTo(expected, 12);
  });

  it('labels the conversions that rest on an assumption', () => {
    expect(convert('diesel', 1, 'L')).toMatchObject({
      ok: true,
      assumption: 'diesel density assumed 0.84 kg/L',
    });
    expect(convert('natural_gas', 1, 'm3')).toMatchObject({
      ok: true,
      assumption: expect.stringMatching(/Nm3/),
    });
    expect(convert('diesel', 1, 't')).not.toHaveProperty('assumption');
  });

  it('names the allowed units when a unit makes no sense for the kind', () => {
    expect(convert('raw_coal', 1, 'kWh')).toEqual({
      ok: false,
      reason: 'unknown_unit',
      allowed: ['t', 'kg'],
    });
    expect(convert('electricity', 1, 'kwh')).toMatchObject({ allowed: ['kWh', 'MWh', '10^4kWh'] });
    expect(convert('heat', 1, 'kg')).toMatchObject({ allowed: ['GJ', 'MJ', 'tce'] });
  });

  it('names the kinds when the kind is unknown', () => {
    expect(convert('uranium', 1, 't')).toEqual({
      ok: false,
      reason: 'unknown_kind',
      allowed: ACTIVITY_KINDS,
    });
  });

  it('converts to base and back for every kind and unit', () => {
    const pairs = ACTIVITY_KINDS.flatMap((kind) => allowedUnits(kind).map((unit) => [kind, unit] as const));
    fc.assert(
      fc.property(
        fc.constantFrom(...pairs),
        fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e9, noNaN: true })),
        ([kind, unit], amount) => {
          const result = convert(kind, amount, unit);
          if (!result.ok) throw new Error('every listed unit converts');
          expect(result.baseUnit).toBe(baseUnit(kind));
          const back = fromBase(kind, result.value, unit) as number;
          expect(Math.abs(back - amount)).toBeLessThanOrEqual(Math.abs(amount) * 1e-12);
        },
      ),
    );
  });

  it('has no base conversion for a unit that does not apply', () => {
    expect(fromBase('raw_coal', 1, 'kWh')).toBeNull();
  });
});
