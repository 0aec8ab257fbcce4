import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/auth';
import { useCurrentUser } from '../auth/use-current-user';
import { AccountCard } from './account-card';

interface RoleHomeProps {
  forRole: Role;
  /** Role-specific content between the introduction and the account card. */
  children?: ReactNode;
}

/**
 * The common frame of a role's home: title, what the role will do here, who is signed in.
 * Modules replace the "will offer" list with real content as they arrive.
 */
export function RoleHome({ forRole: role, children }: RoleHomeProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const plans = t(`pages.${role}.plans`, { returnObjects: true });
  return (
    <Flex vertical gap={16} style={{ maxWidth: 880 }}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t(`pages.${role}.title`)}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t(`pages.${role}.intro`)}</Typography.Paragraph>
      </div>
      {children}
      <AccountCard user={user} />
      <Card title={t('home.plansTitle')} size="small">
        <ul className="role-home__plans">
          {plans.map((plan) => (
            <li key={plan}>{plan}</li>
          ))}
        </ul>
        <Typography.Text type="secondary">{t('home.startingPoint')}</Typography.Text>
      </Card>
    </Flex>
  );
}
