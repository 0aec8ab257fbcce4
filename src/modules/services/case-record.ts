import type { Pause } from '../../kernel/workflow';
import type { CaseState } from './case-workflow';
import type { PrecheckProblem } from './precheck';
import type { ServicesCaseTable } from './services.tables';

/** 办件 as the services work with it (the row, parsed). */
export interface CaseRecord {
  id: string;
  itemId: string;
  itemVersion: number;
  department: string;
  applicantType: 'resident' | 'enterprise';
  applicantId: string;
  applicantName: string;
  submittedBy: string;
  requestKey: string | null;
  handlingDivision: string;
  receivingDivision: string;
  mode: 'local' | 'full_online' | 'proxy' | 'joint';
  channel: 'online' | 'window';
  state: CaseState;
  submittedAt: string;
  acceptedOn: string | null;
  limitDays: number;
  dueOn: string | null;
  warnOn: string | null;
  pauses: Pause[];
  warnedAt: string | null;
  escalatedAt: string | null;
  visits: number;
  maxVisits: number;
  assigneeId: string | null;
  assigneeName: string | null;
  officerReturns: number;
  returnReasons: PrecheckProblem[] | null;
  decisionReason: string | null;
  decidedAt: string | null;
  delivery: string | null;
  trackingNumber: string | null;
  resultNumber: string | null;
  deliveredAt: string | null;
  form: Record<string, unknown>;
  consent: boolean;
  workingDays: number | null;
  updatedAt: string;
  rowVersion: number;
}

export function toCase(row: ServicesCaseTable): CaseRecord {
  return {
    id: row.id,
    itemId: row.item_id,
    itemVersion: row.item_version,
    department: row.department,
    applicantType: row.applicant_type as CaseRecord['applicantType'],
    applicantId: row.applicant_id,
    applicantName: row.applicant_name,
    submittedBy: row.submitted_by,
    requestKey: row.request_key,
    handlingDivision: row.handling_division,
    receivingDivision: row.receiving_division,
    mode: row.mode as CaseRecord['mode'],
    channel: row.channel as CaseRecord['channel'],
    state: row.state as CaseState,
    submittedAt: row.submitted_at,
    acceptedOn: row.accepted_on,
    limitDays: row.limit_days,
    dueOn: row.due_on,
    warnOn: row.warn_on,
    pauses: JSON.parse(row.pauses) as Pause[],
    warnedAt: row.warned_at,
    escalatedAt: row.escalated_at,
    visits: row.visits,
    maxVisits: row.max_visits,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    officerReturns: row.officer_returns,
    returnReasons: row.return_reasons ? (JSON.parse(row.return_reasons) as PrecheckProblem[]) : null,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at,
    delivery: row.delivery,
    trackingNumber: row.tracking_number,
    resultNumber: row.result_number,
    deliveredAt: row.delivered_at,
    form: JSON.parse(row.form) as Record<string, unknown>,
    consent: row.consent === 1,
    workingDays: row.working_days,
    updatedAt: row.updated_at,
    rowVersion: row.row_version,
  };
}

export function toRow(record: CaseRecord): ServicesCaseTable {
  return {
    id: record.id,
    item_id: record.itemId,
    item_version: record.itemVersion,
    department: record.department,
    applicant_type: record.applicantType,
    applicant_id: record.applicantId,
    applicant_name: record.applicantName,
    submitted_by: record.submittedBy,
    request_key: record.requestKey,
    handling_division: record.handlingDivision,
    receiving_division: record.receivingDivision,
    mode: record.mode,
    channel: record.channel,
    state: record.state,
    submitted_at: record.submittedAt,
    accepted_on: record.acceptedOn,
    limit_days: record.limitDays,
    due_on: record.dueOn,
    warn_on: record.warnOn,
    pauses: JSON.stringify(record.pauses),
    warned_at: record.warnedAt,
    escalated_at: record.escalatedAt,
    visits: record.visits,
    max_visits: record.maxVisits,
    assignee_id: record.assigneeId,
    assignee_name: record.assigneeName,
    officer_returns: record.officerReturns,
    return_reasons: record.returnReasons ? JSON.stringify(record.returnReasons) : null,
    decision_reason: record.decisionReason,
    decided_at: record.decidedAt,
    delivery: record.delivery,
    tracking_number: record.trackingNumber,
    result_number: record.resultNumber,
    delivered_at: record.deliveredAt,
    form: JSON.stringify(record.form),
    consent: record.consent ? 1 : 0,
    working_days: record.workingDays,
    updated_at: record.updatedAt,
    row_version: record.rowVersion,
  };
}

/** The columns that differ between two versions of a case (what a transition writes, and what the audit shows). */
export function changedColumns(
  before: ServicesCaseTable,
  after: ServicesCaseTable,
): Partial<ServicesCaseTable> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof ServicesCaseTable)[])
    if (before[key] !== after[key]) changes[key] = after[key];
  return changes as Partial<ServicesCaseTable>;
}

/**
 * The visits the item's promise allows this case: an applicant who chose a window (or had to, for 异地代收代办)
 * made the intake visit by choice, so a window case is allowed at least that one; every further visit counts.
 */
export const promisedVisits = (record: Pick<CaseRecord, 'channel' | 'maxVisits'>): number =>
  record.channel === 'window' ? Math.max(1, record.maxVisits) : record.maxVisits;

/** 最多跑一次 broken: more visits than the promise allows. */
export const overVisits = (record: Pick<CaseRecord, 'channel' | 'maxVisits' | 'visits'>): boolean =>
  record.visits > promisedVisits(record);
