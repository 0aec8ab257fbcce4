import type { AuditService } from '../../kernel/audit';
import type { Actor } from '../../kernel/auth';
import { type AnyDb, tablesOf } from '../../kernel/db';
import { AppError, notFound } from '../../kernel/errors';
import { maskResidentId } from '../../kernel/identity';
import { type CaseRecord, changedColumns, toCase, toRow } from './case-record';
import type { ServicesCaseTable, ServicesTables } from './services.tables';

/** One timeline step to append with a write. */
export interface CaseStep {
  action: string;
  fromState: string | null;
  visit: boolean;
  detail: Record<string, unknown>;
}

/** Who the notices of a step go to: the applicant (`subject:<id>`) or an office (`office:<division>/<department>`). */
export const applicantRecipient = (record: Pick<CaseRecord, 'applicantId'>) =>
  `subject:${record.applicantId}`;
export const officeRecipient = (division: string, department: string) => `office:${division}/${department}`;

/** The case as the audit trail keeps it: a resident applicant's ID masked, the form left out (it is in the case). */
const forAudit = (row: Partial<ServicesCaseTable>) => {
  const { form: _form, ...rest } = row;
  return rest.applicant_id && rest.applicant_type === 'resident'
    ? { ...rest, applicant_id: maskResidentId(rest.applicant_id) }
    : rest;
};

export async function loadCase(from: AnyDb, id: string): Promise<CaseRecord> {
  const row = await tablesOf<ServicesTables>(from)
    .selectFrom('services_cases')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('case', id);
  return toCase(row);
}

/**
 * Writes a case change with its timeline step, notices and audit entry inside `trx`. `before` null inserts. The
 * update applies only to the version read (`row_version`), so of two officers acting at once one gets a 409.
 */
export async function saveCase(
  trx: AnyDb,
  audit: AuditService,
  actor: Actor | { id: string; role: string; divisionCode: null; department: null },
  before: CaseRecord | null,
  after: CaseRecord,
  step: CaseStep,
  notices: readonly { recipient: string; kind: string }[],
  requestId: string | null,
): Promise<void> {
  const db = tablesOf<ServicesTables>(trx);
  const row = toRow(after);
  let changes: Partial<ServicesCaseTable> = row;
  if (before === null) await db.insertInto('services_cases').values(row).execute();
  else {
    changes = changedColumns(toRow(before), row);
    const updated = await db
      .updateTable('services_cases')
      .set(changes)
      .where('id', '=', after.id)
      .where('row_version', '=', before.rowVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new AppError(409, 'CASE_CHANGED', 'caseChangedMeanwhile', { id: after.id });
  }
  const at = after.updatedAt;
  await db
    .insertInto('services_case_events')
    .values({
      case_id: after.id,
      at,
      actor_id: actor.id,
      actor_role: actor.role,
      actor_division: actor.divisionCode,
      actor_department: actor.department,
      action: step.action,
      from_state: step.fromState,
      to_state: after.state,
      visit: step.visit ? 1 : 0,
      detail: JSON.stringify(step.detail),
    })
    .execute();
  if (notices.length > 0)
    await db
      .insertInto('services_notices')
      .values(
        notices.map((notice) => ({
          recipient: notice.recipient,
          case_id: after.id,
          kind: notice.kind,
          created_at: at,
          read_at: null,
        })),
      )
      .execute();
  await audit.record(trx, {
    actor: { id: actor.id, role: actor.role },
    action: `services.case.${step.action}`,
    resourceType: 'services_case',
    resourceId: after.id,
    before: before
      ? forAudit(
          Object.fromEntries(
            Object.keys(changes).map((k) => [k, toRow(before)[k as keyof ServicesCaseTable]]),
          ),
        )
      : undefined,
    after: forAudit({ ...changes, applicant_type: after.applicantType }),
    requestId,
  });
}

/** One case change of a batch: the case as read and after the step, its timeline step and notices. */
export interface CaseChange {
  before: CaseRecord;
  after: CaseRecord;
  step: CaseStep;
  notices: readonly { recipient: string; kind: string }[];
}

/**
 * Writes a batch of case changes inside `trx`: one guarded update per case (a case changed since it was read is
 * skipped and reported, nothing of it written), then the timeline rows, notices and audit entries of the others in
 * bulk. Returns the ids written.
 */
export async function saveCases(
  trx: AnyDb,
  audit: AuditService,
  actor: Actor,
  changes: readonly CaseChange[],
  requestId: string | null,
): Promise<Set<string>> {
  const db = tablesOf<ServicesTables>(trx);
  const written: CaseChange[] = [];
  const audits = [];
  for (const change of changes) {
    const before = toRow(change.before);
    const columns = changedColumns(before, toRow(change.after));
    const updated = await db
      .updateTable('services_cases')
      .set(columns)
      .where('id', '=', change.after.id)
      .where('row_version', '=', change.before.rowVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) continue;
    written.push(change);
    audits.push({
      actor: { id: actor.id, role: actor.role },
      action: `services.case.${change.step.action}`,
      resourceType: 'services_case',
      resourceId: change.after.id,
      before: forAudit(
        Object.fromEntries(Object.keys(columns).map((k) => [k, before[k as keyof ServicesCaseTable]])),
      ),
      after: forAudit({ ...columns, applicant_type: change.after.applicantType }),
      requestId,
    });
  }
  if (written.length === 0) return new Set();
  for (let start = 0; start < written.length; start += 500) {
    const chunk = written.slice(start, start + 500);
    await db
      .insertInto('services_case_events')
      .values(
        chunk.map((change) => ({
          case_id: change.after.id,
          at: change.after.updatedAt,
          actor_id: actor.id,
          actor_role: actor.role,
          actor_division: actor.divisionCode,
          actor_department: actor.department,
          action: change.step.action,
          from_state: change.step.fromState,
          to_state: change.after.state,
          visit: change.step.visit ? 1 : 0,
          detail: JSON.stringify(change.step.detail),
        })),
      )
      .execute();
    const notices = chunk.flatMap((change) =>
      change.notices.map((notice) => ({
        recipient: notice.recipient,
        case_id: change.after.id,
        kind: notice.kind,
        created_at: change.after.updatedAt,
        read_at: null,
      })),
    );
    if (notices.length > 0) await db.insertInto('services_notices').values(notices).execute();
  }
  await audit.recordMany(trx, audits);
  return new Set(written.map((change) => change.after.id));
}
