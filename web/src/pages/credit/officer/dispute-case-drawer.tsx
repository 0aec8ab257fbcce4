import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  type DatePickerProps,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreditDispute, CreditRecord, Decision } from '../../../api/credit';
import { type DecisionInput, decideDispute, fetchDisputeCase } from '../../../api/credit-officer';
import { PageError } from '../../../app/page-error';
import { ProvisionalDateTag } from '../../../app/provisional-date-tag';
import { useIsNarrow } from '../../../app/use-is-narrow';
import { formatDate, formatDateTime } from '../credit-format';
import { DeadlineTag, DisputeKindTag, DisputeStatusTag, RecordStatusTag } from '../status-tags';
import { useNameOf } from '../use-name-of';
import { disputeQueueKey } from './dispute-queue';
import { enteredRecordsKey } from './entered-records';
import { errorText } from './record-entry-card';

type Day = Parameters<NonNullable<DatePickerProps['disabledDate']>>[0];

interface Values {
  decision: Decision;
  reason: string;
  quantity?: number;
  occurredOn?: Day;
  validUntil?: Day;
}

const DECISIONS: Record<CreditDispute['kind'], Decision[]> = {
  dispute: ['upheld', 'corrected', 'withdrawn'],
  repair: ['repaired', 'upheld'],
};

/** One case: the resident's reason, the record concerned and, while open, the decision form. */
export function DisputeCaseDrawer({ caseId, onClose }: { caseId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const narrow = useIsNarrow();
  const detail = useQuery({
    queryKey: ['credit', 'dispute', caseId],
    queryFn: ({ signal }) => fetchDisputeCase(caseId as string, signal),
    enabled: caseId !== null,
    // Each read is logged for the resident: read the case once per opening, not on every focus or remount.
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const kind = detail.data?.dispute.kind;
  return (
    <Drawer
      open={caseId !== null}
      onClose={onClose}
      size={narrow ? '100%' : 'large'}
      destroyOnHidden
      title={kind ? t('credit.officer.caseTitle', { kind: t(`credit.disputeKinds.${kind}`) }) : ''}
    >
      {detail.error && <PageError error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data && <CaseView dispute={detail.data.dispute} record={detail.data.record} onDone={onClose} />}
    </Drawer>
  );
}

function CaseView({
  dispute,
  record,
  onDone,
}: {
  dispute: CreditDispute;
  record: CreditRecord;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch('decision', form);
  const decide = useMutation({
    mutationFn: (v: Values) => {
      const input: DecisionInput = { decision: v.decision, reason: v.reason.trim() };
      if (v.decision === 'corrected') {
        input.correction = {
          ...(typeof v.quantity === 'number' ? { quantity: v.quantity } : {}),
          ...(v.occurredOn ? { occurredOn: v.occurredOn.format('YYYY-MM-DD') } : {}),
          ...(v.validUntil ? { validUntil: v.validUntil.format('YYYY-MM-DD') } : {}),
        };
      }
      return decideDispute(dispute.id, input);
    },
    onSuccess: (result, v) => {
      const decided = t(
        `credit.decisions.${dispute.kind}.${v.decision}` as 'credit.decisions.repair.repaired',
      );
      const change =
        result.previousScore !== null && result.score !== null
          ? ` · ${t('credit.officer.scoreChange', { before: result.previousScore, after: result.score })}`
          : '';
      void message.success(`${t('credit.officer.decided', { decision: decided })}${change}`);
      void client.invalidateQueries({ queryKey: disputeQueueKey });
      void client.invalidateQueries({ queryKey: enteredRecordsKey });
      client.removeQueries({ queryKey: ['credit', 'dispute', dispute.id] });
      onDone();
    },
  });

  return (
    <>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'kind', label: t('credit.officer.kind'), children: <DisputeKindTag kind={dispute.kind} /> },
          {
            key: 'resident',
            label: t('credit.officer.caseResident'),
            children: <span className="credit-mono">{dispute.residentId}</span>,
          },
          { key: 'reason', label: t('credit.officer.caseReason'), children: dispute.reason },
          {
            key: 'evidence',
            label: t('credit.officer.caseEvidence'),
            children: dispute.evidenceRef ?? t('common.none'),
          },
          {
            key: 'submitted',
            label: t('credit.officer.submittedAt'),
            children: formatDateTime(dispute.submittedAt, i18n.language),
          },
          {
            key: 'due',
            label: t('credit.officer.dueOn'),
            children: (
              <>
                {formatDate(dispute.dueOn, i18n.language)}{' '}
                <ProvisionalDateTag provisional={dispute.status === 'open' && dispute.dueDateProvisional} />
                <DeadlineTag daysLeft={dispute.workingDaysLeft} />
              </>
            ),
          },
          {
            key: 'status',
            label: t('credit.officer.status'),
            children: <DisputeStatusTag dispute={dispute} />,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('credit.officer.recordTitle')}
      </Typography.Title>
      <Descriptions
        column={1}
        size="small"
        bordered
        data-testid="credit-case-record"
        items={[
          { key: 'type', label: t('credit.officer.type'), children: nameOf(record.typeName) },
          {
            key: 'quantity',
            label: t('credit.officer.quantity'),
            children: `${record.quantity} ${nameOf(record.unit)}`,
          },
          {
            key: 'occurred',
            label: t('credit.officer.occurredOn'),
            children: formatDate(record.occurredOn, i18n.language),
          },
          {
            key: 'valid',
            label: t('credit.officer.validUntilColumn'),
            children: formatDate(record.validUntil, i18n.language),
          },
          {
            key: 'evidence',
            label: t('credit.officer.evidenceRef'),
            children: record.evidenceRef ?? t('common.none'),
          },
          {
            key: 'status',
            label: t('credit.officer.status'),
            children: <RecordStatusTag status={record.status} />,
          },
        ]}
      />
      {dispute.status === 'open' ? (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 16 }}
          onFinish={(v) => decide.mutate(v)}
          onValuesChange={() => decide.reset()}
          data-testid="credit-decision-form"
        >
          <Form.Item
            name="decision"
            label={t('credit.officer.decision')}
            rules={[{ required: true, message: t('credit.officer.decisionRequired') }]}
          >
            <Radio.Group
              options={DECISIONS[dispute.kind].map((d) => ({
                value: d,
                label: t(`credit.decisions.${dispute.kind}.${d}` as 'credit.decisions.repair.repaired'),
              }))}
            />
          </Form.Item>
          {decision === 'corrected' && (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <Typography.Text type="secondary">{t('credit.officer.correction')}</Typography.Text>
              <Form.Item name="quantity" label={t('credit.officer.quantity')}>
                <InputNumber min={0} suffix={nameOf(record.unit)} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="occurredOn" label={t('credit.officer.occurredOn')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="validUntil" label={t('credit.officer.validUntilColumn')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </fieldset>
          )}
          <Form.Item
            name="reason"
            label={t('credit.officer.decisionReason')}
            rules={[
              {
                required: true,
                whitespace: true,
                min: 2,
                message: t('credit.officer.decisionReasonRequired'),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={decide.isPending} data-testid="credit-decide">
            {t('credit.officer.decide')}
          </Button>
          {decide.error && (
            <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorText(decide.error)} />
          )}
        </Form>
      ) : (
        dispute.decisionReason && (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            showIcon
            title={t('credit.officer.answered', {
              date: dispute.decidedAt ? formatDateTime(dispute.decidedAt, i18n.language) : '',
              reason: dispute.decisionReason,
            })}
          />
        )
      )}
    </>
  );
}
