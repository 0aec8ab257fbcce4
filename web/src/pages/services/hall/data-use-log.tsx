import { useQuery } from '@tanstack/react-query';
import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageError } from '../../../app/page-error';
import { formatDateTime } from '../../credit/credit-format';
import { myDataAccessQuery } from '../services-queries';
import { useServicesNames } from '../use-services-names';

/** 数据使用记录: which office read which registry fields about the applicant, for which case, when. */
export function DataUseLog({ base }: { base: string }) {
  const { t, i18n } = useTranslation();
  const names = useServicesNames();
  const log = useQuery(myDataAccessQuery);
  if (log.error) return <PageError error={log.error} onRetry={() => void log.refetch()} />;
  // The server names each registry and field; zh-CN first, English when the interface is in English.
  const inLanguage = (label: { zh: string; en: string }) =>
    i18n.language.startsWith('en') ? label.en : label.zh;
  return (
    <List
      size="small"
      data-testid="data-use-log"
      loading={log.isPending}
      dataSource={log.data ?? []}
      rowKey="seq"
      locale={{ emptyText: t('services.dataUse.none') }}
      renderItem={(entry) => (
        <List.Item data-testid="data-use-row" data-dataset={entry.dataset}>
          <div style={{ minWidth: 0, width: '100%' }}>
            <Typography.Text strong>
              {names.office(entry.reader.includes('/') ? entry.reader : null) ??
                t(`roles.${entry.reader}` as 'roles.officer', { defaultValue: entry.reader })}
            </Typography.Text>
            <div>
              {t('services.dataUse.read', { dataset: inLanguage(entry.datasetName) })}{' '}
              {entry.withConsent && <Tag color="green">{t('services.dataUse.withConsent')}</Tag>}
            </div>
            <div>
              <Typography.Text type="secondary">
                {t('services.dataUse.fields', { fields: entry.fieldNames.map(inLanguage).join('、') })}
              </Typography.Text>
            </div>
            <div>
              <Typography.Text type="secondary">
                {formatDateTime(entry.occurredAt, i18n.language)}
              </Typography.Text>
              {entry.caseId && (
                <>
                  {' · '}
                  <Link to={`${base}/cases/${entry.caseId}`} className="services-mono">
                    {t('services.dataUse.case', { id: entry.caseId })}
                  </Link>
                </>
              )}
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}
