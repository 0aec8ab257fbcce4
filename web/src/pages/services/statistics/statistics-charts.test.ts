import { describe, expect, it } from 'vitest';
import { groupBarOption, onTimeRate, visitsPieOption } from './statistics-charts';

const labels = { zero: '零跑', one: '跑一次', more: '多次', onTimeRate: '按时率', averageDays: '平均工作日' };

describe('services statistics charts', () => {
  it('computes the on-time rate of decided cases only', () => {
    expect(onTimeRate({ decided: 8, onTime: 7 })).toBe(87.5);
    expect(onTimeRate({ decided: 0, onTime: 0 })).toBeNull();
    expect(onTimeRate({ decided: 3, onTime: 1 })).toBe(33.3);
  });

  it('puts the three visit counts into the pie in order', () => {
    const option = visitsPieOption({ zero: 5, one: 2, more: 1, overPromise: 1 }, labels) as {
      series: { data: { name: string; value: number }[] }[];
    };
    expect(option.series[0]?.data.map((d) => [d.name, d.value])).toEqual([
      ['零跑', 5],
      ['跑一次', 2],
      ['多次', 1],
    ]);
  });

  it('draws one category per group with rate and mean days', () => {
    const option = groupBarOption(
      [
        { key: 'provident_fund', cases: 3, decided: 2, onTime: 2, averageWorkingDays: 0.5 },
        { key: 'civil_affairs', cases: 1, decided: 0, onTime: 0, averageWorkingDays: null },
      ],
      (key) => key.toUpperCase(),
      labels,
    ) as { xAxis: { data: string[] }; series: { data: (number | null)[] }[] };
    expect(option.xAxis.data).toEqual(['PROVIDENT_FUND', 'CIVIL_AFFAIRS']);
    expect(option.series[0]?.data).toEqual([100, null]);
    expect(option.series[1]?.data).toEqual([0.5, null]);
  });
});
