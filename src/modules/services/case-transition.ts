import type { HolidayCalendar } from '../../kernel/calendar';
import { AppError } from '../../kernel/errors';
import type { Label } from '../../kernel/exchange';
import { nextState, slaStatus } from '../../kernel/workflow';
import type { CaseRecord } from './case-record';
import { type CaseAction, type CaseRole, caseWorkflow, isVisit } from './case-workflow';
import type { Delivery, ItemDefinition } from './catalogue';
import type { PrecheckProblem } from './precheck';

/** What an officer or applicant supplies with an action (each action reads the part it needs). */
export interface ActionInput {
  /** return, request_supplement: every problem, listed at once. */
  reasons?: PrecheckProblem[];
  /** deny (required), withdraw, transfer, approve: the reason or note. */
  reason?: string;
  /** transfer: another division of the item's city (county items), and/or another officer. */
  toDivision?: string;
  toOfficer?: { id: string; name: string };
  /** deliver: how the result goes out; post needs the tracking number. */
  delivery?: Delivery;
  trackingNumber?: string;
}

export interface TransitionContext {
  now: Date;
  /** Today in Asia/Shanghai, YYYY-MM-DD. */
  today: string;
  calendar: HolidayCalendar;
  actor: { id: string; name: string };
  item: ItemDefinition;
  /** For 多地联办: the opinions recorded so far. */
  opinions: readonly { department: string; opinion: 'agree' | 'disagree' }[];
  /** Whether `division` is a county of the item's city (for transfers of county items). */
  isCountyOfCity: (division: string) => boolean;
}

export interface TransitionResult {
  next: CaseRecord;
  /** What the timeline records about the step. */
  detail: Record<string, unknown>;
  visit: boolean;
}

/** EMS and courier waybill numbers: 10-20 letters and digits (e.g. EMS `1234567890123`, `EA123456789CN`). */
const TRACKING_NUMBER = /^[A-Z0-9]{10,20}$/;

const invalid = (field: string, message: Label) =>
  new AppError(422, 'INVALID_ACTION_INPUT', 'caseActionInputInvalid', { field }, [
    { path: field, message: message.en },
  ]);

/** The due and warning dates once the clock (re)starts on `today`, with the pauses so far. */
function clockDates(record: CaseRecord, calendar: HolidayCalendar, today: string) {
  const status = slaStatus(
    calendar,
    { startedOn: record.acceptedOn ?? today, limitDays: record.limitDays, pauses: record.pauses },
    today,
  );
  return { dueOn: status.dueOn, warnOn: status.warnOn };
}

/** Working days the case has used by `today`, pauses excluded (0 when decided on the day of acceptance). */
function workingDaysUsed(record: CaseRecord, context: TransitionContext): number {
  const clock = {
    startedOn: record.acceptedOn ?? context.today,
    limitDays: record.limitDays,
    pauses: record.pauses,
  };
  return slaStatus(context.calendar, clock, context.today).usedDays;
}

/**
 * One step of a case: checks the action against the state (409 naming the allowed ones) and its input (422), and
 * returns the case after it. Pure; the caller has decided the role and persists the result. Throws
 * CalendarYearMissingError when the clock needs a year without holiday data.
 */
export function transition(
  record: CaseRecord,
  action: CaseAction,
  role: CaseRole,
  input: ActionInput,
  context: TransitionContext,
): TransitionResult {
  const to = nextState(caseWorkflow, record.state, action);
  const next: CaseRecord = {
    ...record,
    state: to,
    updatedAt: context.now.toISOString(),
    rowVersion: record.rowVersion + 1,
  };
  const detail: Record<string, unknown> = {};
  const reason = input.reason?.trim() ?? '';
  if (reason) detail.reason = reason;

  switch (action) {
    case 'accept': {
      next.acceptedOn = context.today;
      next.pauses = [];
      Object.assign(next, clockDates(next, context.calendar, context.today));
      detail.dueOn = next.dueOn;
      break;
    }
    case 'return': {
      if (!input.reasons?.length)
        throw invalid('reasons', {
          zh: '退回须一次性列明全部问题',
          en: 'A return must list every problem at once',
        });
      if (record.officerReturns > 0)
        throw new AppError(409, 'ALREADY_RETURNED', 'caseReturnedOnce', { id: record.id });
      next.officerReturns = record.officerReturns + 1;
      next.returnReasons = input.reasons;
      detail.reasons = input.reasons;
      break;
    }
    case 'resubmit':
    case 'forward':
    case 'withdraw':
      break;
    case 'claim':
      next.assigneeId = context.actor.id;
      next.assigneeName = context.actor.name;
      break;
    case 'transfer': {
      if (!input.toDivision && !input.toOfficer)
        throw invalid('toDivision', {
          zh: '请指定转交的区划或干部',
          en: 'Name the division or officer to transfer to',
        });
      if (input.toDivision) {
        if (context.item.level !== 'county' || !context.isCountyOfCity(input.toDivision))
          throw invalid('toDivision', {
            zh: '只能转交本市的县（市、区）办理县级事项',
            en: 'Only a county-level item moves, and only to another county of its city',
          });
        next.handlingDivision = input.toDivision;
        detail.toDivision = input.toDivision;
      }
      next.assigneeId = input.toOfficer?.id ?? null;
      next.assigneeName = input.toOfficer?.name ?? null;
      if (input.toOfficer) detail.toOfficer = input.toOfficer.name;
      break;
    }
    case 'request_supplement': {
      if (!input.reasons?.length)
        throw invalid('reasons', {
          zh: '请一次性列明需补正的全部内容',
          en: 'List everything to supplement at once',
        });
      next.pauses = [...record.pauses, { from: context.today, to: null }];
      next.dueOn = null;
      next.warnOn = null;
      next.returnReasons = input.reasons;
      detail.reasons = input.reasons;
      break;
    }
    case 'supplement': {
      next.pauses = record.pauses.map((pause) =>
        pause.to === null ? { ...pause, to: context.today } : pause,
      );
      Object.assign(next, clockDates(next, context.calendar, context.today));
      next.returnReasons = null;
      detail.dueOn = next.dueOn;
      break;
    }
    case 'approve': {
      const missing = context.item.jointDepartments.filter(
        (department) => !context.opinions.some((o) => o.department === department),
      );
      if (missing.length > 0)
        throw new AppError(409, 'JOINT_OPINIONS_PENDING', 'caseJointOpinionsPending', {
          departments: missing.join(', '),
        });
      const against = context.opinions.filter((o) => o.opinion === 'disagree').map((o) => o.department);
      if (against.length > 0)
        throw new AppError(409, 'JOINT_OPINION_AGAINST', 'caseJointOpinionAgainst', {
          departments: against.join(', '),
        });
      next.decidedAt = context.now.toISOString();
      next.decisionReason = reason || null;
      next.workingDays = workingDaysUsed(record, context);
      next.resultNumber = `${record.id}-R`;
      detail.resultNumber = next.resultNumber;
      break;
    }
    case 'deny': {
      if (reason.length < 2)
        throw invalid('reason', { zh: '不予办理须写明理由', en: 'A denial needs its reason' });
      next.decidedAt = context.now.toISOString();
      next.decisionReason = reason;
      next.workingDays = record.acceptedOn ? workingDaysUsed(record, context) : null;
      break;
    }
    case 'deliver': {
      const delivery = input.delivery;
      if (!delivery || !context.item.result.delivery.includes(delivery))
        throw invalid('delivery', {
          zh: `送达方式应为：${context.item.result.delivery.join('、')}`,
          en: `Delivery must be one of: ${context.item.result.delivery.join(', ')}`,
        });
      if (
        delivery === 'window' &&
        role !== 'receiving' &&
        record.channel === 'window' &&
        record.mode === 'proxy'
      )
        throw invalid('delivery', {
          zh: '异地代收代办的结果由收件窗口发放',
          en: 'The result of a proxy case is handed out by the receiving window',
        });
      if (delivery === 'post' && !TRACKING_NUMBER.test(input.trackingNumber ?? ''))
        throw invalid('trackingNumber', {
          zh: '邮寄送达须填写10至20位大写字母或数字的运单号',
          en: 'Postal delivery needs a tracking number of 10-20 capital letters or digits',
        });
      next.delivery = delivery;
      next.trackingNumber = delivery === 'post' ? (input.trackingNumber as string) : null;
      next.deliveredAt = context.now.toISOString();
      detail.delivery = delivery;
      if (next.trackingNumber) detail.trackingNumber = next.trackingNumber;
      break;
    }
  }
  const visit = isVisit(action, role) || (action === 'deliver' && input.delivery === 'window');
  if (visit) next.visits = record.visits + 1;
  return { next, detail, visit };
}
