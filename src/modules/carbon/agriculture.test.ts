import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateFarmAccount, FARM_LABELS, type FarmInput, farmLabel } from './agriculture';
import { createFactorLibrary } from './factors';
import { loadFactorLibrary, loadLabelThresholds } from './load-factors';

const library = loadFactorLibrary();
const bands = loadLabelThresholds().farmNeutrality;
const account = (input: FarmInput) => {
  const outcome = calculateFarmAccount(library, input, bands);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.account;
};
const grams = (input: FarmInput) => account(input).emissionsGrams;
const N2O_PER_N = 44 / 28;

describe('farm emissions by source (IPCC defaults, AR5 GWP: CH4 28, N2O 265)', () => {
  it('fertilizer N2O: direct EF1 plus volatilised and leached N', () => {
    // 1,000 kg N × (0.010 + 0.11 × 0.010 + 0.24 × 0.011) kg N2O-N/kg N × 44/28 × 265
    const expected = 1_000 * (0.01 + 0.11 * 0.01 + 0.24 * 0.011) * N2O_PER_N * 265 * 1_000;
    expect(grams({ year: 2023, nitrogenFertilizerKgN: 1_000 })).toBe(Math.round(expected));
  });

  it('rice CH4: hectares × days × EFc 1.32 × water-regime scaling', () => {
    // 30 mu = 2 ha; 2 × 100 d × 1.32 = 264 kg CH4 × 28
    expect(grams({ year: 2023, rice: [{ areaMu: 30, daysFlooded: 100 }] })).toBe(7_392_000);
    expect(
      grams({ year: 2023, rice: [{ areaMu: 30, daysFlooded: 100, waterRegime: 'single_drainage' }] }),
    ).toBe(Math.round(264 * 0.71 * 28 * 1_000));
  });

  it('livestock: enteric and manure CH4 per head, manure N2O from N excretion', () => {
    const farm = account({ year: 2023, livestock: { dairy_cattle: 10, swine: 100 } });
    const bySource = Object.fromEntries(farm.emissions.map((l) => [l.source, l.grams]));
    expect(bySource.enteric_ch4).toBe((10 * 68 + 100 * 1) * 28 * 1_000);
    expect(bySource.manure_ch4).toBe((10 * 16 + 100 * 4) * 28 * 1_000);
    expect(bySource.manure_n2o).toBe(Math.round((10 * 60 + 100 * 12) * 0.005 * N2O_PER_N * 265 * 1_000));
    expect(farm.emissions.find((l) => l.source === 'enteric_ch4')?.factorIds.sort()).toEqual([
      'gwp-ch4-ar5',
      'ipcc-enteric-dairy-cattle-2006',
      'ipcc-enteric-swine-2006',
    ]);
  });

  it('farm diesel and electricity use the industrial factors', () => {
    expect(grams({ year: 2023, dieselTonnes: 1 })).toBe(3_145_122);
    expect(grams({ year: 2023, electricityKWh: 1_000 })).toBe(530_600);
    expect(grams({ year: 2023, electricityKWh: 1_000, gridFactor: 'east-china' })).toBe(550_000);
  });

  it('records a fallback when the year has no grid factor yet', () => {
    expect(account({ year: 2025, electricityKWh: 1 }).fallbacks).toEqual([
      'grid-national-2023: 2025 factor not yet published; using 2023',
    ]);
  });
});

describe('sinks, net and label', () => {
  it('counts forest, straw return and organic fertilizer substitution (assumptions)', () => {
    const farm = account({
      year: 2023,
      sinks: { forestMu: 100, strawReturnedTonnes: 10, strawReturnedMu: 10, organicFertilizerTonnes: 5 },
    });
    expect(farm.sinks.map((s) => [s.source, s.grams])).toEqual([
      ['forest', 30_000_000],
      ['straw_return', 3_000_000],
      ['organic_fertilizer', 1_000_000],
    ]);
    expect(farm).toMatchObject({ emissionsGrams: 0, sinksGrams: 34_000_000, netGrams: -34_000_000 });
    expect(farm).toMatchObject({ neutralityRatio: null, label: '碳中和' });
  });

  it.each([
    [200, 1.1308, '碳中和'],
    [150, 0.8481, '近零'],
    [100, 0.5654, '减排中'],
  ])('%d mu of forest against 53.06 t gives ratio %d: %s', (forestMu, ratio, label) => {
    const farm = account({ year: 2023, electricityKWh: 100_000, sinks: { forestMu } });
    expect(farm).toMatchObject({ neutralityRatio: ratio, label });
    expect(farm.netGrams).toBe(farm.emissionsGrams - farm.sinksGrams);
  });

  it('labels at the exact cut-offs (碳中和 ≥ 1.0, 近零 ≥ 0.8)', () => {
    expect([1, 0.9999, 0.8, 0.7999, 0, null].map((r) => farmLabel(r, bands))).toEqual([
      '碳中和',
      '近零',
      '近零',
      '减排中',
      '减排中',
      '碳中和',
    ]);
    expect(bands.basis).toBe('assumption');
  });

  it('more forest never lowers the ratio nor worsens the label', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        (kWh, a, b) => {
          const [less, more] = a <= b ? [a, b] : [b, a];
          const x = account({ year: 2023, electricityKWh: kWh, sinks: { forestMu: less } });
          const y = account({ year: 2023, electricityKWh: kWh, sinks: { forestMu: more } });
          expect(y.neutralityRatio).toBeGreaterThanOrEqual(x.neutralityRatio as number);
          expect(FARM_LABELS.indexOf(y.label)).toBeLessThanOrEqual(FARM_LABELS.indexOf(x.label));
        },
      ),
    );
  });
});

describe('bad farm input', () => {
  it('lists every problem with its path', () => {
    const outcome = calculateFarmAccount(
      library,
      {
        year: 20230,
        nitrogenFertilizerKgN: -1,
        rice: [{ areaMu: 1, daysFlooded: 400, waterRegime: 'puddled' as 'continuous' }],
        livestock: { yak: 3, swine: Number.NaN } as FarmInput['livestock'],
        sinks: { forestMu: 1e10 },
      },
      bands,
    );
    expect(outcome.ok ? [] : outcome.issues.map((i) => [i.path, i.code])).toEqual([
      ['year', 'period_format'],
      ['nitrogenFertilizerKgN', 'amount_negative'],
      ['rice[0].daysFlooded', 'amount_too_large'],
      ['rice[0].waterRegime', 'unknown_kind'],
      ['livestock.yak', 'unknown_kind'],
      ['livestock.swine', 'amount_not_finite'],
      ['sinks.forestMu', 'amount_too_large'],
    ]);
  });

  it('needs only the factors of the sources a farm has', () => {
    const noLivestock = createFactorLibrary(
      library.factors.filter((f) => !f.kind.startsWith('agri.enteric.')),
    );
    expect(
      calculateFarmAccount(noLivestock, { year: 2023, rice: [{ areaMu: 15, daysFlooded: 1 }] }, bands).ok,
    ).toBe(true);
    expect(calculateFarmAccount(noLivestock, { year: 2023, livestock: { sheep: 1 } }, bands)).toMatchObject({
      ok: false,
      issues: [{ path: 'agri.enteric.sheep', code: 'factor_missing' }],
    });
  });
});
