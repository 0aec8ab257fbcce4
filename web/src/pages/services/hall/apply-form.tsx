import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ALLIANCE_CITIES,
  type FormValues,
  fetchPrefill,
  type ServiceCase,
  type ServiceItem,
  submitCase,
  type UploadedFile,
} from '../../../api/services';
import { useNameOf } from '../../credit/use-name-of';
import { ApplicationFields, MaterialUploads } from '../application-fields';
import { serviceErrorText as errorText } from '../service-error';
import { newRequestKey } from '../services-format';
import { casesKey, countiesQuery } from '../services-queries';
import { useServicesNames } from '../use-services-names';

interface Values {
  form?: Record<string, string | number | null | undefined>;
  materials?: Record<string, UploadedFile | undefined>;
  consent?: boolean;
  fromCity?: string;
  handlingDivision?: string;
  applicantId?: string;
}

/** The form's answers as the API takes them: blanks dropped, dates and numbers as entered. */
function formValues(values: Values['form']): FormValues {
  const out: FormValues = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    if (value === undefined || value === '') continue;
    out[key] = value;
  }
  return out;
}

function materialHashes(values: Values['materials']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, file] of Object.entries(values ?? {})) if (file) out[key] = file.hash;
  return out;
}

/**
 * 申请: the item's form (prefilled from the applicant's own records online), uploads for what is not fetched, and an
 * explicit consent naming every registry and field read for the case. The request key is made once per form, so a
 * double click or a retry returns the same case. At a window (`window`), a 政务服务 officer enters the applicant's
 * ID number and consents on their behalf.
 */
export function ApplyForm({
  item,
  window: atWindow = false,
  onSubmitted,
}: {
  item: ServiceItem;
  window?: boolean;
  onSubmitted: (submitted: ServiceCase) => void;
}) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const names = useServicesNames();
  const client = useQueryClient();
  // County items: the counties of the item's city, from the division service (any of the four cities).
  const counties = useQuery({ ...countiesQuery(item.cityCode), enabled: item.definition.level === 'county' });
  const [form] = Form.useForm<Values>();
  const [requestKey] = useState(newRequestKey);
  const d = item.definition;
  const consent = Form.useWatch('consent', form) ?? false;
  const hasPrefill = d.form.some((f) => f.prefill);
  const prefill = useQuery({
    queryKey: ['services', 'prefill', item.id],
    queryFn: ({ signal }) => fetchPrefill(item.id, signal),
    enabled: !atWindow && hasPrefill,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const prefilledKeys = Object.entries(prefill.data ?? {})
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key]) => key);
  useEffect(() => {
    if (!prefill.data) return;
    const values: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(prefill.data))
      if (typeof value === 'string' || typeof value === 'number') values[key] = value;
    form.setFieldsValue({ form: values });
  }, [prefill.data, form]);

  const submit = useMutation({
    mutationFn: (v: Values) =>
      submitCase({
        itemId: item.id,
        form: formValues(v.form),
        materials: materialHashes(v.materials),
        consent: v.consent === true,
        requestKey,
        ...(v.fromCity ? { fromCity: v.fromCity } : {}),
        ...(v.handlingDivision ? { handlingDivision: v.handlingDivision } : {}),
        ...(atWindow && v.applicantId ? { applicantId: v.applicantId.trim().toUpperCase() } : {}),
      }),
    onSuccess: (submitted) => {
      void client.invalidateQueries({ queryKey: casesKey });
      onSubmitted(submitted);
    },
  });

  const uploads = d.materials.filter(
    (m) => m.source === 'applicant' || (m.source === 'registry' && !consent),
  );
  const fetchList = item.fetches
    .map((f) => `${nameOf(f.keeper)}${nameOf(f.name)}（${f.fields.map((x) => nameOf(x.label)).join('、')}）`)
    .join('；');
  const office = names.office(`${item.cityCode}/${d.department}`);

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => submit.mutate(v)}
      onValuesChange={() => submit.isError && submit.reset()}
      data-testid="apply-form"
      initialValues={{ consent: false }}
    >
      {atWindow && (
        <Form.Item
          name="applicantId"
          label={t('services.apply.applicantId')}
          rules={[
            {
              required: true,
              pattern: /^\d{17}[\dXx]$/,
              message: t('services.apply.applicantIdInvalid'),
            },
          ]}
        >
          <Input maxLength={18} autoComplete="off" data-testid="applicant-id" />
        </Form.Item>
      )}
      {!atWindow && d.alliance && d.crossProvinceModes.includes('full_online') && (
        <Form.Item
          name="fromCity"
          label={t('services.apply.fromCity')}
          extra={t('services.apply.fromCityHint')}
        >
          <Select
            allowClear
            placeholder={t('services.apply.fromCityDefault')}
            options={ALLIANCE_CITIES.map((code) => ({ value: code, label: names.division(code) }))}
          />
        </Form.Item>
      )}
      {d.level === 'county' && (
        <Form.Item
          name="handlingDivision"
          label={t('services.apply.handlingCounty')}
          extra={t('services.apply.handlingCountyHint')}
        >
          <Select
            allowClear
            loading={counties.isPending}
            placeholder={t('services.apply.handlingCountyDefault')}
            options={(counties.data ?? []).map((county) => ({ value: county.code, label: county.name }))}
          />
        </Form.Item>
      )}
      <ApplicationFields fields={d.form} prefilled={prefilledKeys} />
      {uploads.length > 0 && <MaterialUploads materials={uploads} />}
      {uploads.length === 0 && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('services.apply.nothingToUpload')}
          data-testid="apply-nothing-to-upload"
        />
      )}
      {item.fetches.length > 0 && (
        <Form.Item
          name="consent"
          valuePropName="checked"
          extra={consent ? undefined : t('services.apply.withoutConsent')}
        >
          <Checkbox data-testid="apply-consent">
            <span data-testid="apply-consent-text">
              {t(atWindow ? 'services.apply.consentWindow' : 'services.apply.consent', {
                office,
                registries: fetchList,
              })}
            </span>
          </Checkbox>
        </Form.Item>
      )}
      {submit.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={errorText(submit.error)}
          data-testid="apply-error"
        />
      )}
      <Button type="primary" htmlType="submit" block loading={submit.isPending} data-testid="apply-submit">
        {t(atWindow ? 'services.apply.submitWindow' : 'services.apply.submit')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('services.apply.onceNotice')}
      </Typography.Paragraph>
    </Form>
  );
}
