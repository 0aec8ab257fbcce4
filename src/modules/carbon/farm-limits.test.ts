import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FARM_LIMITS_PER_MU, farmAreaIssues } from './farm-limits';

describe('farm inputs against the farm area', () => {
  it('accepts what an intensive farm of that size could use', () => {
    expect(
      farmAreaIssues(
        {
          year: 2025,
          nitrogenFertilizerKgN: 80 * 60,
          rice: [
            { areaMu: 80, daysFlooded: 100 },
            { areaMu: 80, daysFlooded: 90 },
          ],
          dieselTonnes: 1.5,
          electricityKWh: 40_000,
          livestock: { swine: 2_000, dairy_cattle: 100 },
          sinks: { forestMu: 80, strawReturnedMu: 160, strawReturnedTonnes: 80, organicFertilizerTonnes: 40 },
        },
        80,
      ),
    ).toEqual([]);
  });

  it('names each absurd amount with its bound', () => {
    expect(
      farmAreaIssues(
        {
          year: 2025,
          nitrogenFertilizerKgN: 100_000,
          rice: [{ areaMu: 500, daysFlooded: 100 }],
          livestock: { dairy_cattle: 5_000 },
          sinks: { forestMu: 11 },
        },
        10,
      ),
    ).toEqual([
      {
        path: 'nitrogenFertilizerKgN',
        code: 'implausible_for_area',
        params: { amount: 100_000, max: 1_000, areaMu: 10 },
      },
      { path: 'rice', code: 'implausible_for_area', params: { amount: 500, max: 30, areaMu: 10 } },
      {
        path: 'livestock.dairy_cattle',
        code: 'implausible_for_area',
        params: { amount: 5_000, max: 200, areaMu: 10 },
      },
      { path: 'sinks.forestMu', code: 'implausible_for_area', params: { amount: 11, max: 10, areaMu: 10 } },
    ]);
  });

  it('flags diesel exactly above its bound, whatever the area', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), (area) => {
        const max = FARM_LIMITS_PER_MU.dieselTonnes * area;
        return (
          farmAreaIssues({ year: 2025, dieselTonnes: max }, area).length === 0 &&
          farmAreaIssues({ year: 2025, dieselTonnes: max * 1.01 + 0.01 }, area).length === 1
        );
      }),
    );
  });

  it('leaves negative and non-numeric amounts to the core’s own checks', () => {
    expect(farmAreaIssues({ year: 2025, dieselTonnes: -1, electricityKWh: Number.NaN }, 10)).toEqual([]);
  });
});
