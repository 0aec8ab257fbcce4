import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageError } from '../../app/page-error';
import { myRedemptionsQuery, rewardsQuery } from './carbon-queries';
import { formatDay, formatNumber } from './format';

/** 兑换记录: what the resident has redeemed, newest first. */
export function RedemptionsCard() {
  const { t, i18n } = useTranslation();
  const redemptions = useQuery(myRedemptionsQuery);
  const { data: rewards = [] } = useQuery(rewardsQuery);
  const english = i18n.language.startsWith('en');
  const nameOf = (code: string) => {
    const reward = rewards.find((r) => r.code === code);
    return reward ? (english ? reward.nameEn : reward.nameZh) : code;
  };
  return (
    <Card title={t('rewards.historyTitle')} size="small" data-testid="redemptions-card">
      {redemptions.error ? (
        <PageError error={redemptions.error} onRetry={() => void redemptions.refetch()} />
      ) : (
        <List
          loading={redemptions.isPending}
          dataSource={redemptions.data ?? []}
          rowKey="id"
          locale={{ emptyText: <Empty description={t('rewards.noRedemptions')} /> }}
          renderItem={(r) => (
            <List.Item data-testid="redemption-row">
              <List.Item.Meta
                title={`${nameOf(r.rewardCode)} × ${r.quantity}`}
                description={formatDay(r.createdAt, i18n.language)}
              />
              <Typography.Text>−{formatNumber(r.points, i18n.language)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
