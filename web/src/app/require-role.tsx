import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/auth';
import { useCurrentUser } from '../auth/use-current-user';
import { BackHomeButton } from './back-home-button';

/**
 * Shows a page only to its role. This is a courtesy in the UI; the server's policies decide
 * what data a role may actually read.
 */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (user.role === role) return children;
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.subtitle')}
      extra={<BackHomeButton />}
    />
  );
}
