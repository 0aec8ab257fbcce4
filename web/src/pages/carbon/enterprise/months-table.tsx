import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnterpriseMonth } from '../../../api/carbon-industrial';
import { formatNumber } from '../format';
import { LabelTag } from './label-tag';

/** The twelve months as figures: what the chart draws, for reading and copying. */
export function MonthsTable({ months }: { months: readonly EnterpriseMonth[] }) {
  const { t, i18n } = useTranslation();
  const n = (x: number | null, digits: number) =>
    x === null ? t('common.none') : formatNumber(x, i18n.language, digits);
  return (
    <Table<EnterpriseMonth>
      size="small"
      rowKey="period"
      pagination={false}
      scroll={{ x: 720 }}
      dataSource={[...months].reverse()}
      columns={[
        { title: t('enterpriseCarbon.period'), dataIndex: 'period', width: 90 },
        {
          title: t('enterpriseCarbon.status'),
          dataIndex: 'status',
          width: 90,
          render: (status: EnterpriseMonth['status'], m) => (
            <>
              <Tag color={status === 'closed' ? 'green' : 'default'}>
                {t(`enterpriseCarbon.statuses.${status}`)}
              </Tag>
              {m.unconfirmedRows > 0 && (
                <Tag color="orange">{t('enterpriseCarbon.unconfirmed', { count: m.unconfirmedRows })}</Tag>
              )}
            </>
          ),
        },
        {
          title: t('enterpriseCarbon.totalTonnes'),
          key: 'total',
          align: 'right',
          render: (_, m) => n(m.totalTonnes, 2),
        },
        {
          title: t('enterpriseCarbon.intensity'),
          key: 'l',
          align: 'right',
          render: (_, m) => n(m.intensity, 4),
        },
        {
          title: t('enterpriseCarbon.industryAverage'),
          key: 'avg',
          align: 'right',
          render: (_, m) => n(m.industryAverage, 4),
        },
        {
          title: t('enterpriseCarbon.grade'),
          dataIndex: 'grade',
          width: 60,
          render: (g: number | null) => g ?? t('common.none'),
        },
        {
          title: t('enterpriseCarbon.label'),
          dataIndex: 'label',
          width: 70,
          render: (label: EnterpriseMonth['label']) =>
            label ? <LabelTag label={label} /> : t('common.none'),
        },
      ]}
    />
  );
}
