import { Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreditScore } from '../../../api/credit';
import { formatPoints } from '../credit-format';
import { useNameOf } from '../use-name-of';

/** 影响最大的记录 and 如何提高: the records that moved the score most, and what would raise it by how much. */
export function ExplanationCard({ score }: { score: CreditScore }) {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const dimensionName = (code: string) => {
    const dimension = score.dimensions.find((d) => d.code === code);
    return dimension ? nameOf(dimension) : code;
  };
  return (
    <Flex vertical gap={16}>
      <Card title={t('credit.me.topRecordsTitle')} size="small" data-testid="credit-top-records">
        <List
          size="small"
          dataSource={score.topRecords}
          rowKey="id"
          locale={{ emptyText: t('credit.me.recordsNone') }}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta
                title={nameOf(r.typeName)}
                description={`${dimensionName(r.dimension)} · ${t('credit.me.strength', {
                  percent: Math.round(r.strength * 100),
                })}`}
              />
              <Typography.Text strong type={r.points < 0 ? 'warning' : 'success'}>
                {formatPoints(r.points, i18n.language)}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('credit.me.suggestionsTitle')} size="small" data-testid="credit-suggestions">
        <List
          size="small"
          dataSource={score.suggestions}
          rowKey={(s) => `${s.kind}:${s.recordId ?? s.type}`}
          locale={{ emptyText: t('credit.me.noSuggestions') }}
          renderItem={(s) => (
            <List.Item>
              <Typography.Text>
                {s.kind === 'repair'
                  ? t('credit.me.suggestRepair', { type: nameOf(s.typeName) })
                  : t('credit.me.suggestAdd', {
                      type: nameOf(s.typeName),
                      quantity: s.quantity ?? 1,
                      unit: nameOf(s.unit),
                    })}
              </Typography.Text>
              <Tag color="green">{t('credit.me.gain', { gain: s.gain })}</Tag>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
