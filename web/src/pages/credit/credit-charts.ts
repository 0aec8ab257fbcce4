import { GaugeChart, RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { CreditTier, DimensionPart, HistoryPoint } from '../../api/credit';
import type { EChartOption } from '../../app/echart';

// The shell registers bars, lines and pies; the gauge and radar load with the credit pages only.
echarts.use([GaugeChart, RadarChart, RadarComponent]);

/** One colour per tier, lowest first; warm to cool, no alarm red: the score is rewards-only. */
const TIER_COLOURS = ['#fa8c16', '#fadb14', '#52c41a', '#13c2c2', '#1677ff', '#722ed1', '#eb2f96'];

export const tierColour = (index: number) => TIER_COLOURS[Math.min(index, TIER_COLOURS.length - 1)]!;

/** Where each tier ends, as ECharts gauge colour stops ([fraction of the range, colour]). */
export function tierStops(tiers: readonly CreditTier[], range: { min: number; max: number }) {
  const span = range.max - range.min || 1;
  return tiers.map((_, i) => {
    const next = tiers[i + 1];
    const end = next ? (next.min - range.min) / span : 1;
    return [Math.min(Math.max(end, 0), 1), tierColour(i)] as [number, string];
  });
}

/** The score on a 0-1000 dial banded in the tiers' colours; the page writes the number and tier beneath it. */
export function gaugeOption(
  score: number,
  tiers: readonly CreditTier[],
  range: { min: number; max: number },
): EChartOption {
  return {
    series: [
      {
        type: 'gauge',
        min: range.min,
        max: range.max,
        splitNumber: 5,
        radius: '95%',
        center: ['50%', '62%'],
        axisLine: { lineStyle: { width: 14, color: tierStops(tiers, range) } },
        pointer: { width: 5, length: '62%', itemStyle: { color: 'auto' } },
        axisTick: { show: false },
        splitLine: { length: 14, distance: -14, lineStyle: { color: '#fff', width: 2 } },
        axisLabel: { distance: 18, fontSize: 10, color: '#8c8c8c' },
        anchor: { show: true, size: 10, itemStyle: { color: '#595959' } },
        title: { show: false },
        detail: { show: false },
        data: [{ value: score }],
      },
    ],
  };
}

/** Breaks a long English axis name at the space nearest its middle, so it stays inside a phone-wide chart. */
export function wrapName(name: string, longest = 14): string {
  if (name.length <= longest || !name.includes(' ')) return name;
  const middle = name.length / 2;
  let best = -1;
  for (let i = 0; i < name.length; i++)
    if (name[i] === ' ' && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  return `${name.slice(0, best)}\n${name.slice(best + 1)}`;
}

/**
 * Each dimension on its own axis from its floor (the most it can take away) to its cap (the most it can add):
 * the filled shape is the resident's contribution, the dashed rim the caps.
 */
export function radarOption(
  dimensions: readonly DimensionPart[],
  nameOf: (d: DimensionPart) => string,
  labels: { score: string; cap: string },
): EChartOption {
  const axes = dimensions.map((d) => {
    const min = -d.floor;
    return { name: wrapName(nameOf(d)), min, max: d.cap > min ? d.cap : min + 1 };
  });
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, data: [labels.score, labels.cap] },
    radar: {
      indicator: axes,
      radius: '52%',
      center: ['50%', '48%'],
      axisName: { fontSize: 11, color: '#595959' },
      splitNumber: 4,
    },
    series: [
      {
        type: 'radar',
        data: [
          {
            name: labels.score,
            value: dimensions.map((d) => d.contribution),
            areaStyle: { opacity: 0.25 },
            itemStyle: { color: '#1677ff' },
          },
          {
            name: labels.cap,
            value: axes.map((a) => a.max),
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#8c8c8c' },
            itemStyle: { color: '#8c8c8c' },
          },
        ],
      },
    ],
  };
}

const DAY_MS = 86_400_000;

/**
 * The score at each change as steps, carried on to `now` (a score holds until the next change); the axis shows at
 * least the last 30 days so a short history still reads as a timeline.
 */
export function historyOption(
  points: readonly HistoryPoint[],
  seriesName: string,
  now: Date = new Date(),
): EChartOption {
  const ordered = [...points].sort((a, b) => a.computedAt.localeCompare(b.computedAt));
  const data: [string, number][] = ordered.map((p) => [p.computedAt, p.score]);
  const last = ordered.at(-1);
  if (last && Date.parse(last.computedAt) < now.getTime()) data.push([now.toISOString(), last.score]);
  const first = ordered[0] ? Date.parse(ordered[0].computedAt) : now.getTime();
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: {
      type: 'time',
      min: Math.min(first, now.getTime() - 30 * DAY_MS),
      max: now.getTime(),
      splitNumber: 4,
      axisLabel: { hideOverlap: true },
    },
    yAxis: { type: 'value', scale: true, minInterval: 1 },
    series: [
      {
        name: seriesName,
        type: 'line',
        step: 'end',
        symbolSize: 8,
        // The carried-on end point is not a change: no dot for it.
        showAllSymbol: true,
        itemStyle: { color: '#1677ff' },
        data: data.map(([at, score], i) => ({
          value: [at, score],
          symbol: i < ordered.length ? 'circle' : 'none',
        })),
      },
    ],
  };
}
