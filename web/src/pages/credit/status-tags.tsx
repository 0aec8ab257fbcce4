import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreditDispute, CreditRecordStatus, DisputeKind } from '../../api/credit';

const RECORD_COLOURS: Record<CreditRecordStatus, string> = {
  active: 'green',
  disputed: 'orange',
  withdrawn: 'default',
  repaired: 'blue',
};

/** 有效 / 异议中 / 已撤销 / 已修复. */
export function RecordStatusTag({ status }: { status: CreditRecordStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={RECORD_COLOURS[status]} data-testid="record-status">
      {t(`credit.recordStatuses.${status}`)}
    </Tag>
  );
}

export function DisputeKindTag({ kind }: { kind: DisputeKind }) {
  const { t } = useTranslation();
  return <Tag color={kind === 'repair' ? 'cyan' : 'purple'}>{t(`credit.disputeKinds.${kind}`)}</Tag>;
}

/** A case's state; a refused repair reads 不予修复, not 维持原记录. */
export function DisputeStatusTag({ dispute }: { dispute: Pick<CreditDispute, 'kind' | 'status'> }) {
  const { t } = useTranslation();
  const { kind, status } = dispute;
  const colour = status === 'open' ? 'processing' : status === 'upheld' ? 'default' : 'success';
  return (
    <Tag color={colour} data-testid="dispute-status">
      {kind === 'repair' && status === 'upheld'
        ? t('credit.decisions.repair.upheld')
        : t(`credit.disputeStatuses.${status}`)}
    </Tag>
  );
}

/** Working days left to decide: red when due today or overdue, orange with a day left. */
export function DeadlineTag({ daysLeft }: { daysLeft: number | null }) {
  const { t } = useTranslation();
  if (daysLeft === null) return null;
  const colour = daysLeft <= 0 ? 'red' : daysLeft <= 1 ? 'orange' : 'default';
  const text =
    daysLeft < 0
      ? t('credit.deadline.overdue', { days: -daysLeft })
      : daysLeft === 0
        ? t('credit.deadline.today')
        : t('credit.deadline.left', { days: daysLeft });
  return (
    <Tag color={colour} data-testid="deadline">
      {text}
    </Tag>
  );
}
