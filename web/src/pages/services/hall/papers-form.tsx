import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { actOnCase, type CaseDetail, type FormValues, type UploadedFile } from '../../../api/services';
import { ApplicationFields, MaterialUploads } from '../application-fields';
import { serviceErrorText } from '../service-error';
import { casesKey, itemQuery } from '../services-queries';

interface Values {
  form?: Record<string, string | number | null | undefined>;
  materials?: Record<string, UploadedFile | undefined>;
}

/**
 * 修改后重新提交 (returned) or 补正 (suspended): the form as it stands, corrected, and new files for the materials
 * at fault; earlier uploads stay unless replaced. Acts on the version the applicant saw.
 */
export function PapersForm({ detail, action }: { detail: CaseDetail; action: 'resubmit' | 'supplement' }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const item = useQuery(itemQuery(detail.case.itemId));
  const [form] = Form.useForm<Values>();
  const send = useMutation({
    mutationFn: (v: Values) => {
      const values: FormValues = {};
      for (const [key, value] of Object.entries(v.form ?? {}))
        if (value !== undefined && value !== '') values[key] = value;
      const materials: Record<string, string> = {};
      for (const [key, file] of Object.entries(v.materials ?? {})) if (file) materials[key] = file.hash;
      return actOnCase(detail.case.id, action, {
        form: values,
        materials,
        expectedVersion: detail.case.version,
      });
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: casesKey }),
  });
  if (!item.data) return null;
  const problemKeys = new Set((detail.case.returnReasons ?? []).map((p) => p.key));
  const uploads = item.data.definition.materials.filter(
    (m) => m.source === 'applicant' || (m.source === 'registry' && problemKeys.has(m.key)),
  );
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ form: detail.form }}
      onFinish={(v) => send.mutate(v)}
      data-testid={`${action}-form`}
    >
      <ApplicationFields fields={item.data.definition.form} />
      <MaterialUploads materials={uploads} allOptional />
      {send.error && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={serviceErrorText(send.error)} />
      )}
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={send.isPending}
        data-testid={`${action}-submit`}
      >
        {t(`services.papers.${action}`)}
      </Button>
    </Form>
  );
}
