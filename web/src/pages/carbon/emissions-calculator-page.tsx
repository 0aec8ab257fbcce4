import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  type DatePickerProps,
  Flex,
  Form,
  type FormInstance,
  InputNumber,
  Radio,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { type CalculationRequest, calculateEmissions, type GridChoice } from '../../api/carbon';
import { ActivityRows, type ActivityValues, NEW_ACTIVITY } from './activity-rows';
import { CalculationResultCard } from './calculation-result';
import { CarbonAccountCard } from './carbon-account-card';
import { type FieldName, isActivityRowField, splitServerErrors } from './field-path';
import { currentShanghaiPeriod } from './format';
import './carbon.css';

/** The month picker's value (a Dayjs), named without importing dayjs itself. */
type Month = Parameters<NonNullable<DatePickerProps['disabledDate']>>[0];

interface CalculatorValues {
  period?: Month | null;
  gridFactor: GridChoice;
  activities: ActivityValues[];
  valueAdded?: number | null;
}

const INITIAL_VALUES: CalculatorValues = { gridFactor: 'national', activities: [{ ...NEW_ACTIVITY }] };
const GRID_CHOICES: readonly GridChoice[] = ['national', 'east-china'];

function toRequest(values: CalculatorValues): CalculationRequest {
  return {
    period: values.period?.format('YYYY-MM') ?? '',
    gridFactor: values.gridFactor,
    activities: values.activities.map(({ kind, amount, unit }) => ({ kind, amount: amount ?? 0, unit })),
    ...(values.valueAdded == null ? {} : { valueAdded: values.valueAdded }),
  };
}

/** Whether a server path names a field this form shows (a top-level field or a row's kind/amount/unit). */
function isFormField(name: FieldName, rows: number): boolean {
  if (name.length === 1) return ['period', 'gridFactor', 'valueAdded'].includes(String(name[0]));
  return isActivityRowField(name, rows);
}

/** /enterprise/carbon/calculator (碳排放测算): activity data in, emissions with the factor behind every line out. */
export default function EmissionsCalculatorPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<CalculatorValues>();
  const calculation = useMutation({ mutationFn: calculateEmissions });
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const currentPeriod = currentShanghaiPeriod();

  /** Puts each server message under the field its path names; returns the ones that name no field. */
  function showServerErrors(error: Error): string[] {
    if (!(error instanceof ApiError)) return [];
    const rows = form.getFieldValue('activities')?.length ?? 0;
    const { fields, leftover } = splitServerErrors(error.details, (name) => isFormField(name, rows));
    // Server paths are plain strings and indexes, not this form's typed paths: set them on the untyped instance.
    const untyped: FormInstance = form;
    untyped.setFields(fields);
    return leftover;
  }

  const calculate = (values: CalculatorValues) =>
    calculation.mutate(toRequest(values), {
      onError: (error) => setUnplaced(showServerErrors(error)),
      onSuccess: () => setUnplaced([]),
    });

  return (
    <Flex vertical gap={16} className="carbon-page carbon-page--wide">
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('calculator.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('calculator.intro')}</Typography.Paragraph>
      </div>
      <CarbonAccountCard title={t('carbon.account.enterpriseTitle')} />
      <Card title={t('calculator.formTitle')} size="small">
        <Form<CalculatorValues>
          form={form}
          name="emissions-calculator"
          layout="vertical"
          requiredMark={false}
          initialValues={INITIAL_VALUES}
          onFinish={calculate}
        >
          <div className="calculator-settings">
            <Form.Item
              name="period"
              label={t('calculator.period')}
              rules={[{ required: true, message: t('calculator.periodRequired') }]}
            >
              <DatePicker
                picker="month"
                format="YYYY-MM"
                placeholder={t('calculator.periodPlaceholder')}
                // The server rejects months after the current one in Quzhou (UTC+8).
                disabledDate={(month) => month.format('YYYY-MM') > currentPeriod}
                style={{ width: '100%' }}
              />
            </Form.Item>
            <Form.Item name="gridFactor" label={t('calculator.gridFactor')}>
              <Radio.Group
                optionType="button"
                options={GRID_CHOICES.map((value) => ({ value, label: t(`calculator.grids.${value}`) }))}
              />
            </Form.Item>
          </div>
          <ActivityRows />
          <Form.Item
            name="valueAdded"
            label={t('calculator.valueAdded')}
            extra={t('calculator.valueAddedHelp')}
            style={{ maxWidth: 320 }}
          >
            <InputNumber
              style={{ width: '100%' }}
              inputMode="decimal"
              suffix={t('calculator.valueAddedUnit')}
            />
          </Form.Item>
          {calculation.error && (
            <Form.Item>
              <Alert
                type="error"
                showIcon
                role="alert"
                data-testid="calculation-error"
                title={t('calculator.failed')}
                description={
                  <>
                    {calculation.error.message}
                    {unplaced.length > 0 && (
                      <ul className="carbon-list">
                        {unplaced.map((message) => (
                          <li key={message}>{message}</li>
                        ))}
                      </ul>
                    )}
                  </>
                }
              />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={calculation.isPending}>
            {t('calculator.submit')}
          </Button>
        </Form>
      </Card>
      {calculation.data && <CalculationResultCard result={calculation.data} />}
    </Flex>
  );
}
