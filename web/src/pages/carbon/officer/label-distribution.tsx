import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FourColourLabel } from '../../../api/carbon-industrial';
import {
  type EnterpriseResultRow,
  enterpriseResultsXlsxUrl,
  fetchEnterpriseResults,
  fetchLabelDistribution,
  type LabelCounts,
} from '../../../api/carbon-overview';
import { EChart, type EChartOption } from '../../../app/echart';
import { PageError } from '../../../app/page-error';
import { LABEL_COLOURS, LabelTag } from '../enterprise/label-tag';
import { formatNumber } from '../format';

const LABELS: FourColourLabel[] = ['深绿', '浅绿', '黄', '红'];

/** Stacked horizontal bars: one bar per county or industry division, one colour per label. */
function stackedOption(categories: string[], rows: LabelCounts[], unlabelled: string): EChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: categories, inverse: true },
    series: [
      ...LABELS.map((label) => ({
        name: label,
        type: 'bar',
        stack: 'labels',
        itemStyle: { color: LABEL_COLOURS[label].background },
        data: rows.map((r) => r[label]),
      })),
      {
        name: unlabelled,
        type: 'bar',
        stack: 'labels',
        itemStyle: { color: '#bfbfbf' },
        data: rows.map((r) => r.none),
      },
    ],
  };
}

/** 贴标分布: the latest closed month's labels by county and industry, the enterprises behind them, Excel export. */
export function LabelDistributionView() {
  const { t, i18n } = useTranslation();
  const [label, setLabel] = useState<FourColourLabel | undefined>();
  const [page, setPage] = useState(1);
  const distribution = useQuery({
    queryKey: ['carbon', 'overview'],
    queryFn: ({ signal }) => fetchLabelDistribution({}, signal),
    retry: false,
  });
  const period = distribution.data?.period;
  const results = useQuery({
    queryKey: ['carbon', 'overview', 'results', period, label, page],
    queryFn: ({ signal }) => fetchEnterpriseResults({ period, label, page, pageSize: 20 }, signal),
    enabled: period !== undefined,
    // A 403 (a department without access to enterprise figures) is an answer, not a hiccup to retry.
    retry: false,
  });
  const unlabelled = t('officerCarbon.unlabelled');
  const byCounty = useMemo(
    () =>
      distribution.data &&
      stackedOption(
        distribution.data.byCounty.map((c) => c.countyName),
        distribution.data.byCounty,
        unlabelled,
      ),
    [distribution.data, unlabelled],
  );
  const byIndustry = useMemo(
    () =>
      distribution.data &&
      stackedOption(
        distribution.data.byIndustry.map((d) => d.division),
        distribution.data.byIndustry,
        unlabelled,
      ),
    [distribution.data, unlabelled],
  );

  if (distribution.error)
    return (distribution.error as { status?: number }).status === 404 ? (
      <Alert type="info" showIcon title={t('officerCarbon.noClose')} />
    ) : (
      <PageError error={distribution.error} onRetry={() => void distribution.refetch()} />
    );
  const data = distribution.data;
  const n = (x: number | null, digits: number) =>
    x === null ? t('common.none') : formatNumber(x, i18n.language, digits);
  return (
    <Flex vertical gap={16} data-testid="label-distribution">
      <Typography.Text type="secondary">
        {t('officerCarbon.periodNote', { period: period ?? '…' })}
      </Typography.Text>
      <Row gutter={[12, 12]}>
        {LABELS.map((l) => (
          <Col key={l} xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={<LabelTag label={l} />}
                value={data?.total[l] ?? 0}
                loading={!data}
                data-testid={`total-${l}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('officerCarbon.byCounty')}>
            {byCounty && (
              <EChart
                option={byCounty}
                height={300}
                label={t('officerCarbon.byCounty')}
                testId="labels-by-county"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('officerCarbon.byIndustry')}>
            {byIndustry && (
              <EChart
                option={byIndustry}
                height={Math.max(300, (data?.byIndustry.length ?? 0) * 22 + 60)}
                label={t('officerCarbon.byIndustry')}
                testId="labels-by-industry"
              />
            )}
          </Card>
        </Col>
      </Row>
      {(results.error as { status?: number } | null)?.status === 403 ? (
        <Alert
          type="info"
          showIcon
          data-testid="enterprises-restricted"
          title={t('officerCarbon.restricted')}
        />
      ) : (
        <Card
          size="small"
          title={t('officerCarbon.enterprises')}
          extra={
            <Button
              href={enterpriseResultsXlsxUrl({ period, label })}
              data-testid="export-xlsx"
              disabled={!period}
            >
              {t('officerCarbon.export')}
            </Button>
          }
        >
          <Segmented
            style={{ marginBottom: 12 }}
            value={label ?? 'all'}
            onChange={(value) => {
              setLabel(value === 'all' ? undefined : (value as FourColourLabel));
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('officerCarbon.all') },
              ...LABELS.map((l) => ({ value: l, label: l })),
            ]}
          />
          <Table<EnterpriseResultRow>
            size="small"
            rowKey="uscc"
            loading={results.isPending}
            dataSource={results.data?.items ?? []}
            scroll={{ x: 820 }}
            pagination={{
              current: page,
              pageSize: 20,
              total: results.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              { title: t('officerCarbon.name'), dataIndex: 'name', width: 220 },
              {
                title: t('officerCarbon.industry'),
                key: 'industry',
                width: 180,
                render: (_, r) => `${r.industryCode} ${r.industryName}`,
              },
              {
                title: t('enterpriseCarbon.totalTonnes'),
                key: 't',
                align: 'right',
                render: (_, r) => n(r.tonnes, 2),
              },
              {
                title: t('enterpriseCarbon.intensity'),
                key: 'l',
                align: 'right',
                render: (_, r) => n(r.intensity, 4),
              },
              { title: 'K', key: 'k', align: 'right', render: (_, r) => n(r.k, 4) },
              { title: t('enterpriseCarbon.grade'), dataIndex: 'grade', width: 70 },
              {
                title: t('enterpriseCarbon.label'),
                dataIndex: 'label',
                width: 70,
                render: (l: FourColourLabel | null) => (l ? <LabelTag label={l} /> : t('common.none')),
              },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
