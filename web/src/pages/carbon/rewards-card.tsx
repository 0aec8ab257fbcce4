import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Reward, redeemReward } from '../../api/carbon-rewards';
import { PageError } from '../../app/page-error';
import { myPointsBalanceQuery, myRedemptionsQuery, rewardsQuery } from './carbon-queries';
import { formatNumber } from './format';

/** What the dialog is about to buy; the key is made once per dialog so a double click is one purchase. */
interface PendingRedemption {
  reward: Reward;
  idempotencyKey: string;
}

/** 积分兑换: the rewards the resident can buy with points, stock left, and a confirm-then-redeem dialog. */
export function RewardsCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const rewards = useQuery(rewardsQuery);
  const { data: balance = 0 } = useQuery(myPointsBalanceQuery);
  const [pending, setPending] = useState<PendingRedemption | null>(null);
  const english = i18n.language.startsWith('en');

  const redeem = useMutation({
    mutationFn: (p: PendingRedemption) => redeemReward(p.reward.code, 1, p.idempotencyKey),
    onSuccess: (_redemption, p) => {
      setPending(null);
      void message.success(t('rewards.redeemed', { name: english ? p.reward.nameEn : p.reward.nameZh }));
      for (const query of [myPointsBalanceQuery, myRedemptionsQuery, rewardsQuery])
        void client.invalidateQueries({ queryKey: query.queryKey });
    },
  });

  const open = (reward: Reward) => {
    redeem.reset();
    setPending({ reward, idempotencyKey: crypto.randomUUID() });
  };

  return (
    <Card title={t('rewards.title')} size="small" data-testid="rewards-card">
      {rewards.error ? (
        <PageError error={rewards.error} onRetry={() => void rewards.refetch()} />
      ) : (
        <List
          loading={rewards.isPending}
          dataSource={rewards.data ?? []}
          rowKey="code"
          renderItem={(reward) => {
            const short = reward.points > balance;
            const soldOut = reward.stockLeft === 0;
            return (
              <List.Item
                data-testid={`reward-${reward.code}`}
                actions={[
                  <Button
                    key="redeem"
                    size="small"
                    type="primary"
                    disabled={short || soldOut}
                    onClick={() => open(reward)}
                  >
                    {soldOut ? t('rewards.soldOut') : t('rewards.redeem')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={english ? reward.nameEn : reward.nameZh}
                  description={
                    <>
                      <Tag color="green">
                        {t('rewards.price', { points: formatNumber(reward.points, i18n.language) })}
                      </Tag>
                      <Typography.Text type="secondary">
                        {t('rewards.stock', { count: reward.stockLeft })} · {reward.partner}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
      <Modal
        open={pending !== null}
        title={t('rewards.confirmTitle')}
        okText={t('rewards.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={redeem.isPending}
        onOk={() => pending && redeem.mutate(pending)}
        onCancel={() => setPending(null)}
        destroyOnHidden
      >
        {pending && (
          <Typography.Paragraph data-testid="redeem-confirm-text">
            {t('rewards.confirmText', {
              name: english ? pending.reward.nameEn : pending.reward.nameZh,
              points: formatNumber(pending.reward.points, i18n.language),
              left: formatNumber(balance - pending.reward.points, i18n.language),
            })}
          </Typography.Paragraph>
        )}
        {redeem.error && (
          <Typography.Text type="danger" data-testid="redeem-error">
            {redeem.error.message}
          </Typography.Text>
        )}
      </Modal>
    </Card>
  );
}
