import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BehavioursCard } from './behaviours-card';
import { CarbonAccountCard } from './carbon-account-card';
import { PointsCard } from './points-card';
import { RedemptionsCard } from './redemptions-card';
import { RewardsCard } from './rewards-card';
import './carbon.css';

/** /me/carbon (我的碳账户): the resident's account, points balance and where the data comes from. */
export default function MyCarbonAccountPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} className="carbon-page">
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('myCarbon.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('myCarbon.intro')}</Typography.Paragraph>
      </div>
      <CarbonAccountCard title={t('carbon.account.title')} />
      <PointsCard />
      <BehavioursCard />
      <RewardsCard />
      <RedemptionsCard />
      <Card title={t('myCarbon.sourcesTitle')} size="small" data-testid="behaviour-sources">
        <Typography.Paragraph>{t('myCarbon.sources')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('myCarbon.sourcesRules')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
