import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchMyBehaviourSummary, fetchMyBehaviours } from '../../api/carbon-behaviours';
import { PageError } from '../../app/page-error';
import { formatDay, formatNumber } from './format';

/** Grams as kilograms with one decimal: 2,802 g reads better as 2.8 kg on a phone. */
const kilograms = (grams: number, language: string) => formatNumber(grams / 1000, language, 1);

/** 减排量与绿色行为记录: reductions this month and in all, then every credited behaviour, newest first. */
export function BehavioursCard() {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const summary = useQuery({
    queryKey: ['carbon', 'behaviours', 'me', 'summary'],
    queryFn: ({ signal }) => fetchMyBehaviourSummary(signal),
  });
  const history = useInfiniteQuery({
    queryKey: ['carbon', 'behaviours', 'me'],
    queryFn: ({ pageParam, signal }) => fetchMyBehaviours(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
  const events = history.data?.pages.flatMap((p) => p.items) ?? [];
  if (summary.error || history.error) {
    const error = (summary.error ?? history.error) as Error;
    return (
      <Card title={t('behaviours.title')} size="small">
        <PageError error={error} onRetry={() => void Promise.all([summary.refetch(), history.refetch()])} />
      </Card>
    );
  }
  return (
    <Card title={t('behaviours.title')} size="small" data-testid="behaviours-card">
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={12}>
          <Statistic
            title={t('behaviours.thisMonth')}
            loading={summary.isPending}
            value={kilograms(summary.data?.thisMonth.grams ?? 0, i18n.language)}
            suffix="kg CO₂e"
            data-testid="reduction-month"
          />
        </Col>
        <Col span={12}>
          <Statistic
            title={t('behaviours.allTime')}
            loading={summary.isPending}
            value={kilograms(summary.data?.allTime.grams ?? 0, i18n.language)}
            suffix="kg CO₂e"
            data-testid="reduction-all"
          />
        </Col>
      </Row>
      <List
        size="small"
        loading={history.isPending}
        dataSource={events}
        rowKey="eventId"
        locale={{ emptyText: <Empty description={t('behaviours.none')} /> }}
        renderItem={(e) => (
          <List.Item
            data-testid="behaviour-row"
            extra={<Typography.Text strong>+{e.points}</Typography.Text>}
          >
            <List.Item.Meta
              title={
                <>
                  {english ? e.name.en : e.name.zh} {formatNumber(e.amount, i18n.language, 3)}{' '}
                  {t(`behaviours.units.${e.unit}`, { defaultValue: e.unit })}
                  {e.capped && <Tag style={{ marginInlineStart: 6 }}>{t('behaviours.capped')}</Tag>}
                  {e.reversed && <Tag color="red">{t('behaviours.reversed')}</Tag>}
                  {e.pending && <Tag color="blue">{t('behaviours.pending')}</Tag>}
                </>
              }
              description={`${formatDay(e.occurredAt, i18n.language)} · ${t('behaviours.reduced', {
                grams: formatNumber(e.grams, i18n.language, 0),
              })}`}
            />
          </List.Item>
        )}
      />
      {history.hasNextPage && (
        <Button block onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
          {t('behaviours.more')}
        </Button>
      )}
    </Card>
  );
}
