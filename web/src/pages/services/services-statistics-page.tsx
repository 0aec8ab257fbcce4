import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Input, Row, Select, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALLIANCE_CITIES } from '../../api/services';
import { fetchStatistics, type StatisticsGroup, statisticsXlsxUrl } from '../../api/services-workbench';
import { EChart } from '../../app/echart';
import { PageError } from '../../app/page-error';
import { useCurrentUser } from '../../auth/use-current-user';
import { shanghaiToday } from '../credit/credit-format';
import { percent } from './services-format';
import { countiesQuery } from './services-queries';
import {
  type ChartLabels,
  groupBarOption,
  onTimeRate,
  visitsPieOption,
} from './statistics/statistics-charts';
import { useServicesNames } from './use-services-names';
import './services.css';

/**
 * /workbench/services/statistics (一网通办统计), also /audit/services/statistics: visits per case (0, 1, more) and
 * broken promises, on-time rate and mean working days by department and city, 跨省通办 city pairs, for a date range,
 * with the Excel export of the same figures.
 */
export default function ServicesStatisticsPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const names = useServicesNames();
  const today = shanghaiToday();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const chooseDivision = user.role !== 'officer';
  const [division, setDivision] = useState<string>(user.divisionCode ?? '330800');
  const query = {
    from,
    to,
    division: chooseDivision ? division : (user.divisionCode ?? undefined),
  };
  const stats = useQuery({
    queryKey: ['services', 'statistics', query],
    queryFn: ({ signal }) => fetchStatistics(query, signal),
    retry: false,
  });
  const labels: ChartLabels = useMemo(
    () => ({
      zero: t('services.statistics.zero'),
      one: t('services.statistics.one'),
      more: t('services.statistics.more'),
      onTimeRate: t('services.statistics.onTimeRate'),
      averageDays: t('services.statistics.averageDays'),
    }),
    [t],
  );
  const data = stats.data;
  const pie = useMemo(() => data && visitsPieOption(data.visits, labels), [data, labels]);
  const byDepartment = useMemo(
    () => data && groupBarOption(data.byDepartment, (key) => names.department(key) ?? key, labels),
    [data, labels, names],
  );
  const byCity = useMemo(
    () => data && groupBarOption(data.byCity, names.division, labels),
    [data, labels, names],
  );
  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const groupColumns = (title: string, nameOf: (key: string) => string) => [
    { title, dataIndex: 'key', render: (key: string) => nameOf(key) },
    { title: t('services.statistics.cases'), dataIndex: 'cases', align: 'right' as const },
    { title: t('services.statistics.decided'), dataIndex: 'decided', align: 'right' as const },
    {
      title: t('services.statistics.onTimeRate'),
      key: 'rate',
      align: 'right' as const,
      render: (_: unknown, g: StatisticsGroup) => {
        const rate = onTimeRate(g);
        return rate === null ? t('common.none') : `${rate}%`;
      },
    },
    {
      title: t('services.statistics.averageDays'),
      dataIndex: 'averageWorkingDays',
      align: 'right' as const,
      render: (v: number | null) => (v === null ? t('common.none') : v.toFixed(2)),
    },
  ];
  const quzhouCounties = useQuery({ ...countiesQuery('330800'), enabled: chooseDivision }).data ?? [];
  const divisions = [...ALLIANCE_CITIES, ...quzhouCounties.map((county) => county.code)];
  return (
    <Flex vertical gap={16} className="services-page services-page--wide">
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('services.statistics.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('services.statistics.intro')}
        </Typography.Paragraph>
      </div>
      <Flex gap={8} wrap align="center">
        {chooseDivision ? (
          <Select
            aria-label={t('services.statistics.division')}
            value={division}
            onChange={setDivision}
            style={{ minWidth: 140 }}
            options={divisions.map((code) => ({ value: code, label: names.division(code) }))}
          />
        ) : (
          <Typography.Text strong>{names.division(user.divisionCode ?? '')}</Typography.Text>
        )}
        <Flex gap={4} align="center" data-testid="statistics-range">
          <Input
            type="date"
            aria-label={t('services.statistics.from')}
            value={from}
            max={to}
            onChange={(e) => e.target.value && setFrom(e.target.value)}
            style={{ width: 150 }}
          />
          <span>–</span>
          <Input
            type="date"
            aria-label={t('services.statistics.to')}
            value={to}
            min={from}
            onChange={(e) => e.target.value && setTo(e.target.value)}
            style={{ width: 150 }}
          />
        </Flex>
        <Button href={statisticsXlsxUrl(query)} disabled={!data} data-testid="statistics-export">
          {t('services.statistics.export')}
        </Button>
      </Flex>
      {stats.error && <PageError error={stats.error} onRetry={() => void stats.refetch()} />}
      <Card size="small" loading={stats.isPending} data-testid="statistics-totals">
        {data && (
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Statistic title={t('services.statistics.cases')} value={number(data.cases)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('services.statistics.decided')} value={number(data.decided)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('services.statistics.onTimeRate')}
                value={percent(data.onTime, data.decided) ?? t('common.none')}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('services.statistics.overPromise')}
                value={number(data.visits.overPromise)}
                valueStyle={data.visits.overPromise > 0 ? { color: '#cf1322' } : undefined}
              />
            </Col>
          </Row>
        )}
      </Card>
      {data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('services.statistics.visitsTitle')}>
              {pie && (
                <EChart
                  option={pie}
                  height={300}
                  label={t('services.statistics.visitsTitle')}
                  testId="statistics-visits-chart"
                />
              )}
              <Typography.Text type="secondary">
                {t('services.statistics.overPromiseNote', { count: data.visits.overPromise })}
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('services.statistics.byDepartment')}>
              {byDepartment && (
                <EChart
                  option={byDepartment}
                  height={300}
                  label={t('services.statistics.byDepartment')}
                  testId="statistics-department-chart"
                />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('services.statistics.byCity')}>
              {byCity && (
                <EChart
                  option={byCity}
                  height={280}
                  label={t('services.statistics.byCity')}
                  testId="statistics-city-chart"
                />
              )}
              <Table<StatisticsGroup>
                size="small"
                rowKey="key"
                dataSource={data.byCity}
                pagination={false}
                scroll={{ x: 480 }}
                columns={groupColumns(t('services.statistics.city'), names.division)}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('services.statistics.cityPairs')}>
              <Table
                size="small"
                rowKey={(r) => `${r.receivingCity}-${r.handlingCity}-${r.mode}`}
                dataSource={data.cityPairs}
                pagination={false}
                scroll={{ x: 420 }}
                data-testid="statistics-city-pairs"
                columns={[
                  {
                    title: t('services.statistics.receivingCity'),
                    dataIndex: 'receivingCity',
                    render: names.division,
                  },
                  {
                    title: t('services.statistics.handlingCity'),
                    dataIndex: 'handlingCity',
                    render: names.division,
                  },
                  {
                    title: t('services.statistics.mode'),
                    dataIndex: 'mode',
                    render: (mode: string) =>
                      t(`services.modes.${mode}` as 'services.modes.local', { defaultValue: mode }),
                  },
                  { title: t('services.statistics.cases'), dataIndex: 'cases', align: 'right' },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title={t('services.statistics.departmentTable')}>
              <Table<StatisticsGroup>
                size="small"
                rowKey="key"
                dataSource={data.byDepartment}
                pagination={false}
                scroll={{ x: 480 }}
                columns={groupColumns(
                  t('services.statistics.department'),
                  (key) => names.department(key) ?? key,
                )}
              />
            </Card>
          </Col>
        </Row>
      )}
    </Flex>
  );
}
