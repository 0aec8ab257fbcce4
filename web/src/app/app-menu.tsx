import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { Role } from '../api/auth';
import { useCreditMenuEntries } from '../pages/credit/credit-access';
import { useServicesMenuEntries } from '../pages/services/services-access';
import { menuEntries } from './roles';

/** The role's navigation: its home and the module pages that have arrived. */
export function AppMenu({ role, onNavigate }: { role: Role; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const entries = [...menuEntries(role), ...useCreditMenuEntries(), ...useServicesMenuEntries()];
  const items: MenuProps['items'] = entries.map((entry) => ({ key: entry.path, label: t(entry.labelKey) }));
  // The deepest entry the path lies in wins: /me/carbon selects 我的碳账户, not 我的.
  const selected = entries
    .map((entry) => entry.path)
    .filter((path) => pathname === path || pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
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
