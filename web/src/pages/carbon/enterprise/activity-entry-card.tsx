import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  type DatePickerProps,
  Form,
  type FormInstance,
  InputNumber,
  List,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { type RecordedMonth, recordActivity } from '../../../api/carbon-industrial';
import { ActivityRows, type ActivityValues, NEW_ACTIVITY } from '../activity-rows';
import { type FieldName, isActivityRowField, splitServerErrors } from '../field-path';
import { currentShanghaiPeriod } from '../format';

type Month = Parameters<NonNullable<DatePickerProps['disabledDate']>>[0];

interface EntryValues {
  period?: Month | null;
  activities: ActivityValues[];
  valueAdded?: number | null;
}

const isFormField = (name: FieldName, rows: number) =>
  name.length === 1 ? name[0] === 'period' || name[0] === 'valueAdded' : isActivityRowField(name, rows);

/**
 * 月度数据填报: one month's activity data and value added. Re-entering a kind replaces its figure; an amount far
 * beyond the enterprise's size is kept but flagged until an officer confirms it.
 */
export function ActivityEntryCard({ uscc }: { uscc: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<EntryValues>();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: (values: EntryValues) =>
      recordActivity(uscc, {
        period: values.period?.format('YYYY-MM') ?? '',
        activities: values.activities.map(({ kind, amount, unit }) => ({ kind, amount: amount ?? 0, unit })),
        ...(values.valueAdded == null ? {} : { valueAdded: values.valueAdded }),
      }),
    onSuccess: () => {
      setUnplaced([]);
      void client.invalidateQueries({ queryKey: ['carbon', 'enterprise', uscc] });
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      const rows = form.getFieldValue('activities')?.length ?? 0;
      const { fields, leftover } = splitServerErrors(error.details, (name) => isFormField(name, rows));
      const untyped: FormInstance = form;
      untyped.setFields(fields);
      setUnplaced(leftover);
    },
  });
  const currentPeriod = currentShanghaiPeriod();

  return (
    <Card title={t('enterpriseCarbon.entryTitle')} size="small" data-testid="activity-entry">
      <Form<EntryValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ activities: [{ ...NEW_ACTIVITY }] }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="period"
          label={t('calculator.period')}
          rules={[{ required: true, message: t('calculator.periodRequired') }]}
          style={{ maxWidth: 320 }}
        >
          <DatePicker
            picker="month"
            format="YYYY-MM"
            placeholder={t('calculator.periodPlaceholder')}
            disabledDate={(month) => month.format('YYYY-MM') > currentPeriod}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <ActivityRows />
        <Form.Item name="valueAdded" label={t('calculator.valueAdded')} style={{ maxWidth: 320 }}>
          <InputNumber
            style={{ width: '100%' }}
            inputMode="decimal"
            suffix={t('calculator.valueAddedUnit')}
          />
        </Form.Item>
        {save.error && (
          <Form.Item>
            <Alert
              type="error"
              showIcon
              role="alert"
              title={save.error.message}
              description={unplaced.length > 0 ? unplaced.join('；') : undefined}
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('enterpriseCarbon.save')}
        </Button>
      </Form>
      {save.data && <SavedMonth month={save.data} />}
    </Card>
  );
}

function SavedMonth({ month }: { month: RecordedMonth }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      style={{ marginTop: 16 }}
      data-testid="saved-month"
      header={t('enterpriseCarbon.saved', { period: month.period })}
      dataSource={month.rows}
      rowKey="kind"
      renderItem={(row) => (
        <List.Item>
          {t(`calculator.kinds.${row.kind}`, { defaultValue: row.kind })}: {row.amount} {row.unit}
          {row.warning && !row.counted && (
            <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid="needs-confirmation">
              {t('enterpriseCarbon.needsConfirmation')}
            </Tag>
          )}
        </List.Item>
      )}
    />
  );
}
