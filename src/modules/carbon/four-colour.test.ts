import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FOUR_COLOUR_LABELS,
  type LabelInput,
  type LabelThresholds,
  labelEnterprise,
  parseLabelThresholds,
} from './four-colour';
import { loadLabelThresholds, THRESHOLDS_FILE } from './load-factors';

const thresholds = loadLabelThresholds();
const rank = (input: LabelInput) => FOUR_COLOUR_LABELS.indexOf(labelEnterprise(input, thresholds).label);
/** An input with K, R and D chosen directly: L = 1 against average 1/K, county shares giving R, last year's L giving D. */
const withDimensions = (k: number, r: number, d: number): LabelInput => ({
  intensity: 1,
  industryAverage: 1 / k,
  previousIntensity: 1 / (1 - d),
  regional: {
    emissionsTonnes: r * 100,
    valueAdded: 100,
    countyEmissionsTonnes: 1_000,
    countyValueAdded: 1_000,
  },
});

describe('the shipped thresholds', () => {
  it('are a versioned assumption that every label records', () => {
    expect(thresholds).toMatchObject({ version: '2026.1-assumption', basis: 'assumption' });
    expect(thresholds.description).toMatch(/assumption/);
    expect(labelEnterprise(withDimensions(1, 1, 0), thresholds).thresholdsVersion).toBe('2026.1-assumption');
    expect(THRESHOLDS_FILE.replaceAll('\\', '/')).toMatch(/\/data\/carbon\/label-thresholds\.json$/);
  });
});

describe('labelEnterprise', () => {
  it.each([
    ['深绿', 0.7, 0.7, 0.1],
    ['浅绿', 0.9, 0.9, 0.01],
    ['黄', 1.1, 1.2, -0.01],
    ['红', 3, 4, -0.5],
  ])('reaches %s', (label, k, r, d) => {
    expect(labelEnterprise(withDimensions(k, r, d), thresholds).label).toBe(label);
  });

  it('explains each dimension in a sentence a person can read', () => {
    const result = labelEnterprise(
      {
        intensity: 0.36,
        industryAverage: 0.5,
        previousIntensity: 0.4,
        regional: {
          emissionsTonnes: 100,
          valueAdded: 300,
          countyEmissionsTonnes: 10_000,
          countyValueAdded: 20_000,
        },
      },
      thresholds,
    );
    const [industry, regional, history] = result.dimensions;
    expect(industry).toMatchObject({ dimension: 'industry_advancement', value: 0.72, score: 4 });
    expect(industry?.explanation.zh).toBe(
      '行业先进性：碳效比 K=0.72（L=0.3600，行业平均 0.5000 t/万元），优于行业平均 28.0%，得 4 分',
    );
    expect(industry?.explanation.en).toMatch(/K = 0\.72 .*28\.0% better than the industry average; score 4/);
    expect(regional?.explanation.zh).toMatch(/排放占全县 1\.0%，增加值占全县 1\.5%，贡献比 R=0\.67/);
    expect(history?.explanation.zh).toMatch(/由前 12 个月的 0\.4000 变为 0\.3600 t\/万元，下降 10\.0%/);
    expect(result.explanation.zh).toMatch(
      /^综合得分 4 = 行业先进性 4×0\.5 \+ 区域贡献度 4×0\.25 \+ 历史下降 4×0\.25，评为深绿/,
    );
    expect(result.explanation.en).toMatch(/labelled 深绿 \(thresholds 2026\.1-assumption, assumption\)/);
  });

  it('scores a dimension without data as neutral and says so', () => {
    const result = labelEnterprise(
      { intensity: 0.5, industryAverage: 1, previousIntensity: null, regional: null },
      thresholds,
    );
    expect(result.dimensions[1]).toMatchObject({ value: null, score: thresholds.neutralScore });
    expect(result.dimensions[2]?.explanation).toEqual({
      zh: '历史下降：缺少前 12 个月的碳排放强度（至少需 3 个已结算月份），按中性 2 分计',
      en: 'Historical decline: no intensity for the previous twelve months (needs at least 3 closed months); scored neutral (2)',
    });
    expect(
      labelEnterprise({ ...withDimensions(1, 1, 0), industryAverage: 0 }, thresholds).dimensions[0]?.value,
    ).toBeNull();
  });

  it('caps the label at 黄 when one dimension scores 0, and says why', () => {
    const result = labelEnterprise(withDimensions(0.7, 0.7, -0.5), thresholds);
    expect(result.score).toBe(3);
    expect(result.label).toBe('黄');
    expect(result.explanation.zh).toMatch(/评为黄（因历史下降得 0 分，最高评为黄）/);
  });

  const k = fc.double({ min: 0.1, max: 5, noNaN: true });
  const r = fc.double({ min: 0.05, max: 6, noNaN: true });
  const d = fc.double({ min: -1, max: 0.9, noNaN: true });

  it('a better K never worsens the label, holding the others', () => {
    fc.assert(
      fc.property(k, k, r, d, (k1, k2, r0, d0) => {
        const [better, worse] = k1 <= k2 ? [k1, k2] : [k2, k1];
        expect(rank(withDimensions(better, r0, d0))).toBeLessThanOrEqual(rank(withDimensions(worse, r0, d0)));
      }),
    );
  });

  it('a better regional contribution never worsens the label, holding the others', () => {
    fc.assert(
      fc.property(k, r, r, d, (k0, r1, r2, d0) => {
        const [better, worse] = r1 <= r2 ? [r1, r2] : [r2, r1];
        expect(rank(withDimensions(k0, better, d0))).toBeLessThanOrEqual(rank(withDimensions(k0, worse, d0)));
      }),
    );
  });

  it('a steeper decline never worsens the label, holding the others', () => {
    fc.assert(
      fc.property(k, r, d, d, (k0, r0, d1, d2) => {
        const [better, worse] = d1 >= d2 ? [d1, d2] : [d2, d1];
        expect(rank(withDimensions(k0, r0, better))).toBeLessThanOrEqual(rank(withDimensions(k0, r0, worse)));
      }),
    );
  });
});

describe('parseLabelThresholds', () => {
  const shipped = (): LabelThresholds => JSON.parse(readFileSync(THRESHOLDS_FILE, 'utf8'));

  it.each([
    [
      'weights that do not add up to 1',
      (t: LabelThresholds) => (t.dimensions.industry_advancement.weight = 0.6),
      /weights/,
    ],
    [
      'bounds out of order',
      (t: LabelThresholds) => (t.dimensions.regional_contribution.bands[1]!.bound = 0.5),
      /best to worst/,
    ],
    [
      'scores that rise',
      (t: LabelThresholds) => (t.dimensions.historical_decline.bands[2]!.score = 5),
      /must not rise/,
    ],
    ['no catch-all band', (t: LabelThresholds) => t.dimensions.historical_decline.bands.pop(), /catch-all/],
    ['labels out of order', (t: LabelThresholds) => (t.combination.labels[1]!.minScore = 4), /minScore/],
    ['a missing version', (t: LabelThresholds) => Reflect.deleteProperty(t, 'version'), /version/],
    [
      'farm labels out of order',
      (t: LabelThresholds) => (t.farmNeutrality.labels[1]!.minRatio = 2),
      /minRatio/,
    ],
  ])('rejects %s', (_, mutate, reason) => {
    const json = shipped();
    mutate(json);
    expect(() => parseLabelThresholds(json)).toThrow(reason);
  });
});
