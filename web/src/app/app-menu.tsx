import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { Role } from '../api/auth';
import { roleHome } from './roles';

/** The role's navigation; today its home, later the module pages of that role. */
export function AppMenu({ role, onNavigate }: { role: Role; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const home = roleHome(role);
  const items: MenuProps['items'] = [{ key: home.path, label: t(home.menuKey) }];
  const selected = pathname === home.path || pathname.startsWith(`${home.path}/`) ? [home.path] : [];
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
