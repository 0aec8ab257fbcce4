import { useQuery } from '@tanstack/react-query';
import { Input, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EmissionFactor, fetchFactors } from '../../../api/carbon-factors';
import { PageError } from '../../../app/page-error';

export const factorsQueryKey = ['carbon', 'factors'] as const;

const BASIS_COLOURS: Record<EmissionFactor['basis'], string> = {
  published: 'green',
  guideline_default: 'blue',
  ipcc_default: 'geekblue',
  assumption: 'orange',
};

/** 排放因子库: every version with its source and validity, searchable by kind, id or source. */
export function FactorTable() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const factors = useQuery({ queryKey: factorsQueryKey, queryFn: ({ signal }) => fetchFactors(signal) });
  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const all = factors.data ?? [];
    if (!needle) return all;
    return all.filter((f) => `${f.id} ${f.kind} ${f.source}`.toLowerCase().includes(needle));
  }, [factors.data, search]);

  if (factors.error) return <PageError error={factors.error} onRetry={() => void factors.refetch()} />;
  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('factors.search')}
        aria-label={t('factors.search')}
        onChange={(event) => setSearch(event.target.value)}
        style={{ maxWidth: 360, marginBottom: 12 }}
      />
      <div data-testid="factor-table">
        <Table<EmissionFactor>
          size="small"
          rowKey="id"
          loading={factors.isPending}
          dataSource={rows}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            {
              title: t('factors.id'),
              dataIndex: 'id',
              width: 200,
              render: (id: string) => <code>{id}</code>,
            },
            { title: t('factors.kind'), dataIndex: 'kind', width: 180 },
            { title: t('factors.value'), key: 'value', width: 160, render: (_, f) => `${f.value} ${f.unit}` },
            { title: t('factors.year'), dataIndex: 'year', width: 70 },
            {
              title: t('factors.validity'),
              key: 'validity',
              width: 150,
              render: (_, f) => `${f.validFrom ?? '…'} ~ ${f.validTo ?? '…'}`,
            },
            {
              title: t('factors.basis'),
              dataIndex: 'basis',
              width: 110,
              render: (basis: EmissionFactor['basis']) => (
                <Tag color={BASIS_COLOURS[basis]}>{t(`factors.bases.${basis}`)}</Tag>
              ),
            },
            {
              title: t('factors.source'),
              dataIndex: 'source',
              render: (source: string) => (
                <Typography.Text ellipsis={{ tooltip: source }} style={{ maxWidth: 320 }}>
                  {source}
                </Typography.Text>
              ),
            },
          ]}
        />
      </div>
    </>
  );
}
