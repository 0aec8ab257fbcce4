import { useTranslation } from 'react-i18next';
import { ModuleLinkCard } from './module-link-card';
import { RoleHome } from './role-home';

/** Home of the enterprise_agent role. */
export default function EnterpriseHomePage() {
  const { t } = useTranslation();
  return (
    <RoleHome forRole="enterprise_agent">
      <ModuleLinkCard
        title={t('menu.enterpriseCarbon')}
        description={t('pages.enterprise_agent.carbonLink')}
        to="/enterprise/carbon"
      />
      <ModuleLinkCard
        title={t('menu.servicesHall')}
        description={t('services.homeLink')}
        to="/enterprise/services"
      />
    </RoleHome>
  );
}
