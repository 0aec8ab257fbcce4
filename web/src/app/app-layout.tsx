import { Drawer, Layout } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../auth/use-current-user';
import { AppHeader } from './app-header';
import { AppMenu } from './app-menu';
import './app-layout.css';
import { useIsNarrow } from './use-is-narrow';

/** The signed-in shell: side menu (a drawer on phones), header, and the current page. */
export default function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const narrow = useIsNarrow();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();
  // A new page closes the phone menu however it was reached (menu, link, back button). The menu's own click closes
  // it too, but a navigation that waits for its page's code can commit after that click was handled.
  useEffect(() => {
    if (pathname) setDrawerOpen(false);
  }, [pathname]);
  const brand = (
    <div className="app-brand">
      {t('common.appName')}
      <span className="app-brand__tagline">{t('common.appTagline')}</span>
    </div>
  );

  return (
    <Layout className="app-layout">
      {narrow ? (
        <Drawer
          placement="left"
          size={260}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={brand}
          styles={{ body: { padding: 0 } }}
        >
          <AppMenu role={user.role} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider width={220} theme="light" className="app-sider">
          {brand}
          <AppMenu role={user.role} />
        </Layout.Sider>
      )}
      <Layout>
        <AppHeader narrow={narrow} onOpenMenu={() => setDrawerOpen(true)} />
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
