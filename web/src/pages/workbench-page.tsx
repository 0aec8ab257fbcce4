import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDepartmentLabel } from '../app/use-department-label';
import { useCurrentUser } from '../auth/use-current-user';
import { useCreditAccess } from './credit/credit-access';
import { ModuleLinkCard } from './module-link-card';
import { RoleHome } from './role-home';

/** Officer's workbench: states the department and division the officer acts for. */
export default function WorkbenchPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const none = t('common.none');
  const departmentLabel = useDepartmentLabel();
  const credit = useCreditAccess();
  return (
    <RoleHome forRole="officer">
      <Alert
        type="info"
        showIcon
        data-testid="jurisdiction"
        title={`${user.divisionName ?? none} · ${departmentLabel(user.department) ?? none}`}
        description={t('pages.officer.jurisdiction')}
      />
      {credit.recordsWorkbench && (
        <ModuleLinkCard
          title={t('menu.officerCredit')}
          description={t('credit.workbenchLink')}
          to="/workbench/credit"
        />
      )}
      {credit.creditOffice && (
        <ModuleLinkCard
          title={t('menu.officerCreditAdmin')}
          description={t('credit.adminLink')}
          to="/workbench/credit/admin"
        />
      )}
    </RoleHome>
  );
}
