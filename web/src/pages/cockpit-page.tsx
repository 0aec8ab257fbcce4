import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { RoleHome } from './role-home';

/** Placeholder: the city dashboard (驾驶舱) is delivered by its own issue. */
export default function CockpitPage() {
  const { t } = useTranslation();
  return (
    <RoleHome forRole="admin">
      <Alert type="warning" showIcon title={t('pages.admin.placeholder')} />
    </RoleHome>
  );
}
