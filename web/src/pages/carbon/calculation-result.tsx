import { Alert, Card, Flex, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppliedFactor, CalculationLine, CalculationResult, CarbonLevel } from '../../api/carbon';
import { unitLabel } from './activity-units';
import { formatNumber } from './format';

/** The server sends the level as its Chinese word; this maps it to a translation key and a tag colour. */
const LEVELS: Record<CarbonLevel, { key: 'low' | 'medium' | 'high'; color: string }> = {
  低碳: { key: 'low', color: 'green' },
  中碳: { key: 'medium', color: 'gold' },
  高碳: { key: 'high', color: 'red' },
};

/** A figure that is not there yet (no value added): small grey text instead of a big number. */
const MUTED = { content: { fontSize: 14, color: 'rgba(0, 0, 0, 0.45)' } };

/** Total, intensity and level of a calculation, and every line with the factor behind it. */
export function CalculationResultCard({ result }: { result: CalculationResult }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const level = result.level ? LEVELS[result.level] : null;
  const columns: TableColumnsType<CalculationLine & { key: number }> = [
    {
      key: 'activity',
      title: t('calculator.result.columns.activity'),
      width: 150,
      render: (_, line) => (
        <Flex vertical gap={2}>
          {t(`calculator.kinds.${line.kind}`)}
          {line.assumption && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('calculator.result.assumption', { text: line.assumption })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'amount',
      title: t('calculator.result.columns.amount'),
      align: 'right',
      width: 120,
      render: (_, line) => `${formatNumber(line.amount, language)} ${unitLabel(line.unit, language)}`,
    },
    {
      key: 'emissions',
      title: t('calculator.result.columns.emissions'),
      align: 'right',
      width: 110,
      render: (_, line) => formatNumber(line.tonnes, language),
    },
    {
      key: 'factor',
      title: t('calculator.result.columns.factor'),
      width: 230,
      render: (_, line) => <FactorCell factor={line.factor} />,
    },
    {
      key: 'source',
      title: t('calculator.result.columns.source'),
      width: 260,
      render: (_, line) => (
        <Typography.Text style={{ fontSize: 12 }}>
          {line.factor.source}
          {line.factor.year !== null && ` (${t('calculator.result.year', { year: line.factor.year })})`}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Card title={t('calculator.result.title')} size="small" data-testid="calculation-result">
      <Typography.Paragraph type="secondary">
        {t('calculator.result.periodAndGrid', {
          period: result.period,
          grid: t(`calculator.grids.${result.gridFactor}`),
        })}
      </Typography.Paragraph>
      <div className="calculation-figures">
        <div>
          <Statistic
            title={t('calculator.result.total')}
            value={result.totalTonnes}
            precision={2}
            suffix={t('calculator.result.tonnes')}
            data-testid="total-tonnes"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('calculator.result.exact', { grams: formatNumber(result.totalGrams, language, 0) })}
          </Typography.Text>
        </div>
        <Statistic
          title={t('calculator.result.intensity')}
          value={result.intensity ?? t('calculator.result.noIntensity')}
          precision={result.intensity === null ? undefined : 4}
          suffix={result.intensity === null ? undefined : t('calculator.result.intensityUnit')}
          styles={result.intensity === null ? MUTED : undefined}
          data-testid="intensity"
        />
        <Statistic
          title={t('calculator.result.level')}
          value={level ? t(`carbon.levels.${level.key}`) : t('calculator.result.noIntensity')}
          styles={level ? undefined : MUTED}
          valueRender={(text) =>
            level ? (
              <Tag color={level.color} className="carbon-level" data-testid="level">
                {text}
              </Tag>
            ) : (
              text
            )
          }
        />
      </div>
      {result.fallback && (
        <Alert
          type="info"
          showIcon
          title={t('calculator.result.fallbackNotice')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<CalculationLine & { key: number }>
        size="small"
        columns={columns}
        dataSource={result.lines.map((line, index) => ({ ...line, key: index }))}
        pagination={false}
        scroll={{ x: 870 }}
        data-testid="calculation-lines"
      />
    </Card>
  );
}

/** Factor id, value and unit; a tag and the reason, in the page's language, when an earlier year stood in. */
function FactorCell({ factor }: { factor: AppliedFactor }) {
  const { t, i18n } = useTranslation();
  const reason =
    i18n.language === 'en' ? factor.fallbackReason : (factor.fallbackReasonZh ?? factor.fallbackReason);
  return (
    <Flex vertical gap={2} align="flex-start">
      {factor.id.split('+').map((id) => (
        <span key={id} className="factor-id" data-testid="factor-id">
          {id}
        </span>
      ))}
      <span>
        {formatNumber(factor.value, i18n.language)} {unitLabel(factor.unit, i18n.language)}
      </span>
      {factor.fallback && (
        <>
          <Tag color="orange" data-testid="factor-fallback">
            {t('calculator.result.fallbackTag')}
          </Tag>
          {reason && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {reason}
            </Typography.Text>
          )}
        </>
      )}
    </Flex>
  );
}
