import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CreditNotification, markNotificationsRead } from '../../../api/credit';
import { PageError } from '../../../app/page-error';
import { formatDateTime } from '../credit-format';
import { myNotificationsQuery, recordTypesQuery } from '../credit-queries';
import { useNameOf } from '../use-name-of';

/** 消息: records added about the resident and decisions on their requests, newest first; unread ones marked. */
export function NotificationsCard() {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const client = useQueryClient();
  const messages = useQuery(myNotificationsQuery);
  const { data: types = [] } = useQuery(recordTypesQuery);
  const markRead = useMutation({
    mutationFn: markNotificationsRead,
    onSuccess: () => void client.invalidateQueries({ queryKey: myNotificationsQuery.queryKey }),
  });
  const items = messages.data ?? [];
  const newest = items.reduce((max, m) => Math.max(max, m.id), 0);
  const unread = items.filter((m) => !m.read).length;

  const typeName = (code: string | undefined) => {
    const type = types.find((x) => x.code === code);
    return type ? nameOf(type) : (code ?? '');
  };
  const text = (m: CreditNotification) => {
    const { params } = m;
    if (m.kind === 'record_added')
      return t('credit.me.messages.record_added', { type: typeName(params.type) });
    if (m.kind === 'dispute_decided' || m.kind === 'repair_decided') {
      const kind = m.kind === 'repair_decided' ? 'repair' : 'dispute';
      const decision = t(
        `credit.decisions.${kind}.${params.decision}` as 'credit.decisions.repair.repaired',
        {
          defaultValue: params.decision ?? '',
        },
      );
      return t(`credit.me.messages.${kind}_decided`, { type: typeName(params.type), decision });
    }
    return t('credit.me.messages.other', { kind: m.kind });
  };

  return (
    <Card
      title={
        <Badge count={unread} size="small" offset={[8, 0]}>
          {t('credit.me.messagesTitle')}
        </Badge>
      }
      size="small"
      data-testid="credit-messages"
      extra={
        unread > 0 && (
          <Button size="small" loading={markRead.isPending} onClick={() => markRead.mutate(newest)}>
            {t('credit.me.markRead')}
          </Button>
        )
      }
    >
      {messages.error ? (
        <PageError error={messages.error} onRetry={() => void messages.refetch()} />
      ) : (
        <List
          size="small"
          loading={messages.isPending}
          dataSource={items}
          rowKey="id"
          locale={{ emptyText: t('credit.me.messagesNone') }}
          renderItem={(m) => (
            <List.Item data-testid="credit-message">
              <List.Item.Meta
                title={
                  <>
                    {!m.read && (
                      <Badge
                        status="processing"
                        aria-label={t('credit.me.unread')}
                        style={{ marginInlineEnd: 6 }}
                      />
                    )}
                    <Typography.Text strong={!m.read}>{text(m)}</Typography.Text>
                  </>
                }
                description={
                  <>
                    <div>{formatDateTime(m.createdAt, i18n.language)}</div>
                    {typeof m.params.reason === 'string' && <div>{m.params.reason}</div>}
                    {typeof m.params.scoreBefore === 'number' && typeof m.params.scoreAfter === 'number' && (
                      <div data-testid="message-score-change">
                        {t('credit.me.scoreChange', {
                          before: m.params.scoreBefore,
                          after: m.params.scoreAfter,
                        })}
                      </div>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
