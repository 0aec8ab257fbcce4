import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDepartmentLabel } from '../app/use-department-label';
import { useCurrentUser } from '../auth/use-current-user';
import { RoleHome } from './role-home';

/** Officer's workbench: states the department and division the officer acts for. */
export default function WorkbenchPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const none = t('common.none');
  const departmentLabel = useDepartmentLabel();
  return (
    <RoleHome forRole="officer">
      <Alert
        type="info"
        showIcon
        data-testid="jurisdiction"
        title={`${user.divisionName ?? none} · ${departmentLabel(user.department) ?? none}`}
        description={t('pages.officer.jurisdiction')}
      />
    </RoleHome>
  );
}
