import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageError } from '../../app/page-error';
import { useCurrentUser } from '../../auth/use-current-user';
import { CREDIT_OFFICE_DEPARTMENT } from './credit-access';
import { recordTypesQuery } from './credit-queries';
import { DisputeQueue } from './officer/dispute-queue';
import { EnteredRecords } from './officer/entered-records';
import { RecordEntryCard } from './officer/record-entry-card';
import { RecordImportCard } from './officer/record-import-card';
import './credit.css';

/**
 * /workbench/credit (信用记录): a source department's officer enters and imports records about residents in their
 * jurisdiction, reads the department's register, and decides disputes and repair requests on time.
 */
export default function OfficerCreditPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const catalogue = useQuery(recordTypesQuery);
  const types = (catalogue.data ?? []).filter((type) => type.department === user.department);
  const header = (
    <Flex justify="space-between" align="flex-start" wrap gap={8}>
      <div style={{ minWidth: 0, flex: '1 1 320px' }}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('credit.officer.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('credit.officer.intro')}</Typography.Paragraph>
      </div>
      {user.department === CREDIT_OFFICE_DEPARTMENT && (
        <Button data-testid="credit-admin-link" onClick={() => navigate('/workbench/credit/admin')}>
          {t('credit.officer.adminLink')}
        </Button>
      )}
    </Flex>
  );
  if (catalogue.error)
    return (
      <Flex vertical gap={16} className="credit-page credit-page--wide">
        {header}
        <PageError error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      </Flex>
    );
  return (
    <Flex vertical gap={16} className="credit-page credit-page--wide">
      {header}
      {catalogue.data && types.length === 0 ? (
        <Alert type="info" showIcon title={t('credit.officer.notSource')} data-testid="credit-not-source" />
      ) : (
        catalogue.data && (
          <Tabs
            items={[
              {
                key: 'entry',
                label: t('credit.officer.tabs.entry'),
                children: (
                  <Flex vertical gap={16}>
                    <RecordEntryCard types={types} />
                    <RecordImportCard types={types} />
                  </Flex>
                ),
              },
              { key: 'register', label: t('credit.officer.tabs.register'), children: <EnteredRecords /> },
              { key: 'disputes', label: t('credit.officer.tabs.disputes'), children: <DisputeQueue /> },
            ]}
          />
        )
      )}
    </Flex>
  );
}
