import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/use-current-user';
import { DistributionCard } from './admin/distribution-card';
import { ModelVersionsCard } from './admin/model-versions-card';
import { CREDIT_OFFICE_DEPARTMENT } from './credit-access';
import './credit.css';

/** /workbench/credit/admin (信用办): the score model's versions and the score distribution with its export. */
export default function CreditAdminPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Flex vertical gap={16} className="credit-page credit-page--wide">
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('credit.admin.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('credit.admin.intro')}</Typography.Paragraph>
      </div>
      {user.department === CREDIT_OFFICE_DEPARTMENT ? (
        <>
          <DistributionCard />
          <ModelVersionsCard />
        </>
      ) : (
        <Alert type="info" showIcon title={t('credit.admin.notCreditOffice')} />
      )}
    </Flex>
  );
}
