import { useQuery } from '@tanstack/react-query';
import { Card, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageError } from '../../app/page-error';
import { myPointsBalanceQuery } from './carbon-queries';
import { POINTS_RULES } from './points-rules';

/** The resident's carbon-points balance as a big number, and what a point is worth (and is not). */
export function PointsCard() {
  const { t } = useTranslation();
  const { data: balance, error, isPending, refetch } = useQuery(myPointsBalanceQuery);
  return (
    <Card title={t('myCarbon.pointsTitle')} size="small" data-testid="points-card">
      {error ? (
        <PageError error={error} onRetry={() => void refetch()} />
      ) : (
        <Statistic
          title={t('myCarbon.balance')}
          value={balance ?? 0}
          loading={isPending}
          suffix={t('myCarbon.pointsUnit')}
          className="carbon-points"
          data-testid="points-balance"
        />
      )}
      {balance === 0 && (
        <Typography.Paragraph type="secondary">{t('myCarbon.noPointsYet')}</Typography.Paragraph>
      )}
      <Typography.Text strong>{t('myCarbon.rulesTitle')}</Typography.Text>
      <ul className="carbon-list" data-testid="points-rules">
        <li>{t('myCarbon.rules.value', { months: POINTS_RULES.expiryMonths })}</li>
        <li>{t('myCarbon.rules.rate', { grams: POINTS_RULES.gramsPerPoint })}</li>
      </ul>
    </Card>
  );
}
