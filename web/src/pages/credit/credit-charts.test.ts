import { describe, expect, it } from 'vitest';
import { historyOption, tierStops, wrapName } from './credit-charts';

const TIERS = [
  { code: 'improving', min: 0, zh: '待提升', en: 'Needs improvement' },
  { code: 'average', min: 550, zh: '一般', en: 'Average' },
  { code: 'good', min: 600, zh: '良好', en: 'Good' },
  { code: 'excellent', min: 700, zh: '优秀', en: 'Excellent' },
  { code: 'outstanding', min: 751, zh: '极好', en: 'Outstanding' },
];

describe('credit charts', () => {
  it('bands the dial where each tier ends, the last one at the top of the range', () => {
    expect(tierStops(TIERS, { min: 0, max: 1000 }).map(([end]) => end)).toEqual([0.55, 0.6, 0.7, 0.751, 1]);
    // Colours run in tier order and differ from each other.
    expect(new Set(tierStops(TIERS, { min: 0, max: 1000 }).map(([, colour]) => colour)).size).toBe(5);
  });

  it('wraps long English axis names at the middle space and leaves short or Chinese ones alone', () => {
    expect(wrapName('Life and utility credit')).toBe('Life and\nutility credit');
    expect(wrapName('Law-abiding')).toBe('Law-abiding');
    expect(wrapName('社会公益与有礼')).toBe('社会公益与有礼');
  });

  it('carries the latest score on to now and shows at least thirty days', () => {
    const now = new Date('2026-12-04T12:00:00Z');
    const option = historyOption(
      [
        {
          score: 647,
          tier: 'good',
          modelVersion: '2026.1',
          computedAt: '2026-12-04T10:00:00Z',
          cause: 'repair',
        },
        {
          score: 627,
          tier: 'good',
          modelVersion: '2026.1',
          computedAt: '2026-12-01T10:00:00Z',
          cause: 'seed',
        },
      ],
      'score',
      now,
    ) as { xAxis: { min: number; max: number }; series: { data: { value: [string, number] }[] }[] };
    expect(option.series[0]?.data.map((d) => d.value)).toEqual([
      ['2026-12-01T10:00:00Z', 627],
      ['2026-12-04T10:00:00Z', 647],
      [now.toISOString(), 647],
    ]);
    expect(option.xAxis.max - option.xAxis.min).toBe(30 * 86_400_000);
  });
});
