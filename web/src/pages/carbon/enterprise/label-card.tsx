import { Card, Descriptions, Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnterpriseMonth } from '../../../api/carbon-industrial';
import { formatNumber } from '../format';
import { LabelTag } from './label-tag';

/** The latest closed month's four-colour label, 碳效码 grade, and each dimension's part in the label. */
export function LabelCard({ months }: { months: readonly EnterpriseMonth[] }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const latest = [...months].reverse().find((m) => m.status === 'closed' && m.label && m.explanation);
  if (!latest?.label || !latest.explanation)
    return (
      <Card title={t('enterpriseCarbon.labelTitle')} size="small">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterpriseCarbon.noLabel')} />
      </Card>
    );
  const n = (x: number | null, digits = 4) =>
    x === null ? t('common.none') : formatNumber(x, i18n.language, digits);
  return (
    <Card
      title={t('enterpriseCarbon.labelTitle')}
      size="small"
      extra={t('enterpriseCarbon.labelPeriod', { period: latest.period })}
      data-testid="label-card"
    >
      <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <span style={{ fontSize: 24 }}>
          <LabelTag label={latest.label} />
        </span>
        <Typography.Text data-testid="label-summary">
          {english ? latest.explanation.explanation.en : latest.explanation.explanation.zh}
        </Typography.Text>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 4 }}
        items={[
          { key: 'grade', label: t('enterpriseCarbon.grade'), children: latest.grade ?? t('common.none') },
          { key: 'level', label: t('enterpriseCarbon.level'), children: latest.level ?? t('common.none') },
          { key: 'intensity', label: t('enterpriseCarbon.intensity'), children: n(latest.intensity) },
          { key: 'k', label: 'K', children: n(latest.k) },
        ]}
      />
      <List
        size="small"
        header={<Typography.Text strong>{t('enterpriseCarbon.why')}</Typography.Text>}
        dataSource={latest.explanation.dimensions}
        rowKey="dimension"
        renderItem={(d) => (
          <List.Item data-testid={`dimension-${d.dimension}`}>
            {english ? d.explanation.en : d.explanation.zh}
          </List.Item>
        )}
      />
      <Typography.Text type="secondary">
        {t('enterpriseCarbon.thresholds', { version: latest.explanation.thresholdsVersion })}
      </Typography.Text>
    </Card>
  );
}
