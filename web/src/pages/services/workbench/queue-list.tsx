import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Flex, Space, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseState, ServiceCase } from '../../../api/services';
import { fetchQueue, type QueueView } from '../../../api/services-workbench';
import { PageError } from '../../../app/page-error';
import { formatDateTime } from '../../credit/credit-format';
import { useNameOf } from '../../credit/use-name-of';
import { CaseDeadlineTag, CaseStateTag, ModeTag, VisitsTag } from '../case-tags';
import { casesKey } from '../services-queries';
import { useServicesNames } from '../use-services-names';

/** Where the next page starts: the state being read and the server's cursor within it. */
interface Cursor {
  index: number;
  after: string | null;
}

/**
 * The cases of one queue tab: each state of the tab in turn, soonest deadline first, 50 at a time, with the
 * deadline coloured by the time left.
 */
export function QueueList({
  view,
  states,
  onOpen,
}: {
  view: QueueView;
  states: readonly CaseState[];
  onOpen: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const names = useServicesNames();
  const queue = useInfiniteQuery({
    queryKey: [...casesKey, 'queue', view, states],
    initialPageParam: { index: 0, after: null } as Cursor,
    queryFn: async ({ pageParam, signal }) => {
      const state = states[pageParam.index] as CaseState;
      const page = await fetchQueue(view, state, pageParam.after, signal);
      return { ...page, index: pageParam.index };
    },
    getNextPageParam: (last): Cursor | undefined => {
      if (last.next) return { index: last.index, after: last.next };
      if (last.index + 1 < states.length) return { index: last.index + 1, after: null };
      return undefined;
    },
    retry: false,
  });
  // Read every state of the tab before showing "more": a tab of two states should not look empty after the first.
  const pages = queue.data?.pages ?? [];
  const rows = pages.flatMap((p) => p.items);
  const last = pages.at(-1);
  const readNextState = last !== undefined && !last.next && queue.hasNextPage && rows.length < 50;
  const { fetchNextPage, isFetchingNextPage } = queue;
  useEffect(() => {
    if (readNextState && !isFetchingNextPage) void fetchNextPage();
  }, [readNextState, isFetchingNextPage, fetchNextPage]);
  if (queue.error) return <PageError error={queue.error} onRetry={() => void queue.refetch()} />;
  return (
    <Flex vertical gap={8}>
      <Table<ServiceCase>
        size="small"
        rowKey="id"
        loading={queue.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="queue-table"
        locale={{ emptyText: t('services.workbench.empty') }}
        onRow={(c) =>
          ({ 'data-testid': 'queue-row', 'data-case': c.id }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('services.case.number'),
            dataIndex: 'id',
            width: 190,
            render: (id: string, c) => (
              <div>
                <span className="services-mono">{id}</span>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(c.submittedAt, i18n.language)}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: t('services.workbench.item'),
            key: 'item',
            render: (_, c) => (
              <div>
                {nameOf(c.itemName)}
                <div>
                  <Typography.Text type="secondary">{c.applicantName}</Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: t('services.workbench.route'),
            key: 'route',
            width: 200,
            render: (_, c) => (
              <Space wrap size={4}>
                <ModeTag mode={c.mode} />
                <span>
                  {names.division(c.receivingDivision)} → {names.division(c.handlingDivision)}
                </span>
              </Space>
            ),
          },
          {
            title: t('services.case.state'),
            key: 'state',
            width: 220,
            render: (_, c) => (
              <Space wrap size={4}>
                <CaseStateTag state={c.state} />
                <CaseDeadlineTag serviceCase={c} />
                {c.overVisits && <VisitsTag serviceCase={c} />}
              </Space>
            ),
          },
          {
            title: '',
            key: 'open',
            width: 90,
            fixed: 'right',
            render: (_, c) => (
              <Button size="small" type="primary" onClick={() => onOpen(c.id)} data-testid="queue-open">
                {t('services.workbench.open')}
              </Button>
            ),
          },
        ]}
      />
      {queue.hasNextPage && (
        <Button onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
          {t('services.workbench.more')}
        </Button>
      )}
    </Flex>
  );
}
