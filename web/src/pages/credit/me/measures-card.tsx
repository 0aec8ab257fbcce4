import { useQuery } from '@tanstack/react-query';
import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageError } from '../../../app/page-error';
import { myMeasuresQuery, myScoreQuery } from '../credit-queries';
import { useNameOf } from '../use-name-of';

/** 守信激励: each perk, who provides it, the tier it needs, and whether the resident qualifies now. */
export function MeasuresCard() {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const measures = useQuery(myMeasuresQuery);
  const { data: score } = useQuery(myScoreQuery);
  const tierName = (code: string) => {
    const tier = score?.tiers.find((x) => x.code === code);
    return tier ? nameOf(tier) : code;
  };
  return (
    <Card title={t('credit.me.measuresTitle')} size="small" data-testid="credit-measures">
      <Typography.Paragraph type="secondary">{t('credit.me.measuresIntro')}</Typography.Paragraph>
      {measures.error ? (
        <PageError error={measures.error} onRetry={() => void measures.refetch()} />
      ) : (
        <List
          size="small"
          loading={measures.isPending}
          // Perks the resident has now first, so the list starts with what they can use.
          dataSource={[...(measures.data ?? [])].sort(
            (a, b) => Number(b.qualifies ?? false) - Number(a.qualifies ?? false),
          )}
          pagination={{ pageSize: 6, size: 'small', hideOnSinglePage: true }}
          rowKey="id"
          locale={{ emptyText: t('credit.me.measuresNone') }}
          renderItem={(m) => (
            <List.Item data-testid="credit-measure">
              <List.Item.Meta
                title={
                  <>
                    {nameOf(m.name)}{' '}
                    {m.qualifies === undefined ? null : m.qualifies ? (
                      <Tag color="green">{t('credit.me.qualifies')}</Tag>
                    ) : (
                      <Tag>{t('credit.me.notYet')}</Tag>
                    )}
                  </>
                }
                description={
                  <>
                    <div>{nameOf(m.benefit)}</div>
                    <Typography.Text type="secondary">
                      {nameOf(m.provider)} · {t(`credit.me.measureKinds.${m.kind}`)} ·{' '}
                      {t('credit.me.tierNeeded', { tier: tierName(m.minTier) })}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
