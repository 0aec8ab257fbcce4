import { useQuery } from '@tanstack/react-query';
import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchMyDataAccess } from '../../../api/carbon-finance';
import { PageError } from '../../../app/page-error';

const dateTime = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));

/** 数据使用记录: who read the enterprise's carbon data, when, for what, under which consent. */
export function DataAccessCard() {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const log = useQuery({
    queryKey: ['carbon', 'data-access', 'me'],
    queryFn: ({ signal }) => fetchMyDataAccess(signal),
  });
  return (
    <Card title={t('dataAccess.title')} size="small" data-testid="data-access-card">
      {log.error ? (
        <PageError error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <List
          size="small"
          loading={log.isPending}
          dataSource={log.data ?? []}
          rowKey="seq"
          locale={{ emptyText: t('dataAccess.none') }}
          renderItem={(r) => (
            <List.Item data-testid="data-access-row">
              <List.Item.Meta
                title={`${r.organisationName ? (english ? r.organisationName.en : r.organisationName.zh) : r.actor.role} · ${t(`dataAccess.purposes.${r.purpose}`, { defaultValue: r.purpose })}`}
                description={
                  <Typography.Text type="secondary">
                    {dateTime(r.occurredAt, i18n.language)} ·{' '}
                    {t('dataAccess.fields', { fields: r.fields.join(', ') })}
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
