import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { addFactorVersion, type EmissionFactor, fetchFactors } from '../../../api/carbon-factors';
import { fieldNameOf } from '../field-path';
import { factorsQueryKey } from './factor-table';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const BASES: EmissionFactor['basis'][] = ['published', 'guideline_default', 'ipcc_default', 'assumption'];
const REGIONS: EmissionFactor['region'][] = ['national', 'east-china', 'any'];

type Values = Omit<EmissionFactor, 'validFrom' | 'validTo'> & { validFrom?: string; validTo?: string };

/**
 * 新增因子版本: starts from an existing version (kind, region, unit, gas stay the kind's), takes the new value,
 * year, validity and source. The server refuses a reused id (409) and a unit that is not the kind's (422); its
 * messages appear beside the field they concern.
 */
export function NewFactorVersionButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const { data: factors = [] } = useQuery({
    queryKey: factorsQueryKey,
    queryFn: ({ signal }) => fetchFactors(signal),
  });
  const save = useMutation({ mutationFn: addFactorVersion });

  const startFrom = (id: string) => {
    const base = factors.find((f) => f.id === id);
    if (!base) return;
    form.setFieldsValue({ ...base, id: '', validFrom: undefined, validTo: undefined, notes: '' });
  };

  const submit = (values: Values) =>
    save.mutate(
      {
        ...values,
        notes: values.notes ?? '',
        validFrom: values.validFrom || null,
        validTo: values.validTo || null,
      },
      {
        onSuccess: (factor) => {
          void message.success(t('factors.added', { id: factor.id }));
          void client.invalidateQueries({ queryKey: factorsQueryKey });
          setOpen(false);
          form.resetFields();
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return setUnplaced([error.message]);
          const leftover: string[] = [];
          const fields = error.details.flatMap((d) => {
            const name = fieldNameOf(d.path);
            if (name.length === 1 && form.getFieldInstance(name[0] as keyof Values) !== undefined)
              return [{ name: name[0] as keyof Values, errors: [d.message] }];
            leftover.push(d.message);
            return [];
          });
          form.setFields(fields);
          setUnplaced(leftover.length > 0 || fields.length === 0 ? [error.message, ...leftover] : []);
        },
      },
    );

  const periodRule = { pattern: PERIOD, message: t('factors.periodFormat') };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="new-factor-version">
        {t('factors.newVersion')}
      </Button>
      <Drawer
        open={open}
        title={t('factors.newVersion')}
        size="large"
        onClose={() => setOpen(false)}
        destroyOnHidden
        extra={
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="factor-save"
          >
            {t('factors.save')}
          </Button>
        }
      >
        <Form form={form} layout="vertical" onFinish={submit} onValuesChange={() => setUnplaced([])}>
          <Form.Item label={t('factors.startFrom')} htmlFor="factor-start-from">
            <Select
              id="factor-start-from"
              showSearch
              placeholder={t('factors.startFromHint')}
              options={factors.map((f) => ({ value: f.id, label: `${f.id} (${f.value} ${f.unit})` }))}
              onChange={startFrom}
            />
          </Form.Item>
          <Form.Item
            name="id"
            label={t('factors.id')}
            rules={[{ required: true }]}
            extra={t('factors.idHint')}
          >
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('factors.kind')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="region" label={t('factors.region')} rules={[{ required: true }]}>
            <Select options={REGIONS.map((r) => ({ value: r, label: r }))} />
          </Form.Item>
          <Form.Item name="value" label={t('factors.value')} rules={[{ required: true }]}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="unit" label={t('factors.unit')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="gas" label={t('factors.gas')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="basis" label={t('factors.basis')} rules={[{ required: true }]}>
            <Select options={BASES.map((b) => ({ value: b, label: t(`factors.bases.${b}`) }))} />
          </Form.Item>
          <Form.Item name="year" label={t('factors.year')} rules={[{ required: true }]}>
            <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="validFrom" label={t('factors.validFrom')} rules={[periodRule]}>
            <Input placeholder="YYYY-MM" />
          </Form.Item>
          <Form.Item name="validTo" label={t('factors.validTo')} rules={[periodRule]}>
            <Input placeholder="YYYY-MM" />
          </Form.Item>
          <Form.Item name="source" label={t('factors.source')} rules={[{ required: true, min: 3 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="notes" label={t('factors.notes')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
        {unplaced.length > 0 && (
          <Alert type="error" showIcon data-testid="factor-error" title={unplaced.join('；')} />
        )}
      </Drawer>
    </>
  );
}
