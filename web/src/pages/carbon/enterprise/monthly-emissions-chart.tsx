import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnterpriseMonth } from '../../../api/carbon-industrial';
import { EChart, type EChartOption } from '../../../app/echart';

/** Energy and process emissions as stacked bars, intensity L against the industry average as lines. */
export function MonthlyEmissionsChart({ months }: { months: readonly EnterpriseMonth[] }) {
  const { t } = useTranslation();
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: months.map((m) => m.period.slice(2)) },
      yAxis: [
        { type: 'value', name: t('enterpriseCarbon.tonnes'), nameTextStyle: { align: 'left' } },
        { type: 'value', name: t('enterpriseCarbon.intensityUnit'), splitLine: { show: false } },
      ],
      series: [
        {
          name: t('enterpriseCarbon.energy'),
          type: 'bar',
          stack: 'e',
          data: months.map((m) => m.energyTonnes),
        },
        {
          name: t('enterpriseCarbon.process'),
          type: 'bar',
          stack: 'e',
          data: months.map((m) => m.processTonnes),
        },
        {
          name: t('enterpriseCarbon.intensity'),
          type: 'line',
          yAxisIndex: 1,
          data: months.map((m) => m.intensity),
        },
        {
          name: t('enterpriseCarbon.industryAverage'),
          type: 'line',
          yAxisIndex: 1,
          lineStyle: { type: 'dashed' },
          data: months.map((m) => m.industryAverage),
        },
      ],
    }),
    [months, t],
  );
  return <EChart option={option} label={t('enterpriseCarbon.chartLabel')} testId="emissions-chart" />;
}
