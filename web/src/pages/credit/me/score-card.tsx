import { Card, Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditScore } from '../../../api/credit';
import { EChart } from '../../../app/echart';
import { gaugeOption, tierColour } from '../credit-charts';
import { formatInstantDay } from '../credit-format';
import { useNameOf } from '../use-name-of';

/** The score on a dial banded by tier, its tier, the model it was computed under, and the tiers' ranges. */
export function ScoreCard({ score }: { score: CreditScore }) {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const tierName = nameOf(score.tierName);
  const tierIndex = Math.max(
    0,
    score.tiers.findIndex((tier) => tier.code === score.tier),
  );
  const option = useMemo(() => gaugeOption(score.score, score.tiers, score.range), [score]);
  return (
    <Card title={t('credit.me.scoreTitle')} size="small" data-testid="credit-score-card">
      <EChart
        option={option}
        height={200}
        label={t('credit.me.gaugeLabel', { score: score.score, tier: tierName })}
        testId="credit-gauge"
      />
      <Flex vertical align="center" gap={4}>
        <Typography.Text strong className="credit-score" data-testid="credit-score">
          {score.score}
        </Typography.Text>
        <Tag color={tierColour(tierIndex)} className="credit-tier" data-testid="credit-tier">
          {tierName}
        </Tag>
        <Typography.Text type="secondary">
          {t('credit.me.modelLine', {
            version: score.modelVersion,
            date: formatInstantDay(score.computedAt, i18n.language),
          })}
        </Typography.Text>
        {!score.stored && <Typography.Text type="secondary">{t('credit.me.notStored')}</Typography.Text>}
      </Flex>
      <Flex wrap gap={4} justify="center" style={{ marginTop: 12 }} aria-label={t('credit.me.tiersLegend')}>
        {score.tiers.map((tier, i) => (
          <Tag key={tier.code} color={tierColour(i)} style={{ color: '#262626', marginInlineEnd: 0 }}>
            {t('credit.me.tierRange', {
              name: nameOf(tier),
              from: tier.min,
              to: (score.tiers[i + 1]?.min ?? score.range.max + 1) - 1,
            })}
          </Tag>
        ))}
      </Flex>
    </Card>
  );
}
