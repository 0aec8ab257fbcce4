import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageError } from '../../app/page-error';
import { myNotificationsQuery, myScoreQuery } from './credit-queries';
import { CreditConsentsCard } from './me/consents-card';
import { CreditDataAccessCard } from './me/data-access-card';
import { DimensionsCard } from './me/dimensions-card';
import { DisputesCard } from './me/disputes-card';
import { ExplanationCard } from './me/explanation-card';
import { HistoryCard } from './me/history-card';
import { MeasuresCard } from './me/measures-card';
import { NotificationsCard } from './me/notifications-card';
import { RecordsCard } from './me/records-card';
import { ScoreCard } from './me/score-card';
import './credit.css';

/**
 * /me/credit (我的信安分): the score on a dial, then tabs a phone can hold: why this score, the records with
 * disputes and repairs, perks and who may check them, and messages with the data-access log.
 */
export default function MyCreditPage() {
  const { t } = useTranslation();
  const score = useQuery(myScoreQuery);
  const { data: messages = [] } = useQuery(myNotificationsQuery);
  const unread = messages.filter((m) => !m.read).length;
  return (
    <Flex vertical gap={16} className="credit-page">
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('credit.me.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('credit.me.intro')}</Typography.Paragraph>
      </div>
      {score.error ? (
        <PageError error={score.error} onRetry={() => void score.refetch()} />
      ) : score.data ? (
        <ScoreCard score={score.data} />
      ) : (
        <Card size="small" loading />
      )}
      <Tabs
        items={[
          {
            key: 'explain',
            label: t('credit.me.tabs.explain'),
            children: score.data && (
              <Flex vertical gap={16}>
                <DimensionsCard score={score.data} />
                <HistoryCard />
                <ExplanationCard score={score.data} />
              </Flex>
            ),
          },
          {
            key: 'records',
            label: t('credit.me.tabs.records'),
            children: (
              <Flex vertical gap={16}>
                <RecordsCard />
                <DisputesCard />
              </Flex>
            ),
          },
          {
            key: 'perks',
            label: t('credit.me.tabs.perks'),
            children: (
              <Flex vertical gap={16}>
                <MeasuresCard />
                <CreditConsentsCard />
              </Flex>
            ),
          },
          {
            key: 'messages',
            label: (
              <Badge count={unread} size="small" offset={[6, -2]}>
                {t('credit.me.tabs.messages')}
              </Badge>
            ),
            children: (
              <Flex vertical gap={16}>
                <NotificationsCard />
                <CreditDataAccessCard />
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
