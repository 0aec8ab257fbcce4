import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../auth/use-current-user';
import { NewFactorVersionButton } from './factor-form';
import { FactorTable } from './factor-table';

/** Factor versions are city-wide: only the city ecology bureau adds them (the server enforces it too). */
export function FactorManagement() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const mayAdd = user.department === 'ecology' && user.divisionCode === '330800';
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {mayAdd ? t('factors.intro') : t('factors.readOnly')}
        </Typography.Paragraph>
        {mayAdd && <NewFactorVersionButton />}
      </Flex>
      <FactorTable />
    </Flex>
  );
}
