import { Button, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/use-current-user';
import { useLogout } from '../auth/use-logout';
import { LanguageSwitch } from './language-switch';
import { MenuIcon } from './menu-icon';

interface AppHeaderProps {
  narrow: boolean;
  onOpenMenu: () => void;
}

/** Top bar: (drawer button and brand on phones), the user's name, language switch, logout. */
export function AppHeader({ narrow, onOpenMenu }: AppHeaderProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  return (
    <Layout.Header className="app-header">
      {narrow && (
        <>
          <Button type="text" icon={<MenuIcon />} aria-label={t('common.openMenu')} onClick={onOpenMenu} />
          <span className="app-brand app-brand--header">{t('common.appName')}</span>
        </>
      )}
      <span className="app-header__spacer" />
      <Typography.Text className="app-header__user" data-testid="current-user" title={user.displayName}>
        {user.displayName}
      </Typography.Text>
      <LanguageSwitch />
      <Button size="small" loading={logout.isPending} onClick={() => logout.mutate()}>
        {t('common.logout')}
      </Button>
    </Layout.Header>
  );
}
