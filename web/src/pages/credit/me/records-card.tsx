import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditRecord } from '../../../api/credit';
import { PageError } from '../../../app/page-error';
import { useDepartmentLabel } from '../../../app/use-department-label';
import { formatDate } from '../credit-format';
import { myDisputesQuery, myRecordsQuery } from '../credit-queries';
import { RecordStatusTag } from '../status-tags';
import { useNameOf } from '../use-name-of';
import { DisputeFormModal, type DisputeTarget } from './dispute-form-modal';

const counts = (record: CreditRecord) => record.status === 'active' || record.status === 'disputed';

/**
 * 我的信用记录: every record with its status; a counting record can be disputed, and a repairable negative one
 * can be repaired, unless a request about it is already open.
 */
export function RecordsCard() {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const departmentLabel = useDepartmentLabel();
  const records = useQuery(myRecordsQuery);
  const disputes = useQuery(myDisputesQuery);
  const [target, setTarget] = useState<DisputeTarget | null>(null);
  const openCase = new Set((disputes.data ?? []).filter((d) => d.status === 'open').map((d) => d.recordId));

  const actions = (record: CreditRecord) => {
    if (!counts(record) || disputes.isPending) return [];
    if (openCase.has(record.id)) return [<Tag key="open">{t('credit.me.caseOpen')}</Tag>];
    const buttons = [
      <Button key="dispute" size="small" onClick={() => setTarget({ record, kind: 'dispute' })}>
        {t('credit.me.dispute')}
      </Button>,
    ];
    if (record.repairable && record.polarity === 'negative')
      buttons.push(
        <Button
          key="repair"
          size="small"
          type="primary"
          onClick={() => setTarget({ record, kind: 'repair' })}
        >
          {t('credit.me.repair')}
        </Button>,
      );
    return buttons;
  };

  return (
    <Card title={t('credit.me.recordsTitle')} size="small" data-testid="credit-records">
      {records.error ? (
        <PageError error={records.error} onRetry={() => void records.refetch()} />
      ) : (
        <List
          size="small"
          loading={records.isPending}
          dataSource={records.data ?? []}
          rowKey="id"
          locale={{ emptyText: t('credit.me.recordsNone') }}
          renderItem={(record) => {
            const buttons = actions(record);
            return (
              <List.Item data-testid="credit-record">
                <List.Item.Meta
                  title={
                    <>
                      <Typography.Text type={record.polarity === 'negative' ? 'warning' : undefined}>
                        {nameOf(record.typeName)}
                      </Typography.Text>{' '}
                      <Typography.Text type="secondary">
                        {record.quantity} {nameOf(record.unit)}
                      </Typography.Text>{' '}
                      <RecordStatusTag status={record.status} />
                    </>
                  }
                  description={
                    <>
                      {t('credit.me.recordMeta', {
                        date: formatDate(record.occurredOn, i18n.language),
                        department: departmentLabel(record.department),
                        validUntil: formatDate(record.validUntil, i18n.language),
                      })}
                      {record.evidenceRef && (
                        <div className="credit-mono">
                          {t('credit.me.evidence', { ref: record.evidenceRef })}
                        </div>
                      )}
                      {buttons.length > 0 && (
                        <Flex gap={8} wrap style={{ marginTop: 8 }}>
                          {buttons}
                        </Flex>
                      )}
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
      <DisputeFormModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
