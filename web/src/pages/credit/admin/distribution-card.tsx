import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditTier } from '../../../api/credit';
import {
  type Distribution,
  type DistributionRow,
  distributionXlsxUrl,
  fetchDistribution,
} from '../../../api/credit-admin';
import { EChart, type EChartOption } from '../../../app/echart';
import { PageError } from '../../../app/page-error';
import { tierColour } from '../credit-charts';
import { useNameOf } from '../use-name-of';

/** Counties in code order, each with its residents per tier. */
function byCounty(data: Distribution) {
  const counties = new Map<string, { name: string; residents: Map<string, number> }>();
  for (const row of [...data.rows].sort((a, b) => a.countyCode.localeCompare(b.countyCode))) {
    const county = counties.get(row.countyCode) ?? { name: row.countyName, residents: new Map() };
    county.residents.set(row.tier, row.residents);
    counties.set(row.countyCode, county);
  }
  return [...counties.values()];
}

/** Stacked horizontal bars: one bar per county, one segment per tier in the tier's colour. */
function stackedOption(data: Distribution, tierName: (tier: CreditTier) => string): EChartOption {
  const counties = byCounty(data);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: counties.map((c) => c.name), inverse: true },
    series: data.tiers.map((tier, i) => ({
      name: tierName(tier),
      type: 'bar',
      stack: 'tiers',
      itemStyle: { color: tierColour(i) },
      data: counties.map((c) => c.residents.get(tier.code) ?? 0),
    })),
  };
}

/** 信安分分布: residents by county and tier as a chart and a table, with the Excel export. */
export function DistributionCard() {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const distribution = useQuery({
    queryKey: ['credit', 'statistics', 'distribution'],
    queryFn: ({ signal }) => fetchDistribution(signal),
    retry: false,
  });
  const data = distribution.data;
  const option = useMemo(() => data && stackedOption(data, nameOf), [data, nameOf]);
  const tierIndex = new Map((data?.tiers ?? []).map((tier, i) => [tier.code, i]));
  const rows = [...(data?.rows ?? [])].sort(
    (a, b) =>
      a.countyCode.localeCompare(b.countyCode) || (tierIndex.get(a.tier) ?? 0) - (tierIndex.get(b.tier) ?? 0),
  );
  if (distribution.error)
    return <PageError error={distribution.error} onRetry={() => void distribution.refetch()} />;
  const number = (value: number, digits = 0) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(value);

  return (
    <Card
      title={t('credit.admin.distributionTitle', { version: data?.modelVersion ?? '…' })}
      size="small"
      loading={distribution.isPending}
      data-testid="credit-distribution"
      extra={
        <Button href={distributionXlsxUrl} data-testid="credit-export-xlsx" disabled={!data}>
          {t('credit.admin.export')}
        </Button>
      }
    >
      {data && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {data.tiers.map((tier) => (
              <Col key={tier.code} xs={12} sm={8} md={24 / Math.min(data.tiers.length, 6)}>
                <Statistic
                  title={nameOf(tier)}
                  value={number(
                    data.rows.filter((r) => r.tier === tier.code).reduce((sum, r) => sum + r.residents, 0),
                  )}
                />
              </Col>
            ))}
          </Row>
          {option && (
            <EChart
              option={option}
              height={Math.max(260, byCounty(data).length * 36 + 80)}
              label={t('credit.admin.chartLabel')}
              testId="credit-distribution-chart"
            />
          )}
          <Table<DistributionRow>
            style={{ marginTop: 12 }}
            size="small"
            rowKey={(r) => `${r.countyCode}:${r.tier}`}
            dataSource={rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 480 }}
            columns={[
              { title: t('credit.admin.county'), dataIndex: 'countyName' },
              {
                title: t('credit.admin.tier'),
                dataIndex: 'tier',
                render: (code: string) => {
                  const tier = data.tiers.find((x) => x.code === code);
                  return (
                    <Tag color={tierColour(tierIndex.get(code) ?? 0)} style={{ color: '#262626' }}>
                      {tier ? nameOf(tier) : code}
                    </Tag>
                  );
                },
              },
              {
                title: t('credit.admin.residents'),
                dataIndex: 'residents',
                align: 'right',
                render: (n: number) => number(n),
              },
              {
                title: t('credit.admin.average'),
                dataIndex: 'averageScore',
                align: 'right',
                render: (n: number) => number(n, 1),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
