import { Card, List, Progress, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditScore } from '../../../api/credit';
import { EChart } from '../../../app/echart';
import { radarOption } from '../credit-charts';
import { formatPoints } from '../credit-format';
import { useNameOf } from '../use-name-of';

/** 各维度得分: a radar of each dimension between its floor and cap, then each one's points in words. */
export function DimensionsCard({ score }: { score: CreditScore }) {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const option = useMemo(
    () =>
      radarOption(score.dimensions, nameOf, {
        score: t('credit.me.radarScore'),
        cap: t('credit.me.radarCap'),
      }),
    [score.dimensions, nameOf, t],
  );
  return (
    <Card title={t('credit.me.dimensionsTitle')} size="small" data-testid="credit-dimensions">
      <EChart option={option} height={300} label={t('credit.me.radarLabel')} testId="credit-radar" />
      <List
        size="small"
        dataSource={score.dimensions}
        rowKey="code"
        renderItem={(d) => {
          const span = d.cap + d.floor || 1;
          return (
            <List.Item data-testid={`dimension-${d.code}`}>
              <div style={{ width: '100%' }}>
                <Typography.Text strong>{nameOf(d)}</Typography.Text>{' '}
                <Typography.Text>{formatPoints(d.contribution, i18n.language)}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {[
                    d.cap > 0 ? t('credit.me.capPart', { cap: d.cap }) : null,
                    d.floor > 0 ? t('credit.me.floorPart', { floor: d.floor }) : null,
                  ]
                    .filter(Boolean)
                    .join(i18n.language.startsWith('en') ? ', ' : '，')}
                </Typography.Text>{' '}
                {d.limitedBy && <Tag>{t(`credit.me.limitedBy.${d.limitedBy}`)}</Tag>}
                <Progress
                  percent={Math.round(((d.contribution + d.floor) / span) * 100)}
                  showInfo={false}
                  size="small"
                  aria-hidden
                />
              </div>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
