import { Card, Descriptions, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/auth';
import { useDepartmentLabel } from '../app/use-department-label';

/** Who is signed in, exactly as `/auth/me` reports it. */
export function AccountCard({ user }: { user: User }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const departmentLabel = useDepartmentLabel();
  const items: DescriptionsProps['items'] = [
    { key: 'displayName', label: t('account.displayName'), children: user.displayName },
    { key: 'username', label: t('account.username'), children: user.username },
    { key: 'role', label: t('account.role'), children: t(`roles.${user.role}`) },
  ];
  if (user.department !== null || user.role === 'officer') {
    items.push({
      key: 'department',
      label: t('account.department'),
      children: departmentLabel(user.department) ?? none,
    });
  }
  if (user.divisionName !== null || user.divisionCode !== null) {
    const division = [user.divisionName, user.divisionCode && `(${user.divisionCode})`]
      .filter(Boolean)
      .join(' ');
    items.push({ key: 'division', label: t('account.division'), children: division });
  }
  return (
    <Card title={t('account.title')} size="small" data-testid="account-card">
      <Descriptions column={1} size="small" items={items} />
    </Card>
  );
}
