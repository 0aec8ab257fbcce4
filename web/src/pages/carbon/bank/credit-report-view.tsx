import { Alert, Button, Card, Descriptions, Flex, List, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type CreditReport, creditReportPrintUrl } from '../../../api/carbon-finance';
import { EChart, type EChartOption } from '../../../app/echart';
import { LabelTag } from '../enterprise/label-tag';
import { formatNumber } from '../format';

/** 碳征信报告 as a bank reads it: trend, grade, label and why, the factors behind the figures, a suggested rate. */
export function CreditReportView({ report }: { report: CreditReport }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const n = (x: number | null | undefined, digits = 2) =>
    x === null || x === undefined ? t('common.none') : formatNumber(x, i18n.language, digits);
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: report.months.map((m) => m.period.slice(2)) },
      yAxis: [
        { type: 'value', name: t('enterpriseCarbon.tonnes') },
        { type: 'value', name: t('enterpriseCarbon.intensityUnit'), splitLine: { show: false } },
      ],
      series: [
        {
          name: t('enterpriseCarbon.totalTonnes'),
          type: 'bar',
          data: report.months.map((m) => m.totalTonnes),
        },
        {
          name: t('enterpriseCarbon.intensity'),
          type: 'line',
          yAxisIndex: 1,
          data: report.months.map((m) => m.intensity),
        },
      ],
    }),
    [report, t],
  );
  const rate = report.suggestedRate;
  return (
    <Flex vertical gap={16} data-testid="credit-report">
      <Card
        size="small"
        title={report.enterprise.name}
        extra={
          <Button
            href={creditReportPrintUrl(report.enterprise.uscc)}
            target="_blank"
            data-testid="print-credit-report"
          >
            {t('bankCarbon.print')}
          </Button>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'uscc', label: t('bankCarbon.uscc'), children: report.enterprise.uscc },
            {
              key: 'industry',
              label: t('bankCarbon.industry'),
              children: `${report.enterprise.industryCode} ${report.enterprise.industryName}`,
            },
            {
              key: 'window',
              label: t('bankCarbon.window'),
              children: report.window ? `${report.window.from} ~ ${report.window.to}` : t('common.none'),
            },
            { key: 'total', label: t('bankCarbon.total'), children: `${n(report.summary.totalTonnes)} t` },
            {
              key: 'intensity',
              label: t('enterpriseCarbon.intensity'),
              children: n(report.summary.intensity, 4),
            },
            {
              key: 'trend',
              label: t('bankCarbon.trend'),
              children: report.summary.trend
                ? t(`bankCarbon.trends.${report.summary.trend}`)
                : t('common.none'),
            },
            {
              key: 'grade',
              label: t('enterpriseCarbon.grade'),
              children: report.efficiency?.grade ?? t('common.none'),
            },
            {
              key: 'label',
              label: t('enterpriseCarbon.label'),
              children: report.label ? <LabelTag label={report.label.label} /> : t('common.none'),
            },
          ]}
        />
      </Card>
      {report.summary.unconfirmedPeriods.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="unconfirmed-periods"
          title={t('bankCarbon.unconfirmed', { periods: report.summary.unconfirmedPeriods.join('、') })}
        />
      )}
      {rate && (
        <Card size="small" title={t('bankCarbon.rateTitle')} data-testid="suggested-rate">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {rate.ratePercent}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('bankCarbon.rateExplain', {
              lpr: (rate.lprBasisPoints / 100).toFixed(2),
              date: rate.lprEffectiveFrom,
              label: rate.label,
              spread: rate.spreadBasisPoints,
              basis: t(`bankCarbon.spreadBases.${rate.spreadBasis}`),
              version: rate.tableVersion,
            })}
          </Typography.Text>
        </Card>
      )}
      {report.months.length > 0 && (
        <Card size="small" title={t('bankCarbon.trendTitle')}>
          <EChart option={option} label={t('bankCarbon.trendTitle')} testId="credit-report-chart" />
        </Card>
      )}
      {report.label?.explanation && (
        <Card size="small" title={t('enterpriseCarbon.why')}>
          <List
            size="small"
            dataSource={report.label.explanation.dimensions}
            rowKey="dimension"
            renderItem={(d) => <List.Item>{english ? d.explanation.en : d.explanation.zh}</List.Item>}
          />
        </Card>
      )}
      <Card size="small" title={t('bankCarbon.factorsTitle')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 560 }}
          dataSource={report.factors}
          columns={[
            { title: t('factors.id'), dataIndex: 'id', render: (id: string) => <code>{id}</code> },
            { title: t('factors.value'), key: 'v', render: (_, f) => `${f.value} ${f.unit}` },
            { title: t('factors.year'), dataIndex: 'year' },
            { title: t('factors.source'), dataIndex: 'source', ellipsis: true },
          ]}
        />
      </Card>
    </Flex>
  );
}
