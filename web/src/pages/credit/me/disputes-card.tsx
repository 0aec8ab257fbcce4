import { useQuery } from '@tanstack/react-query';
import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageError } from '../../../app/page-error';
import { ProvisionalDateTag } from '../../../app/provisional-date-tag';
import { formatDate, formatInstantDay } from '../credit-format';
import { myDisputesQuery, myRecordsQuery } from '../credit-queries';
import { DisputeKindTag, DisputeStatusTag } from '../status-tags';
import { useNameOf } from '../use-name-of';

/** 我的异议与修复申请: each request's record, state, due date and, once decided, the department's answer. */
export function DisputesCard() {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const disputes = useQuery(myDisputesQuery);
  const { data: records = [] } = useQuery(myRecordsQuery);
  const typeOf = (recordId: string) => {
    const record = records.find((r) => r.id === recordId);
    return record ? nameOf(record.typeName) : recordId;
  };
  return (
    <Card title={t('credit.me.disputesTitle')} size="small" data-testid="credit-disputes">
      {disputes.error ? (
        <PageError error={disputes.error} onRetry={() => void disputes.refetch()} />
      ) : (
        <List
          size="small"
          loading={disputes.isPending}
          dataSource={disputes.data ?? []}
          rowKey="id"
          locale={{ emptyText: t('credit.me.disputesNone') }}
          renderItem={(d) => (
            <List.Item data-testid="credit-dispute">
              <List.Item.Meta
                title={
                  <>
                    <DisputeKindTag kind={d.kind} /> {typeOf(d.recordId)} <DisputeStatusTag dispute={d} />
                  </>
                }
                description={
                  <>
                    <div>
                      {t('credit.me.submittedOn', { date: formatInstantDay(d.submittedAt, i18n.language) })}
                      {d.status === 'open' &&
                        ` · ${t('credit.me.dueOn', { date: formatDate(d.dueOn, i18n.language) })} `}
                      <ProvisionalDateTag provisional={d.status === 'open' && d.dueDateProvisional} />
                    </div>
                    <Typography.Text type="secondary">{d.reason}</Typography.Text>
                    {d.decisionReason && (
                      <div>
                        <Typography.Text>
                          {t('credit.me.answer', { reason: d.decisionReason })}
                        </Typography.Text>
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
