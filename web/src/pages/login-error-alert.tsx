import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';

/** The server's localised reason a login failed; a lockout (429) shows as a warning with the wait. */
export function LoginErrorAlert({ error }: { error: Error }) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  const lockedOut = apiError?.status === 429;
  const wait =
    lockedOut && apiError?.retryAfterSeconds != null
      ? ` ${t('login.retryAfter', { seconds: apiError.retryAfterSeconds })}`
      : '';
  const details = apiError?.details ?? [];
  return (
    <Alert
      type={lockedOut ? 'warning' : 'error'}
      showIcon
      role="alert"
      data-testid="login-error"
      title={lockedOut ? t('login.locked') : t('login.failed')}
      description={
        <>
          {error.message}
          {wait}
          {details.length > 0 && (
            <ul className="login-error__details">
              {details.map((detail) => (
                <li key={`${detail.path}:${detail.message}`}>{detail.message}</li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}
