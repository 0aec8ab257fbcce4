import { Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FactorManagement } from './officer/factor-management';
import { LabelDistributionView } from './officer/label-distribution';
import './carbon.css';

/** /workbench/carbon (碳账户管理): the officer's view of the city's carbon accounts. */
export default function OfficerCarbonPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} className="carbon-page carbon-page--wide">
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('officerCarbon.title')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'labels', label: t('officerCarbon.labelsTab'), children: <LabelDistributionView /> },
          { key: 'factors', label: t('officerCarbon.factorsTab'), children: <FactorManagement /> },
        ]}
      />
    </Flex>
  );
}
