import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  type DatePickerProps,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import type { CreditRecord, CreditRecordType } from '../../../api/credit';
import { enterRecord } from '../../../api/credit-officer';
import { useNameOf } from '../use-name-of';
import { enteredRecordsKey } from './entered-records';

type Day = Parameters<NonNullable<DatePickerProps['disabledDate']>>[0];

interface Values {
  residentId: string;
  type: string;
  occurredOn: Day;
  quantity?: number;
  validUntil?: Day;
  evidenceRef?: string;
}

/** The source's own id for a record entered here; one per form fill, so a retried request never counts twice. */
const newRecordId = () => `web-${crypto.randomUUID()}`;

/** The server's sentence, plus any field details it gave (e.g. a resident ID of the wrong length). */
export function errorText(error: Error): string {
  if (!(error instanceof ApiError) || error.details.length === 0) return error.message;
  return [error.message, ...error.details.map((d) => d.message)].join('；');
}

/**
 * 录入一条记录: resident, one of the department's record types, the date of the fact and the quantity in the type's
 * unit. The server checks everything (a date in the future, a resident outside the jurisdiction…) and its refusal
 * is shown as it says it.
 */
export function RecordEntryCard({ types }: { types: readonly CreditRecordType[] }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [recordId, setRecordId] = useState(newRecordId);
  const [entered, setEntered] = useState<CreditRecord | null>(null);
  const typeCode = Form.useWatch('type', form);
  const type = types.find((x) => x.code === typeCode);
  const save = useMutation({
    mutationFn: (v: Values) =>
      enterRecord({
        recordId,
        residentId: v.residentId.trim().toUpperCase(),
        type: v.type,
        occurredOn: v.occurredOn.format('YYYY-MM-DD'),
        ...(v.quantity === undefined || v.quantity === null ? {} : { quantity: v.quantity }),
        ...(v.validUntil ? { validUntil: v.validUntil.format('YYYY-MM-DD') } : {}),
        evidenceRef: v.evidenceRef?.trim() || null,
      }),
    onSuccess: (record) => {
      setEntered(record);
      setRecordId(newRecordId());
      form.resetFields(['occurredOn', 'quantity', 'validUntil', 'evidenceRef']);
      void client.invalidateQueries({ queryKey: enteredRecordsKey });
    },
  });

  return (
    <Card title={t('credit.officer.entryTitle')} size="small" data-testid="credit-entry">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ type: types.length === 1 ? types[0]?.code : undefined }}
        onFinish={(v) => save.mutate(v)}
        onValuesChange={() => {
          setEntered(null);
          save.reset();
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="residentId"
              label={t('credit.officer.residentId')}
              rules={[
                {
                  required: true,
                  len: 18,
                  whitespace: true,
                  message: t('credit.officer.residentIdRequired'),
                },
              ]}
            >
              <Input maxLength={18} autoComplete="off" className="credit-mono" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="type"
              label={t('credit.officer.type')}
              rules={[{ required: true, message: t('credit.officer.typeRequired') }]}
            >
              <Select options={types.map((x) => ({ value: x.code, label: nameOf(x) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="occurredOn"
              label={t('credit.officer.occurredOn')}
              rules={[{ required: true, message: t('credit.officer.occurredOnRequired') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="quantity"
              label={t('credit.officer.quantity')}
              extra={
                type && t('credit.officer.quantityHint', { max: type.maxQuantity, unit: nameOf(type.unit) })
              }
            >
              <InputNumber
                min={0}
                placeholder="1"
                suffix={type ? nameOf(type.unit) : undefined}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="validUntil"
              label={t('credit.officer.validUntil')}
              extra={type && t('credit.officer.validUntilHint', { months: type.validityMonths })}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="evidenceRef" label={t('credit.officer.evidenceRef')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="credit-entry-submit">
          {t('credit.officer.submit')}
        </Button>
      </Form>
      {save.error && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          title={errorText(save.error)}
          data-testid="credit-entry-error"
        />
      )}
      {entered && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          data-testid="credit-entry-result"
          title={t('credit.officer.entered', {
            type: nameOf(entered.typeName),
            quantity: entered.quantity,
            unit: nameOf(entered.unit),
          })}
          description={`${entered.residentId} · ${entered.occurredOn} → ${entered.validUntil}`}
        />
      )}
    </Card>
  );
}
