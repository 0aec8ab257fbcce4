import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { verifyAuditChain } from '../../api/audit';

/**
 * 哈希链校验: the server walks the whole trail and recomputes each entry's hash from its content and the previous
 * hash, so an entry edited, removed or inserted behind the platform's back shows as the first broken one.
 */
export function ChainCheckCard() {
  const { t, i18n } = useTranslation();
  const check = useMutation({ mutationFn: verifyAuditChain });
  const count = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  return (
    <Card title={t('audit.verify.title')} size="small" data-testid="audit-verify">
      <Typography.Paragraph type="secondary">{t('audit.verify.intro')}</Typography.Paragraph>
      <Button onClick={() => check.mutate()} loading={check.isPending} data-testid="audit-verify-run">
        {t('audit.verify.run')}
      </Button>
      {check.data && (
        <Alert
          style={{ marginTop: 12 }}
          showIcon
          data-testid="audit-verify-result"
          type={check.data.ok ? 'success' : 'error'}
          title={
            check.data.ok
              ? t('audit.verify.intact', { rows: count(check.data.rows) })
              : t('audit.verify.broken', {
                  seq: check.data.seq ?? '?',
                  reason: check.data.reason ?? '',
                  rows: count(check.data.rows),
                })
          }
        />
      )}
      {check.error && <Alert style={{ marginTop: 12 }} showIcon type="warning" title={check.error.message} />}
    </Card>
  );
}
