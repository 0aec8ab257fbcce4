import { useQuery } from '@tanstack/react-query';
import { Button, Card, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditDispute } from '../../../api/credit';
import { fetchDisputeQueue } from '../../../api/credit-officer';
import { PageError } from '../../../app/page-error';
import { ProvisionalDateTag } from '../../../app/provisional-date-tag';
import { formatDate, formatDateTime } from '../credit-format';
import { DeadlineTag, DisputeKindTag, DisputeStatusTag } from '../status-tags';
import { useNameOf } from '../use-name-of';
import { DisputeCaseDrawer } from './dispute-case-drawer';

export const disputeQueueKey = ['credit', 'disputes'] as const;

/**
 * 异议与修复: the department's open cases in the officer's jurisdiction, nearest deadline first and coloured by the
 * working days left; or the decided ones. Opening a case reads the record, which the resident sees in their log.
 */
export function DisputeQueue() {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const [status, setStatus] = useState<'open' | 'decided'>('open');
  const [opened, setOpened] = useState<string | null>(null);
  const queue = useQuery({
    queryKey: [...disputeQueueKey, status],
    queryFn: ({ signal }) => fetchDisputeQueue(status, signal),
  });
  return (
    <Card size="small" data-testid="credit-dispute-queue">
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(value) => setStatus(value as 'open' | 'decided')}
        options={[
          { value: 'open', label: t('credit.officer.queueOpen') },
          { value: 'decided', label: t('credit.officer.queueDecided') },
        ]}
      />
      {queue.error ? (
        <PageError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <Table<CreditDispute>
          size="small"
          rowKey="id"
          loading={queue.isPending}
          dataSource={queue.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('credit.officer.queueNone') }}
          onRow={(d) => ({ 'data-testid': 'credit-case-row', 'data-case-id': d.id }) as object}
          columns={[
            {
              title: t('credit.officer.kind'),
              dataIndex: 'kind',
              width: 100,
              render: (kind: CreditDispute['kind']) => <DisputeKindTag kind={kind} />,
            },
            {
              title: t('credit.officer.caseRecordType'),
              dataIndex: 'recordTypeName',
              width: 150,
              render: (names: CreditDispute['recordTypeName']) => (names ? nameOf(names) : '—'),
            },
            {
              title: t('credit.officer.caseResident'),
              dataIndex: 'residentId',
              width: 170,
              render: (id: string) => <span className="credit-mono">{id}</span>,
            },
            {
              title: t('credit.officer.caseReason'),
              dataIndex: 'reason',
              ellipsis: true,
              render: (reason: string) => <Typography.Text>{reason}</Typography.Text>,
            },
            {
              title: t('credit.officer.submittedAt'),
              dataIndex: 'submittedAt',
              width: 150,
              render: (at: string) => formatDateTime(at, i18n.language),
            },
            status === 'open'
              ? {
                  title: t('credit.officer.dueOn'),
                  key: 'due',
                  width: 220,
                  render: (_, d) => (
                    <>
                      {formatDate(d.dueOn, i18n.language)}{' '}
                      <ProvisionalDateTag provisional={d.dueDateProvisional} />
                      <DeadlineTag daysLeft={d.workingDaysLeft} />
                    </>
                  ),
                }
              : {
                  title: t('credit.officer.decision'),
                  key: 'decision',
                  width: 140,
                  render: (_, d) => <DisputeStatusTag dispute={d} />,
                },
            {
              key: 'open',
              width: 80,
              fixed: 'right',
              render: (_, d) => (
                <Button
                  size="small"
                  type={d.status === 'open' ? 'primary' : 'default'}
                  onClick={() => setOpened(d.id)}
                >
                  {d.status === 'open' ? t('credit.officer.handle') : t('credit.officer.view')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <DisputeCaseDrawer caseId={opened} onClose={() => setOpened(null)} />
    </Card>
  );
}
