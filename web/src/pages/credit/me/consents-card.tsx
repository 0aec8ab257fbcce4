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
import { type CreditConsent, grantCreditConsent, type Names, revokeCreditConsent } from '../../../api/credit';
import { PageError } from '../../../app/page-error';
import { formatInstantDay, formatThroughDay, isConsentDayAllowed } from '../credit-format';
import { myConsentsQuery, myMeasuresQuery } from '../credit-queries';
import { useNameOf } from '../use-name-of';

type Day = Parameters<NonNullable<DatePickerProps['disabledDate']>>[0];
const STATUS_COLOURS: Record<CreditConsent['status'], string> = {
  active: 'green',
  expired: 'default',
  revoked: 'red',
};

/**
 * 激励查询授权: which perk providers may ask whether the resident qualifies (yes or no only), until when. At most a
 * year; revoked at once.
 */
export function CreditConsentsCard() {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const client = useQueryClient();
  const [form] = Form.useForm<{ providerId: string; expiresAt: Day }>();
  const { data: measures = [] } = useQuery(myMeasuresQuery);
  const consents = useQuery(myConsentsQuery);
  const providers = new Map<string, Names>(measures.map((m) => [m.providerId, m.provider]));
  const refresh = () => void client.invalidateQueries({ queryKey: myConsentsQuery.queryKey });
  const grant = useMutation({
    mutationFn: (v: { providerId: string; expiresAt: Day }) =>
      grantCreditConsent(v.providerId, v.expiresAt.format('YYYY-MM-DD')),
    onSuccess: () => {
      form.resetFields();
      refresh();
    },
  });
  const revoke = useMutation({ mutationFn: revokeCreditConsent, onSuccess: refresh });
  const providerName = (id: string) => {
    const names = providers.get(id);
    return names ? nameOf(names) : id;
  };

  return (
    <Card title={t('credit.me.consentsTitle')} size="small" data-testid="credit-consents">
      <Typography.Paragraph type="secondary">{t('credit.me.consentsIntro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => grant.mutate(v)}
        style={{ rowGap: 8, marginBottom: 12 }}
      >
        <Form.Item
          name="providerId"
          rules={[{ required: true, message: t('credit.me.providerRequired') }]}
          style={{ minWidth: 0, flex: '1 1 220px' }}
        >
          <Select
            aria-label={t('credit.me.provider')}
            placeholder={t('credit.me.provider')}
            options={[...providers].map(([id, names]) => ({ value: id, label: nameOf(names) }))}
          />
        </Form.Item>
        <Form.Item name="expiresAt" rules={[{ required: true, message: t('credit.me.expiryRequired') }]}>
          <DatePicker
            aria-label={t('credit.me.expiresAt')}
            placeholder={t('credit.me.expiresAt')}
            disabledDate={(day) => !isConsentDayAllowed(day.format('YYYY-MM-DD'))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={grant.isPending}>
          {t('credit.me.grant')}
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
          locale={{ emptyText: t('credit.me.consentsNone') }}
          renderItem={(c) => (
            <List.Item
              data-testid="credit-consent"
              actions={
                c.status === 'active'
                  ? [
                      <Popconfirm
                        key="revoke"
                        title={t('credit.me.revokeConfirm')}
                        onConfirm={() => revoke.mutate(c.id)}
                      >
                        <Button size="small" danger>
                          {t('credit.me.revoke')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <>
                    {providerName(c.providerId)}{' '}
                    <Tag color={STATUS_COLOURS[c.status]}>{t(`credit.me.consentStatuses.${c.status}`)}</Tag>
                  </>
                }
                description={t('credit.me.validity', {
                  from: formatInstantDay(c.grantedAt, i18n.language),
                  to: formatThroughDay(c.expiresAt, i18n.language),
                })}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
