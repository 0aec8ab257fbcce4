import { useInfiniteQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  DatePicker,
  type DatePickerProps,
  Flex,
  Form,
  Input,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditEntry, type AuditFilter, fetchAuditEntries } from '../../api/audit';
import { PageError } from '../../app/page-error';

type Day = Parameters<NonNullable<DatePickerProps['disabledDate']>>[0];

interface FilterForm {
  action?: string;
  resourceType?: string;
  resourceId?: string;
  actorId?: string;
  fromDay?: Day | null;
  toDay?: Day | null;
}

/** The server's formats (kernel/audit/routes.ts), checked here so a typo is named at its field. */
const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*\.?$/;
const CODE = /^[a-z][a-z0-9_]*$/;

/** Entries per page: a screenful, and few enough that "more" answers at once. */
const PAGE = 50;

/** The form's days as the API's instants: from the start of the first day to the end of the last, in Quzhou. */
function filterOf(form: FilterForm): AuditFilter {
  const text = (value?: string) => value?.trim() || undefined;
  const filter: AuditFilter = {};
  const fields = {
    action: text(form.action),
    resourceType: text(form.resourceType),
    resourceId: text(form.resourceId),
    actorId: text(form.actorId),
  };
  for (const [name, value] of Object.entries(fields)) if (value) filter[name as keyof typeof fields] = value;
  if (form.fromDay) filter.from = `${form.fromDay.format('YYYY-MM-DD')}T00:00:00+08:00`;
  if (form.toDay) filter.to = `${form.toDay.add(1, 'day').format('YYYY-MM-DD')}T00:00:00+08:00`;
  return filter;
}

/** The first characters of a SHA-256 digest, the whole one on hover. */
function Digest({ value }: { value: string | null }) {
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title={value}>
      <Typography.Text code>{value.slice(0, 12)}</Typography.Text>
    </Tooltip>
  );
}

/** 操作日志: the hash-chained trail of every write, newest first, filtered and read a page at a time. */
export function AuditTrailCard() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FilterForm>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const trail = useInfiniteQuery({
    queryKey: ['audit', 'entries', filter],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam, signal }) => fetchAuditEntries(filter, pageParam, PAGE, signal),
    getNextPageParam: (last) => last.next ?? undefined,
    retry: false,
  });
  const rows = trail.data?.pages.flatMap((page) => page.entries) ?? [];
  const time = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Asia/Shanghai',
  });
  return (
    <Card title={t('audit.trail.title')} size="small" data-testid="audit-trail">
      <Typography.Paragraph type="secondary">{t('audit.trail.intro')}</Typography.Paragraph>
      <Form<FilterForm>
        form={form}
        layout="vertical"
        onFinish={(values) => setFilter(filterOf(values))}
        data-testid="audit-filter"
      >
        <Flex wrap gap={12}>
          <Form.Item
            name="action"
            label={t('audit.trail.action')}
            className="audit-filter__field"
            rules={[{ pattern: ACTION, message: t('audit.trail.actionFormat') }]}
          >
            <Input placeholder="credit." allowClear maxLength={120} />
          </Form.Item>
          <Form.Item
            name="resourceType"
            label={t('audit.trail.resourceType')}
            className="audit-filter__field"
            rules={[{ pattern: CODE, message: t('audit.trail.codeFormat') }]}
          >
            <Input placeholder="carbon_behaviour_batch" allowClear maxLength={64} />
          </Form.Item>
          <Form.Item name="resourceId" label={t('audit.trail.resourceId')} className="audit-filter__field">
            <Input allowClear maxLength={200} />
          </Form.Item>
          <Form.Item name="actorId" label={t('audit.trail.actorId')} className="audit-filter__field">
            <Input allowClear maxLength={200} />
          </Form.Item>
          <Form.Item name="fromDay" label={t('audit.trail.fromDay')} className="audit-filter__field">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="toDay" label={t('audit.trail.toDay')} className="audit-filter__field">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Button type="primary" htmlType="submit" data-testid="audit-filter-submit">
            {t('audit.trail.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilter({});
            }}
          >
            {t('audit.trail.reset')}
          </Button>
        </Flex>
      </Form>
      {trail.error ? (
        <PageError error={trail.error} onRetry={() => void trail.refetch()} />
      ) : (
        <Flex vertical gap={8}>
          <Table<AuditEntry>
            size="small"
            rowKey="seq"
            loading={trail.isPending}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1040 }}
            data-testid="audit-table"
            locale={{ emptyText: t('audit.trail.empty') }}
            onRow={(e) =>
              ({ 'data-testid': 'audit-row', 'data-seq': e.seq }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              { title: t('audit.trail.seq'), dataIndex: 'seq', width: 80 },
              {
                title: t('audit.trail.time'),
                dataIndex: 'occurredAt',
                width: 170,
                render: (at: string) => time.format(new Date(at)),
              },
              {
                title: t('audit.trail.actor'),
                key: 'actor',
                width: 170,
                render: (_, e) =>
                  e.actorId === null ? (
                    <Typography.Text type="secondary">{t('audit.trail.system')}</Typography.Text>
                  ) : (
                    <>
                      <Tooltip title={e.actorId}>
                        <span>{e.actorName ?? e.actorId}</span>
                      </Tooltip>
                      {e.actorRole && (
                        <Typography.Text type="secondary">
                          {' '}
                          · {t(`roles.${e.actorRole}`, { defaultValue: e.actorRole })}
                        </Typography.Text>
                      )}
                    </>
                  ),
              },
              {
                title: t('audit.trail.action'),
                dataIndex: 'action',
                width: 200,
                render: (action: string) => <Typography.Text code>{action}</Typography.Text>,
              },
              {
                title: t('audit.trail.resource'),
                key: 'resource',
                width: 240,
                render: (_, e) => (
                  <>
                    <Typography.Text type="secondary">{e.resourceType}</Typography.Text> {e.resourceId}
                  </>
                ),
              },
              {
                title: t('audit.trail.afterDigest'),
                dataIndex: 'afterDigest',
                width: 140,
                render: (digest: string | null) => <Digest value={digest} />,
              },
              {
                title: t('audit.trail.hash'),
                dataIndex: 'hash',
                width: 140,
                render: (hash: string) => <Digest value={hash} />,
              },
            ]}
          />
          {trail.hasNextPage && (
            <Button
              onClick={() => void trail.fetchNextPage()}
              loading={trail.isFetchingNextPage}
              data-testid="audit-more"
            >
              {t('audit.trail.more')}
            </Button>
          )}
        </Flex>
      )}
    </Card>
  );
}
