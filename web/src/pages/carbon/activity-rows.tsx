import { Button, Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActivityKind } from '../../api/carbon';
import { ACTIVITY_KINDS, ACTIVITY_UNITS, defaultUnit, unitLabel } from './activity-units';

/** The server takes at most this many activities in one calculation. */
const MAX_ACTIVITIES = 200;

export interface ActivityValues {
  kind: ActivityKind;
  amount?: number | null;
  unit: string;
}

export const NEW_ACTIVITY: ActivityValues = { kind: 'electricity', unit: defaultUnit('electricity') };

/** The dynamic list of activities (`activities[n].kind/amount/unit`), one bordered block per row. */
export function ActivityRows() {
  const { t } = useTranslation();
  return (
    <Form.List name="activities">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <ActivityRow
              key={field.key}
              name={field.name}
              index={index}
              onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
            />
          ))}
          <Form.Item>
            <Button
              type="dashed"
              block
              disabled={fields.length >= MAX_ACTIVITIES}
              onClick={() => add({ ...NEW_ACTIVITY })}
            >
              + {t('calculator.add')}
            </Button>
          </Form.Item>
        </>
      )}
    </Form.List>
  );
}

interface ActivityRowProps {
  /** The row's index inside the form list, as in `activities[name]`. */
  name: number;
  index: number;
  onRemove?: () => void;
}

function ActivityRow({ name, index, onRemove }: ActivityRowProps) {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance();
  const kind: ActivityKind = Form.useWatch(['activities', name, 'kind'], form) ?? NEW_ACTIVITY.kind;
  return (
    <fieldset className="activity-row" data-testid={`activity-row-${index}`}>
      <legend className="activity-row__title">{t('calculator.activity', { n: index + 1 })}</legend>
      {onRemove && (
        <Button type="link" size="small" danger className="activity-row__remove" onClick={onRemove}>
          {t('calculator.remove')}
        </Button>
      )}
      <div className="activity-row__fields">
        <Form.Item className="activity-row__kind" name={[name, 'kind']} label={t('calculator.kind')}>
          <Select
            options={ACTIVITY_KINDS.map((value) => ({ value, label: t(`calculator.kinds.${value}`) }))}
            // A new kind starts on its base unit, so the row never holds a unit the kind cannot take.
            onChange={(next: ActivityKind) =>
              form.setFieldValue(['activities', name, 'unit'], defaultUnit(next))
            }
          />
        </Form.Item>
        <Form.Item
          name={[name, 'amount']}
          label={t('calculator.amount')}
          rules={[{ required: true, message: t('calculator.amountRequired') }]}
        >
          <InputNumber style={{ width: '100%' }} inputMode="decimal" />
        </Form.Item>
        <Form.Item name={[name, 'unit']} label={t('calculator.unit')}>
          <Select
            options={ACTIVITY_UNITS[kind].map((value) => ({ value, label: unitLabel(value, i18n.language) }))}
          />
        </Form.Item>
      </div>
    </fieldset>
  );
}
