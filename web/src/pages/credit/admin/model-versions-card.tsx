import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { fetchModelVersions, type ModelVersion, type ScoreModel } from '../../../api/credit-admin';
import { PageError } from '../../../app/page-error';
import { tierColour } from '../credit-charts';
import { formatDate, formatDateTime } from '../credit-format';
import { useNameOf } from '../use-name-of';

/** 评分模型版本: which version is in force, its base, range, tiers and each dimension's weight, cap and floor. */
export function ModelVersionsCard() {
  const { t, i18n } = useTranslation();
  const versions = useQuery({
    queryKey: ['credit', 'models'],
    queryFn: ({ signal }) => fetchModelVersions(signal),
    retry: false,
  });
  const restricted = versions.error instanceof ApiError && versions.error.status === 403;
  return (
    <Card
      title={t('credit.admin.modelsTitle')}
      size="small"
      loading={versions.isPending}
      data-testid="credit-models"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={
          <>
            {t('credit.admin.activateBefore')}{' '}
            <Typography.Text code>sanqu credit recompute --model &lt;version&gt;</Typography.Text>{' '}
            {t('credit.admin.activateAfter')}
          </>
        }
      />
      {restricted ? (
        <Alert type="warning" showIcon title={t('credit.admin.modelsRestricted')} />
      ) : versions.error ? (
        <PageError error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        versions.data && (
          <Table<ModelVersion>
            size="small"
            rowKey="version"
            dataSource={versions.data}
            pagination={false}
            scroll={{ x: 720 }}
            expandable={{
              expandedRowRender: (v) => <ModelFigures model={v.model} />,
              // Mounted once the versions are in, so the one in force opens with its figures.
              defaultExpandedRowKeys: versions.data.filter((v) => v.active).map((v) => v.version),
            }}
            columns={[
              { title: t('credit.admin.version'), dataIndex: 'version', width: 90 },
              {
                title: '',
                dataIndex: 'active',
                width: 90,
                render: (active: boolean) =>
                  active ? (
                    <Tag color="green" data-testid="model-in-force">
                      {t('credit.admin.inForce')}
                    </Tag>
                  ) : (
                    <Tag>{t('credit.admin.notInForce')}</Tag>
                  ),
              },
              { title: t('credit.admin.base'), key: 'base', width: 80, render: (_, v) => v.model.base },
              {
                title: t('credit.admin.range'),
                key: 'range',
                width: 100,
                render: (_, v) => `${v.model.min}–${v.model.max}`,
              },
              {
                title: t('credit.admin.publishedOn'),
                key: 'published',
                width: 130,
                render: (_, v) => formatDate(v.model.publishedOn, i18n.language),
              },
              {
                title: t('credit.admin.basis'),
                key: 'basis',
                render: (_, v) =>
                  t(`credit.admin.bases.${v.model.basis}` as 'credit.admin.bases.assumption', {
                    defaultValue: v.model.basis,
                  }),
              },
              {
                title: t('credit.admin.activatedAt'),
                dataIndex: 'activatedAt',
                width: 160,
                render: (at: string | null) => (at ? formatDateTime(at, i18n.language) : t('common.none')),
              },
            ]}
          />
        )
      )}
    </Card>
  );
}

/** One version's dimensions and tiers side by side (stacked on a phone). */
function ModelFigures({ model }: { model: ScoreModel }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  return (
    <Flex gap={16} wrap>
      <Table
        style={{ flex: '2 1 360px', minWidth: 0 }}
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={model.dimensions}
        data-testid="model-dimensions"
        columns={[
          { title: t('credit.admin.dimension'), key: 'name', render: (_, d) => nameOf(d) },
          { title: t('credit.admin.weight'), dataIndex: 'weight', align: 'right' },
          { title: t('credit.admin.cap'), dataIndex: 'cap', align: 'right' },
          { title: t('credit.admin.floor'), dataIndex: 'floor', align: 'right' },
        ]}
      />
      <Table
        style={{ flex: '1 1 220px', minWidth: 0 }}
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={model.tiers}
        columns={[
          {
            title: t('credit.admin.tiers'),
            key: 'name',
            render: (_, tier, i) => (
              <Tag color={tierColour(i)} style={{ color: '#262626' }}>
                {nameOf(tier)}
              </Tag>
            ),
          },
          { title: t('credit.admin.tierMin'), dataIndex: 'min', align: 'right' },
        ]}
      />
    </Flex>
  );
}
