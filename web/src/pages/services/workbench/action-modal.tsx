import { useQuery } from '@tanstack/react-query';
import { Alert, Button, type ButtonProps, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  ActionInput,
  CaseAction,
  CaseDetail,
  CaseProblem,
  Delivery,
  ItemDefinition,
} from '../../../api/services';
import { useNameOf } from '../../credit/use-name-of';
import { serviceErrorText } from '../service-error';
import { cityOf, problemsFrom } from '../services-format';
import { countiesQuery } from '../services-queries';

/** Actions that ask for something before they go: the modal that asks it. */
export const ACTIONS_WITH_INPUT: readonly CaseAction[] = [
  'return',
  'request_supplement',
  'deny',
  'deliver',
  'transfer',
  'approve',
];

interface Values {
  problems?: { kind?: CaseProblem['kind']; key?: string; message?: string }[];
  reason?: string;
  delivery?: Delivery;
  trackingNumber?: string;
  toDivision?: string;
  toOfficer?: string;
}

/**
 * The input of one step: every problem at once (退回 / 补正), a reason (不予办理 needs one), how the result goes out
 * (送达: electronic, post with its tracking number, or at the window), or whom to transfer to.
 */
export function ActionModal({
  action,
  detail,
  item,
  pending,
  error,
  onCancel,
  onSubmit,
}: {
  action: CaseAction | null;
  detail: CaseDetail;
  item: ItemDefinition | undefined;
  pending: boolean;
  error: Error | null;
  onCancel: () => void;
  onSubmit: (input: ActionInput) => void;
}) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const [form] = Form.useForm<Values>();
  const delivery = Form.useWatch('delivery', form);
  const c = detail.case;
  const roles = detail.roles;
  // A window delivers only what is collected at the window; the deciding office delivers in any of the item's ways.
  const deliveries = (item?.result.delivery ?? ['electronic', 'post', 'window']).filter(
    (way) => roles.includes('handling') || way === 'window',
  );
  const finish = (v: Values) => {
    if (action === 'return' || action === 'request_supplement')
      onSubmit({ reasons: problemsFrom(v.problems ?? []) });
    else if (action === 'deny' || action === 'approve')
      onSubmit(v.reason?.trim() ? { reason: v.reason.trim() } : {});
    else if (action === 'deliver')
      onSubmit({
        delivery: v.delivery,
        ...(v.delivery === 'post' ? { trackingNumber: v.trackingNumber?.trim().toUpperCase() } : {}),
      });
    else if (action === 'transfer')
      onSubmit({
        ...(v.toDivision ? { toDivision: v.toDivision } : {}),
        ...(v.toOfficer?.trim() ? { toOfficer: v.toOfficer.trim() } : {}),
      });
  };
  const counties =
    useQuery({ ...countiesQuery(cityOf(c.handlingDivision)), enabled: action === 'transfer' }).data ?? [];
  return (
    <Modal
      open={action !== null}
      title={action ? t(`services.actions.${action}`) : ''}
      onCancel={onCancel}
      destroyOnHidden
      okText={t('services.workbench.confirm')}
      okButtonProps={{ loading: pending, 'data-testid': 'action-confirm' } as ButtonProps}
      onOk={() => form.submit()}
      modalRender={(node) => (
        <Form
          form={form}
          layout="vertical"
          onFinish={finish}
          clearOnDestroy
          initialValues={{ problems: [{ kind: 'material' }], delivery: deliveries[0] }}
          data-testid="action-form"
        >
          {node}
        </Form>
      )}
    >
      {(action === 'return' || action === 'request_supplement') && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('services.workbench.allAtOnce')}
          />
          <Form.List name="problems">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Space
                    key={field.key}
                    align="start"
                    wrap
                    style={{ display: 'flex', marginBottom: 8 }}
                    data-testid="problem-entry"
                  >
                    <Form.Item name={[field.name, 'kind']} noStyle>
                      <Select
                        style={{ width: 96 }}
                        aria-label={t('services.workbench.problemKind')}
                        options={(['material', 'form', 'condition'] as const).map((k) => ({
                          value: k,
                          label: t(`services.problemKinds.${k}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'key']} noStyle>
                      <Select
                        allowClear
                        style={{ width: 150 }}
                        aria-label={t('services.workbench.problemKey')}
                        placeholder={t('services.workbench.problemKey')}
                        options={[
                          ...(item?.materials ?? []).map((m) => ({ value: m.key, label: nameOf(m.name) })),
                          ...(item?.form ?? []).map((f) => ({ value: f.key, label: nameOf(f.label) })),
                        ]}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'message']}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t('services.workbench.problemRequired'),
                        },
                      ]}
                      style={{ marginBottom: 0, minWidth: 200, flex: 1 }}
                    >
                      <Input
                        maxLength={300}
                        aria-label={t('services.workbench.problemMessage', { n: i + 1 })}
                        placeholder={t('services.workbench.problemMessage', { n: i + 1 })}
                      />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button type="text" danger onClick={() => remove(field.name)}>
                        {t('services.workbench.removeProblem')}
                      </Button>
                    )}
                  </Space>
                ))}
                <Button
                  type="dashed"
                  block
                  onClick={() => add({ kind: 'material' })}
                  data-testid="add-problem"
                >
                  + {t('services.workbench.addProblem')}
                </Button>
              </>
            )}
          </Form.List>
        </>
      )}
      {(action === 'deny' || action === 'approve') && (
        <Form.Item
          name="reason"
          label={t(action === 'deny' ? 'services.workbench.denyReason' : 'services.workbench.approveNote')}
          rules={
            action === 'deny'
              ? [
                  {
                    required: true,
                    whitespace: true,
                    min: 2,
                    message: t('services.workbench.denyReasonRequired'),
                  },
                ]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      )}
      {action === 'deliver' && (
        <>
          <Form.Item name="delivery" label={t('services.workbench.delivery')} rules={[{ required: true }]}>
            <Radio.Group
              options={deliveries.map((way) => ({ value: way, label: t(`services.deliveries.${way}`) }))}
            />
          </Form.Item>
          {delivery === 'post' && (
            <Form.Item
              name="trackingNumber"
              label={t('services.workbench.trackingNumber')}
              rules={[
                {
                  required: true,
                  pattern: /^[A-Za-z0-9]{10,20}$/,
                  message: t('services.workbench.trackingInvalid'),
                },
              ]}
            >
              <Input maxLength={20} />
            </Form.Item>
          )}
        </>
      )}
      {action === 'transfer' && (
        <>
          {counties.length > 0 && (
            <Form.Item name="toDivision" label={t('services.workbench.toDivision')}>
              <Select
                allowClear
                options={counties
                  .filter((county) => county.code !== c.handlingDivision)
                  .map((county) => ({ value: county.code, label: county.name }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="toOfficer"
            label={t('services.workbench.toOfficer')}
            dependencies={['toDivision']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  value?.trim() || getFieldValue('toDivision')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('services.workbench.transferRequired'))),
              }),
            ]}
          >
            <Input placeholder="officer-330802-civil_affairs" />
          </Form.Item>
        </>
      )}
      {error && <Alert type="error" showIcon title={serviceErrorText(error)} data-testid="action-error" />}
    </Modal>
  );
}
