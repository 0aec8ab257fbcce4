import type { Actor, AuthService } from '../../kernel/auth';
import { CalendarYearMissingError, type HolidayCalendar, shanghaiDate } from '../../kernel/calendar';
import { type AnyDb, tablesOf } from '../../kernel/db';
import { divisionContains } from '../../kernel/divisions';
import { AppError, notFound } from '../../kernel/errors';
import type { CaseRecord } from './case-record';
import { actingRole, type CaseParties, caseRolesOf } from './case-roles';
import { applicantRecipient, officeRecipient } from './case-store';
import { type ActionInput, transition } from './case-transition';
import type { CaseAction, CaseRole } from './case-workflow';
import type { ItemDefinition } from './catalogue';
import type { ItemService } from './item-service';
import type { ServicesTables } from './services.tables';

/** Runs `work`, turning a missing holiday year into the 422 the applicant or officer can act on. */
export function withCalendar<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CalendarYearMissingError)
      throw new AppError(422, 'CALENDAR_YEAR_MISSING', 'calendarYearMissing', { year: error.year });
    throw error;
  }
}

/** What the role checks need of a case; `delivery` is the way a delivery is asked for (or the case's). */
export function partiesOf(
  record: CaseRecord,
  item: Pick<ItemDefinition, 'jointDepartments'>,
  delivery: string | null = record.delivery,
): CaseParties {
  return {
    applicantId: record.applicantId,
    department: record.department,
    jointDepartments: item.jointDepartments,
    handlingDivision: record.handlingDivision,
    receivingDivision: record.receivingDivision,
    mode: record.mode,
    channel: record.channel,
    state: record.state,
    delivery,
  };
}

/** Who hears about a step: the applicant of every outcome that concerns them, the next office of a hand-over. */
export function noticesFor(
  action: CaseAction,
  role: CaseRole,
  next: CaseRecord,
): { recipient: string; kind: string }[] {
  switch (action) {
    case 'forward':
      return [{ recipient: officeRecipient(next.handlingDivision, next.department), kind: 'forwarded' }];
    case 'transfer':
      return [{ recipient: officeRecipient(next.handlingDivision, next.department), kind: 'transferred' }];
    case 'resubmit':
    case 'supplement':
      return role === 'applicant'
        ? [{ recipient: officeRecipient(next.handlingDivision, next.department), kind: action }]
        : [];
    case 'claim':
    case 'withdraw':
      return [];
    default:
      return [{ recipient: applicantRecipient(next), kind: action }];
  }
}

export interface StepDependencies {
  items: ItemService;
  auth: Pick<AuthService, 'findByUsername'>;
  /** The counties of a city (for transfers of county items). */
  counties: (city: string) => readonly string[];
  calendar: () => HolidayCalendar;
}

export interface PreparedStep {
  record: CaseRecord;
  item: ItemDefinition;
  role: CaseRole;
  next: CaseRecord;
  detail: Record<string, unknown>;
  visit: boolean;
}

/**
 * Checks one step of `actor` on a case read as `record` and computes the case after it: 404 when the case is none
 * of the actor's business, 403 when their role may not take the action, 409 for a stale `expectedVersion` or a
 * state that does not allow it, 422 for bad input or a deadline without calendar data. Reads only (`from` is the
 * caller's connection or transaction); the caller writes.
 */
export async function prepareStep(
  deps: StepDependencies,
  from: AnyDb,
  actor: Actor,
  record: CaseRecord,
  action: CaseAction,
  input: ActionInput & { expectedVersion?: number },
  at: Date,
): Promise<PreparedStep> {
  const item = await deps.items.definitionAt(record.itemId, record.itemVersion);
  const parties = partiesOf(record, item, action === 'deliver' ? (input.delivery ?? null) : record.delivery);
  const roles = caseRolesOf(actor, parties);
  if (roles.length === 0) throw notFound('case', record.id);
  const role = actingRole(action, roles, parties);
  if (!role)
    throw new AppError(403, 'NOT_YOUR_ROLE', 'caseActionNotForRole', { action, roles: roles.join(', ') });
  if (input.expectedVersion !== undefined && input.expectedVersion !== record.rowVersion)
    throw new AppError(409, 'CASE_CHANGED', 'caseChangedMeanwhile', { id: record.id });
  let toOfficer: { id: string; name: string } | undefined;
  if (action === 'transfer' && input.toOfficer) {
    const officer = await deps.auth.findByUsername(input.toOfficer.id);
    const division = input.toDivision ?? record.handlingDivision;
    if (
      officer?.role !== 'officer' ||
      officer.department !== record.department ||
      !officer.divisionCode ||
      !divisionContains(officer.divisionCode, division)
    )
      throw new AppError(422, 'INVALID_ACTION_INPUT', 'caseTransferOfficerInvalid', {
        username: input.toOfficer.id,
      });
    toOfficer = { id: officer.id, name: officer.displayName };
  }
  const opinions = item.jointDepartments.length
    ? ((await tablesOf<ServicesTables>(from)
        .selectFrom('services_opinions')
        .select(['department', 'opinion'])
        .where('case_id', '=', record.id)
        .execute()) as { department: string; opinion: 'agree' | 'disagree' }[])
    : [];
  const itemCity = `${record.handlingDivision.slice(0, 4)}00`;
  const { next, detail, visit } = withCalendar(() =>
    transition(
      record,
      action,
      role,
      { ...input, toOfficer },
      {
        now: at,
        today: shanghaiDate(at),
        calendar: deps.calendar(),
        actor: { id: actor.id, name: actor.displayName },
        item,
        opinions,
        isCountyOfCity: (division) => deps.counties(itemCity).includes(division),
      },
    ),
  );
  return { record, item, role, next, detail, visit };
}
