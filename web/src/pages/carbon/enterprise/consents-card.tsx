import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  type DatePickerProps,
  Form,
  List,
  Popconfirm,
  Select,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type CarbonConsent,
  fetchBanks,
  fetchMyConsents,
  grantConsent,
  revokeConsent,
} from '../../../api/carbon-finance';
import { PageError } from '../../../app/page-error';
import { formatDay } from '../format';

type Day = Parameters<NonNullable<DatePickerProps['disabledDate']>>[0];
const consentsKey = ['carbon', 'consents', 'me'] as const;
const STATUS_COLOURS: Record<CarbonConsent['status'], string> = {
  active: 'green',
  expired: 'default',
  revoked: 'red',
};

/**
 * 授权管理: which bank may read the enterprise's carbon credit report for a loan assessment, until when. A
 * consent lasts at most a year and can be revoked at once; without one the bank is refused.
 */
export function ConsentsCard() {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const client = useQueryClient();
  const [form] = Form.useForm<{ bank: string; expiresAt: Day }>();
  const banks = useQuery({
    queryKey: ['carbon', 'banks'],
    queryFn: ({ signal }) => fetchBanks(signal),
    staleTime: 3_600_000,
  });
  const consents = useQuery({ queryKey: consentsKey, queryFn: ({ signal }) => fetchMyConsents(signal) });
  const refresh = () => void client.invalidateQueries({ queryKey: consentsKey });
  const grant = useMutation({
    mutationFn: (v: { bank: string; expiresAt: Day }) =>
      grantConsent(v.bank, v.expiresAt.format('YYYY-MM-DD')),
    onSuccess: () => {
      form.resetFields();
      refresh();
    },
  });
  const revoke = useMutation({ mutationFn: revokeConsent, onSuccess: refresh });
  const bankName = (c: CarbonConsent) =>
    c.bank ? (english ? c.bank.nameEn : c.bank.nameZh) : t('common.none');

  return (
    <Card title={t('consents.title')} size="small" data-testid="consents-card">
      <Typography.Paragraph type="secondary">{t('consents.intro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => grant.mutate(v)}
        style={{ rowGap: 8, marginBottom: 12 }}
      >
        <Form.Item name="bank" rules={[{ required: true, message: t('consents.bankRequired') }]}>
          <Select
            aria-label={t('consents.bank')}
            placeholder={t('consents.bank')}
            style={{ minWidth: 220 }}
            options={(banks.data ?? []).map((b) => ({ value: b.uscc, label: english ? b.nameEn : b.nameZh }))}
          />
        </Form.Item>
        <Form.Item name="expiresAt" rules={[{ required: true, message: t('consents.expiryRequired') }]}>
          <DatePicker
            aria-label={t('consents.expiresAt')}
            placeholder={t('consents.expiresAt')}
            disabledDate={(day) => day.isBefore(new Date(), 'day') || day.diff(new Date(), 'day') > 365}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={grant.isPending}>
          {t('consents.grant')}
        </Button>
      </Form>
      {(grant.error || revoke.error) && (
        <Alert
          type="error"
          showIcon
          title={(grant.error ?? revoke.error)?.message}
          style={{ marginBottom: 12 }}
        />
      )}
      {consents.error ? (
        <PageError error={consents.error} onRetry={() => void consents.refetch()} />
      ) : (
        <List
          size="small"
          loading={consents.isPending}
          dataSource={consents.data ?? []}
          rowKey="id"
          locale={{ emptyText: t('consents.none') }}
          renderItem={(c) => (
            <List.Item
              data-testid="consent-row"
              actions={
                c.status === 'active'
                  ? [
                      <Popconfirm
                        key="revoke"
                        title={t('consents.revokeConfirm')}
                        onConfirm={() => revoke.mutate(c.id)}
                      >
                        <Button size="small" danger>
                          {t('consents.revoke')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <>
                    {bankName(c)}{' '}
                    <Tag color={STATUS_COLOURS[c.status]}>{t(`consents.statuses.${c.status}`)}</Tag>
                  </>
                }
                description={t('consents.validity', {
                  from: formatDay(c.grantedAt, i18n.language),
                  to: formatDay(c.expiresAt, i18n.language),
                })}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
