import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** A failed load (network down, server error) with the reason and a retry button. */
export function PageError({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('errors.loadFailed')}
      subTitle={error.message}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
