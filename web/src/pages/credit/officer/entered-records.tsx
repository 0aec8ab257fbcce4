import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreditRecord } from '../../../api/credit';
import { fetchEnteredRecords } from '../../../api/credit-officer';
import { PageError } from '../../../app/page-error';
import { formatDate, formatDateTime } from '../credit-format';
import { RecordStatusTag } from '../status-tags';
import { useNameOf } from '../use-name-of';

export const enteredRecordsKey = ['credit', 'records', 'entered'] as const;
const PAGE = 50;

/** 记录台账: the records the department entered in the officer's jurisdiction, newest first (IDs masked). */
export function EnteredRecords() {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const register = useInfiniteQuery({
    queryKey: enteredRecordsKey,
    queryFn: ({ pageParam, signal }) => fetchEnteredRecords(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => {
      const end = last.at(-1);
      return last.length < PAGE || !end ? undefined : `${end.createdAt}|${end.id}`;
    },
  });
  const rows = register.data?.pages.flat() ?? [];
  if (register.error) return <PageError error={register.error} onRetry={() => void register.refetch()} />;
  return (
    <Card title={t('credit.officer.registerTitle')} size="small" data-testid="credit-register">
      <Table<CreditRecord>
        size="small"
        rowKey="id"
        loading={register.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: t('credit.officer.registerNone') }}
        columns={[
          {
            title: t('credit.officer.enteredAt'),
            dataIndex: 'createdAt',
            width: 150,
            render: (at: string) => formatDateTime(at, i18n.language),
          },
          {
            title: t('credit.officer.resident'),
            dataIndex: 'residentId',
            width: 170,
            render: (id: string) => <span className="credit-mono">{id}</span>,
          },
          { title: t('credit.officer.type'), key: 'type', render: (_, r) => nameOf(r.typeName) },
          {
            title: t('credit.officer.quantity'),
            key: 'quantity',
            width: 90,
            align: 'right',
            render: (_, r) => `${r.quantity} ${nameOf(r.unit)}`,
          },
          {
            title: t('credit.officer.occurredOn'),
            dataIndex: 'occurredOn',
            width: 120,
            render: (day: string) => formatDate(day, i18n.language),
          },
          {
            title: t('credit.officer.validUntilColumn'),
            dataIndex: 'validUntil',
            width: 120,
            render: (day: string) => formatDate(day, i18n.language),
          },
          {
            title: t('credit.officer.status'),
            dataIndex: 'status',
            width: 90,
            render: (status: CreditRecord['status']) => <RecordStatusTag status={status} />,
          },
        ]}
      />
      {register.hasNextPage && (
        <Button
          style={{ marginTop: 12 }}
          loading={register.isFetchingNextPage}
          onClick={() => void register.fetchNextPage()}
        >
          {t('credit.officer.more')}
        </Button>
      )}
    </Card>
  );
}
