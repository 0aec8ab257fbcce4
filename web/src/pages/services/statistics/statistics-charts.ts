import type { ServiceStatistics, StatisticsGroup } from '../../../api/services-workbench';
import type { EChartOption } from '../../../app/echart';

/** Labels the charts need, already in the UI language. */
export interface ChartLabels {
  zero: string;
  one: string;
  more: string;
  onTimeRate: string;
  averageDays: string;
}

export const VISIT_COLOURS = ['#52c41a', '#1677ff', '#fa541c'] as const;

/** Visits per case as a pie: 零跑 / 跑一次 / 多次 (the last is where the promise may be broken). */
export function visitsPieOption(visits: ServiceStatistics['visits'], labels: ChartLabels): EChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{d}%' },
        data: [
          { name: labels.zero, value: visits.zero, itemStyle: { color: VISIT_COLOURS[0] } },
          { name: labels.one, value: visits.one, itemStyle: { color: VISIT_COLOURS[1] } },
          { name: labels.more, value: visits.more, itemStyle: { color: VISIT_COLOURS[2] } },
        ],
      },
    ],
  };
}

/** On-time share of decided cases in percent (one decimal), or null when none was decided. */
export function onTimeRate(group: Pick<StatisticsGroup, 'decided' | 'onTime'>): number | null {
  if (group.decided === 0) return null;
  return Math.round((group.onTime / group.decided) * 1000) / 10;
}

/** Bars per group: on-time rate (left axis, %) and mean working days (right axis). */
export function groupBarOption(
  groups: readonly StatisticsGroup[],
  nameOf: (key: string) => string,
  labels: ChartLabels,
): EChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: groups.map((g) => nameOf(g.key)),
      axisLabel: { interval: 0, rotate: groups.length > 4 ? 30 : 0 },
    },
    yAxis: [
      { type: 'value', name: '%', min: 0, max: 100 },
      { type: 'value', name: labels.averageDays, minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        name: labels.onTimeRate,
        type: 'bar',
        data: groups.map((g) => onTimeRate(g)),
        itemStyle: { color: '#1f7a4d' },
      },
      {
        name: labels.averageDays,
        type: 'bar',
        yAxisIndex: 1,
        data: groups.map((g) =>
          g.averageWorkingDays === null ? null : Math.round(g.averageWorkingDays * 100) / 100,
        ),
        itemStyle: { color: '#faad14' },
      },
    ],
  };
}
