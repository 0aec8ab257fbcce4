import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../app/echart';
import { PageError } from '../../../app/page-error';
import { historyOption } from '../credit-charts';
import { myHistoryQuery } from '../credit-queries';

/** 分数变化: the score at every change (records added, decisions, recomputes under a new model). */
export function HistoryCard() {
  const { t } = useTranslation();
  const history = useQuery(myHistoryQuery);
  const series = t('credit.me.historySeries');
  const option = useMemo(() => history.data && historyOption(history.data, series), [history.data, series]);
  return (
    <Card
      title={t('credit.me.historyTitle')}
      size="small"
      loading={history.isPending}
      data-testid="credit-history"
    >
      {history.error && <PageError error={history.error} onRetry={() => void history.refetch()} />}
      {option && (
        <EChart
          option={option}
          height={220}
          label={t('credit.me.historyLabel')}
          testId="credit-history-chart"
        />
      )}
    </Card>
  );
}
