import type { Role } from '../api/auth';
import type { Translation } from '../i18n/translation';

/** i18n key of a side-menu label. */
export type MenuLabelKey = `menu.${keyof Translation['menu'] & string}`;

/** The page each role lands on and the menu entry that leads there. */
export interface RoleHome {
  role: Role;
  path: string;
  /** i18n key of the menu label, e.g. 我的 / Me. */
  menuKey: `menu.${Role}`;
}

const homes: Record<Role, RoleHome> = {
  resident: { role: 'resident', path: '/me', menuKey: 'menu.resident' },
  enterprise_agent: { role: 'enterprise_agent', path: '/enterprise', menuKey: 'menu.enterprise_agent' },
  collective: { role: 'collective', path: '/village', menuKey: 'menu.collective' },
  officer: { role: 'officer', path: '/workbench', menuKey: 'menu.officer' },
  bank: { role: 'bank', path: '/bank', menuKey: 'menu.bank' },
  auditor: { role: 'auditor', path: '/audit', menuKey: 'menu.auditor' },
  admin: { role: 'admin', path: '/cockpit', menuKey: 'menu.admin' },
};

export const allRoleHomes: readonly RoleHome[] = Object.values(homes);

/** One entry of a role's side menu. */
export interface MenuEntry {
  path: string;
  labelKey: MenuLabelKey;
}

/** Module pages each role reaches from its menu, after its home; all live under the role's home path. */
const modulePages: Partial<Record<Role, readonly MenuEntry[]>> = {
  resident: [{ path: '/me/carbon', labelKey: 'menu.residentCarbon' }],
  enterprise_agent: [
    { path: '/enterprise/carbon', labelKey: 'menu.enterpriseCarbon' },
    { path: '/enterprise/carbon/calculator', labelKey: 'menu.enterpriseCalculator' },
  ],
  officer: [{ path: '/workbench/carbon', labelKey: 'menu.officerCarbon' }],
  bank: [{ path: '/bank/carbon', labelKey: 'menu.bankCarbon' }],
};

/** The role's side menu: its home, then its module pages. */
export function menuEntries(role: Role): MenuEntry[] {
  const home = homes[role];
  return [{ path: home.path, labelKey: home.menuKey }, ...(modulePages[role] ?? [])];
}

export function roleHome(role: Role): RoleHome {
  return homes[role];
}

/** Whether `path` lies in another role's area; paths no role owns (e.g. a 404) are open to all. */
export function canVisit(role: Role, path: string): boolean {
  const owner = allRoleHomes.find((home) => path === home.path || path.startsWith(`${home.path}/`));
  return owner === undefined || owner.role === role;
}
