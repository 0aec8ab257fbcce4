import { describe, expect, it } from 'vitest';
import { buildCloseStatistics, statisticsForCounty } from './close-statistics';
import type { FarmCloseSummary } from './farm-close';

const labels = (a: number, b: number, c: number) => ({ 碳中和: a, 近零: b, 减排中: c });
const farms: FarmCloseSummary = {
  year: 2026,
  farms: 3,
  withoutInputs: 1,
  failed: [],
  labels: labels(1, 0, 2),
  byCounty: [
    {
      countyCode: '330881',
      farms: 1,
      emissionsGrams: 10,
      sinksGrams: 20,
      netGrams: -10,
      labels: labels(1, 0, 0),
    },
    {
      countyCode: '330822',
      farms: 2,
      emissionsGrams: 50,
      sinksGrams: 5,
      netGrams: 45,
      labels: labels(0, 0, 2),
    },
  ],
};
const personal = [
  { countyCode: '330822', residents: 2, events: 5, grams: 900, points: 90 },
  { countyCode: '330802', residents: 1, events: 1, grams: 100, points: 10 },
];
const expiry = { asOf: '2026-10-31', residents: 1, points: 33 };

describe('close statistics', () => {
  it('without the industrial close: farm emissions by county, personal totals, no enterprise figures', () => {
    const stats = buildCloseStatistics({
      period: '2026-10',
      runId: 'r',
      personal,
      farms,
      enterprises: null,
      expiry,
    });
    expect(stats).toMatchObject({
      enterprisesClosed: false,
      emissionsByIndustry: null,
      countyCode: null,
      farmYear: 2026,
    });
    expect(stats.labels).toEqual({ enterprises: null, farms: labels(1, 0, 2) });
    expect(stats.emissionsByCounty.map((c) => [c.countyCode, c.enterpriseGrams, c.farmNetGrams])).toEqual([
      ['330822', null, 45],
      ['330881', null, -10],
    ]);
    expect(stats.personal).toMatchObject({ residents: 3, events: 6, grams: 1000, points: 100 });
    expect(stats.personal.byCounty.map((c) => c.countyCode)).toEqual(['330802', '330822']);
  });

  it('merges the industrial close by county and industry', () => {
    const stats = buildCloseStatistics({
      period: '2026-10',
      runId: 'r',
      personal,
      farms,
      expiry,
      enterprises: {
        enterprises: 2,
        byCounty: { '330803': { enterprises: 2, grams: 7_000 } },
        byIndustry: { C3011: { enterprises: 2, grams: 7_000, industryAverage: 1.2 } },
        labels: { 深绿: 0, 浅绿: 1, 黄: 1, 红: 0 },
      },
    });
    expect(
      stats.emissionsByCounty.map((c) => [c.countyCode, c.enterprises, c.enterpriseGrams, c.farms]),
    ).toEqual([
      ['330803', 2, 7_000, 0],
      ['330822', 0, 0, 2],
      ['330881', 0, 0, 1],
    ]);
    expect(stats.emissionsByIndustry).toEqual([
      { industryCode: 'C3011', enterprises: 2, grams: 7_000, industryAverage: 1.2 },
    ]);
  });

  it('gives a county its own rows and totals, without the city-wide breakdowns', () => {
    const city = buildCloseStatistics({
      period: '2026-10',
      runId: 'r',
      personal,
      farms,
      enterprises: null,
      expiry,
    });
    const county = statisticsForCounty(city, '330822');
    expect(county).toMatchObject({ countyCode: '330822', emissionsByIndustry: null, expiry: null });
    expect(county.personal).toEqual({
      residents: 2,
      events: 5,
      grams: 900,
      points: 90,
      byCounty: [personal[0]],
    });
    expect(county.labels).toEqual({ enterprises: null, farms: labels(0, 0, 2) });
    expect(statisticsForCounty(city, '330824').labels.farms).toEqual(labels(0, 0, 0));
  });
});
