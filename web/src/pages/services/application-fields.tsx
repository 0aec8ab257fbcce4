import { Form, Input, InputNumber, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormField, ItemMaterial } from '../../api/services';
import { useNameOf } from '../credit/use-name-of';
import { MaterialUpload } from './material-upload';

/** The item's form fields inside an antd Form under `form.<key>`; prefilled ones say so. */
export function ApplicationFields({
  fields,
  prefilled = [],
}: {
  fields: readonly FormField[];
  prefilled?: readonly string[];
}) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  return (
    <>
      {fields.map((field) => (
        <Form.Item
          key={field.key}
          name={['form', field.key]}
          label={nameOf(field.label)}
          extra={
            prefilled.includes(field.key) ? (
              <Tag color="green">{t('services.apply.prefilled')}</Tag>
            ) : undefined
          }
          rules={[
            {
              required: field.required,
              message: t('services.apply.fieldRequired', { field: nameOf(field.label) }),
            },
          ]}
        >
          {field.type === 'number' ? (
            <InputNumber style={{ width: '100%' }} />
          ) : field.type === 'select' ? (
            <Select
              allowClear={!field.required}
              options={(field.options ?? []).map((o) => ({ value: o.value, label: nameOf(o.label) }))}
            />
          ) : field.type === 'date' ? (
            <Input type="date" />
          ) : (
            <Input maxLength={500} />
          )}
        </Form.Item>
      ))}
    </>
  );
}

/** Upload slots under `materials.<key>` for the materials the applicant supplies (and fetched ones without consent). */
export function MaterialUploads({
  materials,
  allOptional = false,
}: {
  materials: readonly ItemMaterial[];
  /** A resubmission or supplement: earlier uploads stand, new ones replace them. */
  allOptional?: boolean;
}) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  return (
    <>
      {materials.map((m) => {
        const required = !allOptional && (m.source === 'applicant' ? m.required : true);
        return (
          <Form.Item
            key={m.key}
            name={['materials', m.key]}
            label={`${nameOf(m.name)}${required ? '' : t('services.apply.optional')}`}
            rules={[{ required, message: t('services.apply.uploadRequired', { name: nameOf(m.name) }) }]}
            extra={m.source === 'applicant' && m.original ? t('services.apply.originalNeeded') : undefined}
          >
            <MaterialUpload testId={`upload-${m.key}`} />
          </Form.Item>
        );
      })}
    </>
  );
}
