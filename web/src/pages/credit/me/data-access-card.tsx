import { useQuery } from '@tanstack/react-query';
import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreditDataAccess } from '../../../api/credit';
import { PageError } from '../../../app/page-error';
import { useDepartmentLabel } from '../../../app/use-department-label';
import { formatDateTime } from '../credit-format';
import { myDataAccessQuery, myMeasuresQuery } from '../credit-queries';
import { useNameOf } from '../use-name-of';

/** 数据使用记录: who read the resident's data (an officer, a perk provider), when, why and which fields. */
export function CreditDataAccessCard() {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const departmentLabel = useDepartmentLabel();
  const log = useQuery(myDataAccessQuery);
  const { data: measures = [] } = useQuery(myMeasuresQuery);

  const who = ({ actor }: CreditDataAccess) => {
    const organisation = actor.organisation;
    if (actor.role === 'officer' && organisation?.includes('/')) {
      const [division, department = ''] = organisation.split('/');
      return `${departmentLabel(department)}（${division}）`;
    }
    const provider = measures.find((m) => m.providerId === organisation);
    if (provider) return nameOf(provider.provider);
    return t(`roles.${actor.role}` as 'roles.officer', { defaultValue: actor.role });
  };

  return (
    <Card title={t('credit.me.dataAccessTitle')} size="small" data-testid="credit-data-access">
      {log.error ? (
        <PageError error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <List
          size="small"
          loading={log.isPending}
          dataSource={log.data ?? []}
          rowKey="seq"
          locale={{ emptyText: t('credit.me.dataAccessNone') }}
          renderItem={(r) => (
            <List.Item data-testid="credit-data-access-row">
              <List.Item.Meta
                title={`${who(r)} · ${t(
                  `credit.me.purposes.${r.purpose}` as 'credit.me.purposes.credit_dispute',
                  {
                    defaultValue: r.purpose,
                  },
                )}`}
                description={
                  <Typography.Text type="secondary">
                    {formatDateTime(r.occurredAt, i18n.language)} ·{' '}
                    {t('credit.me.dataAccessFields', { fields: r.fields.join(', ') })}
                    {r.caseId && ` · ${t('credit.me.dataAccessCase', { id: r.caseId.slice(0, 8) })}`}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
