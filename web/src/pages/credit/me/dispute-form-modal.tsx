import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CreditRecord, type DisputeKind, openDispute } from '../../../api/credit';
import { formatDate } from '../credit-format';
import { myCreditKey } from '../credit-queries';
import { useNameOf } from '../use-name-of';

/** The record a resident is about to dispute, or ask to repair. */
export interface DisputeTarget {
  record: CreditRecord;
  kind: DisputeKind;
}

interface Values {
  reason: string;
  evidenceRef?: string;
}

/** 提出异议 / 申请信用修复: the reason and an optional evidence reference, sent to the reporting department. */
export function DisputeFormModal({ target, onClose }: { target: DisputeTarget | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const nameOf = useNameOf();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const submit = useMutation({
    mutationFn: (values: Values & DisputeTarget) =>
      openDispute({
        recordId: values.record.id,
        kind: values.kind,
        reason: values.reason.trim(),
        evidenceRef: values.evidenceRef?.trim() || null,
      }),
    onSuccess: (dispute) => {
      void message.success(t('credit.me.submitted', { due: formatDate(dispute.dueOn, i18n.language) }));
      void client.invalidateQueries({ queryKey: myCreditKey });
      form.resetFields();
      onClose();
    },
  });
  const type = target ? nameOf(target.record.typeName) : '';
  return (
    <Modal
      open={target !== null}
      title={target ? t(`credit.me.formTitle.${target.kind}`, { type }) : ''}
      okText={t('credit.me.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={submit.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        submit.reset();
        onClose();
      }}
      afterOpenChange={(open) => {
        if (!open) submit.reset();
      }}
      destroyOnHidden
    >
      {target && (
        <>
          <Typography.Paragraph type="secondary">
            {t(`credit.me.formHint.${target.kind}`)}
          </Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            onFinish={(values) => submit.mutate({ ...values, ...target })}
            data-testid="dispute-form"
          >
            <Form.Item
              name="reason"
              label={t('credit.me.reason')}
              rules={[{ required: true, whitespace: true, min: 2, message: t('credit.me.reasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
            <Form.Item
              name="evidenceRef"
              label={t('credit.me.evidenceRef')}
              extra={t('credit.me.evidenceHint')}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Form>
        </>
      )}
      {submit.error && (
        <Alert type="error" showIcon title={submit.error.message} data-testid="dispute-error" />
      )}
    </Modal>
  );
}
