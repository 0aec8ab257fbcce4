import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { creditReportPrintUrl } from '../../../api/carbon-finance';
import { fetchEnterpriseMonths } from '../../../api/carbon-industrial';
import { PageError } from '../../../app/page-error';
import { CarbonAccountCard } from '../carbon-account-card';
import { myCarbonAccountsQuery } from '../carbon-queries';
import { ActivityEntryCard } from './activity-entry-card';
import { ActivityUploadCard } from './activity-upload-card';
import { ConsentsCard } from './consents-card';
import { DataAccessCard } from './data-access-card';
import { LabelCard } from './label-card';
import { MonthlyEmissionsChart } from './monthly-emissions-chart';
import { MonthsTable } from './months-table';
import { lastTwelveMonths } from './periods';
import '../carbon.css';

/** /enterprise/carbon (企业碳账户): twelve months of emissions, the label and why, data entry, consents. */
export default function EnterpriseCarbonPage() {
  const { t } = useTranslation();
  const accounts = useQuery(myCarbonAccountsQuery);
  const uscc = accounts.data?.find((a) => a.subjectType === 'enterprise')?.subjectId;
  const { from, to } = lastTwelveMonths();
  const months = useQuery({
    queryKey: ['carbon', 'enterprise', uscc, 'months', from, to],
    queryFn: ({ signal }) => fetchEnterpriseMonths(uscc as string, from, to, signal),
    enabled: uscc !== undefined,
  });

  const overview = months.error ? (
    <PageError error={months.error} onRetry={() => void months.refetch()} />
  ) : (
    <Flex vertical gap={16}>
      <LabelCard months={months.data ?? []} />
      <Card
        title={t('enterpriseCarbon.monthsTitle', { from, to })}
        size="small"
        loading={months.isPending}
        extra={
          uscc && (
            <Button href={creditReportPrintUrl(uscc)} target="_blank" data-testid="print-report">
              {t('enterpriseCarbon.printReport')}
            </Button>
          )
        }
      >
        {months.data && months.data.length > 0 ? (
          <>
            <MonthlyEmissionsChart months={months.data} />
            <MonthsTable months={months.data} />
          </>
        ) : (
          <Alert type="info" showIcon title={t('enterpriseCarbon.noData')} />
        )}
      </Card>
    </Flex>
  );

  return (
    <Flex vertical gap={16} className="carbon-page carbon-page--wide">
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('enterpriseCarbon.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('enterpriseCarbon.intro')}</Typography.Paragraph>
      </div>
      <CarbonAccountCard title={t('carbon.account.enterpriseTitle')} />
      {uscc && (
        <Tabs
          items={[
            { key: 'overview', label: t('enterpriseCarbon.overviewTab'), children: overview },
            {
              key: 'data',
              label: t('enterpriseCarbon.dataTab'),
              children: (
                <Flex vertical gap={16}>
                  <ActivityEntryCard uscc={uscc} />
                  <ActivityUploadCard uscc={uscc} />
                </Flex>
              ),
            },
            {
              key: 'consents',
              label: t('enterpriseCarbon.consentsTab'),
              children: (
                <Flex vertical gap={16}>
                  <ConsentsCard />
                  <DataAccessCard />
                </Flex>
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}
