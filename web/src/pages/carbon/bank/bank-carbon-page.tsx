import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCreditReport } from '../../../api/carbon-finance';
import { CreditReportView } from './credit-report-view';
import '../carbon.css';

const USCC = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/**
 * /bank/carbon (碳征信报告查询): the bank looks up an enterprise by USCC. The report comes only with the
 * enterprise's active consent for this bank; otherwise the server's 403 says why (none, expired, revoked).
 */
export default function BankCarbonPage() {
  const { t } = useTranslation();
  const [uscc, setUscc] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const report = useQuery({
    queryKey: ['carbon', 'credit-report', uscc],
    queryFn: ({ signal }) => fetchCreditReport(uscc as string, signal),
    enabled: uscc !== null,
    retry: false,
  });
  return (
    <Flex vertical gap={16} className="carbon-page carbon-page--wide">
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('bankCarbon.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('bankCarbon.intro')}</Typography.Paragraph>
      </div>
      <Input.Search
        aria-label={t('bankCarbon.search')}
        placeholder={t('bankCarbon.search')}
        enterButton={t('bankCarbon.query')}
        maxLength={18}
        status={invalid ? 'error' : undefined}
        loading={report.isFetching}
        onSearch={(value) => {
          const code = value.trim().toUpperCase();
          setInvalid(!USCC.test(code));
          if (USCC.test(code)) setUscc(code);
        }}
        style={{ maxWidth: 480 }}
      />
      {invalid && <Typography.Text type="danger">{t('bankCarbon.invalidUscc')}</Typography.Text>}
      {report.error && (
        <Alert type="error" showIcon data-testid="credit-report-error" title={report.error.message} />
      )}
      {report.data && <CreditReportView report={report.data} />}
    </Flex>
  );
}
