import { useTranslation } from 'react-i18next';
import { ModuleLinkCard } from './module-link-card';
import { RoleHome } from './role-home';

/** Home of the resident role. */
export default function ResidentHomePage() {
  const { t } = useTranslation();
  return (
    <RoleHome forRole="resident">
      <ModuleLinkCard
        title={t('menu.residentCarbon')}
        description={t('pages.resident.carbonLink')}
        to="/me/carbon"
      />
      <ModuleLinkCard title={t('menu.residentCredit')} description={t('credit.homeLink')} to="/me/credit" />
      <ModuleLinkCard title={t('menu.servicesHall')} description={t('services.homeLink')} to="/me/services" />
    </RoleHome>
  );
}
