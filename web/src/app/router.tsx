import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import type { Role } from '../api/auth';
import { RequireAuth } from '../auth/require-auth';
import { PageLoading } from './page-loading';
import { RequireRole } from './require-role';
import { RoleHomeRedirect } from './role-home-redirect';
import { roleHome } from './roles';

// Every page is its own chunk so the first load carries only the shell.
const LoginPage = lazy(() => import('../pages/login-page'));
const AppLayout = lazy(() => import('./app-layout'));
const NotFoundPage = lazy(() => import('../pages/not-found-page'));
const ResidentHomePage = lazy(() => import('../pages/resident-home-page'));
const EnterpriseHomePage = lazy(() => import('../pages/enterprise-home-page'));
const VillageHomePage = lazy(() => import('../pages/village-home-page'));
const WorkbenchPage = lazy(() => import('../pages/workbench-page'));
const BankHomePage = lazy(() => import('../pages/bank-home-page'));
const AuditHomePage = lazy(() => import('../pages/audit-home-page'));
const CockpitPage = lazy(() => import('../pages/cockpit-page'));
const MyCarbonAccountPage = lazy(() => import('../pages/carbon/my-carbon-account-page'));
const OfficerCarbonPage = lazy(() => import('../pages/carbon/officer-carbon-page'));
const EnterpriseCarbonPage = lazy(() => import('../pages/carbon/enterprise/enterprise-carbon-page'));
const BankCarbonPage = lazy(() => import('../pages/carbon/bank/bank-carbon-page'));
const EmissionsCalculatorPage = lazy(() => import('../pages/carbon/emissions-calculator-page'));
const MyCreditPage = lazy(() => import('../pages/credit/my-credit-page'));
const OfficerCreditPage = lazy(() => import('../pages/credit/officer-credit-page'));
const CreditAdminPage = lazy(() => import('../pages/credit/credit-admin-page'));
const ServicesHallPage = lazy(() => import('../pages/services/services-hall-page'));
const ServiceItemPage = lazy(() => import('../pages/services/hall/item-page'));
const ServiceCasePage = lazy(() => import('../pages/services/hall/case-page'));
const ServicesWorkbenchPage = lazy(() => import('../pages/services/services-workbench-page'));
const ServicesStatisticsPage = lazy(() => import('../pages/services/services-statistics-page'));

function page(element: ReactNode) {
  return <Suspense fallback={<PageLoading />}>{element}</Suspense>;
}

/** A page of `role` at its home path, or at `subpath` below it (`roleRoute('resident', …, 'carbon')` is /me/carbon). */
function roleRoute(role: Role, element: ReactNode, subpath?: string) {
  const home = roleHome(role).path.slice(1);
  return {
    path: subpath ? `${home}/${subpath}` : home,
    element: <RequireRole role={role}>{page(element)}</RequireRole>,
  };
}

export const router = createBrowserRouter([
  { path: '/login', element: page(<LoginPage />) },
  {
    path: '/',
    element: <RequireAuth>{page(<AppLayout />)}</RequireAuth>,
    children: [
      { index: true, element: <RoleHomeRedirect /> },
      roleRoute('resident', <ResidentHomePage />),
      roleRoute('resident', <MyCarbonAccountPage />, 'carbon'),
      roleRoute('resident', <MyCreditPage />, 'credit'),
      roleRoute('resident', <ServicesHallPage />, 'services'),
      roleRoute('resident', <ServiceItemPage />, 'services/items/:itemId'),
      roleRoute('resident', <ServiceCasePage />, 'services/cases/:caseId'),
      roleRoute('enterprise_agent', <EnterpriseHomePage />),
      roleRoute('enterprise_agent', <EnterpriseCarbonPage />, 'carbon'),
      roleRoute('enterprise_agent', <EmissionsCalculatorPage />, 'carbon/calculator'),
      roleRoute('enterprise_agent', <ServicesHallPage />, 'services'),
      roleRoute('enterprise_agent', <ServiceItemPage />, 'services/items/:itemId'),
      roleRoute('enterprise_agent', <ServiceCasePage />, 'services/cases/:caseId'),
      roleRoute('collective', <VillageHomePage />),
      roleRoute('officer', <WorkbenchPage />),
      roleRoute('officer', <OfficerCarbonPage />, 'carbon'),
      roleRoute('officer', <OfficerCreditPage />, 'credit'),
      roleRoute('officer', <CreditAdminPage />, 'credit/admin'),
      roleRoute('officer', <ServicesWorkbenchPage />, 'services'),
      roleRoute('officer', <ServicesStatisticsPage />, 'services/statistics'),
      roleRoute('bank', <BankHomePage />),
      roleRoute('bank', <BankCarbonPage />, 'carbon'),
      roleRoute('auditor', <AuditHomePage />),
      roleRoute('auditor', <ServicesStatisticsPage />, 'services/statistics'),
      roleRoute('admin', <CockpitPage />),
      { path: 'index.html', element: <Navigate to="/" replace /> },
      { path: '*', element: page(<NotFoundPage />) },
    ],
  },
]);
