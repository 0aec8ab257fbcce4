import { randomUUID } from 'node:crypto';
import type { AuditService } from '../../kernel/audit';
import type { Actor, Can } from '../../kernel/auth';
import {
  addMonthsToDate,
  addWorkingDays,
  CalendarYearMissingError,
  type HolidayCalendar,
  isIsoDate,
  loadHolidayCalendar,
  shanghaiDate,
} from '../../kernel/calendar';
import { type SanquDatabase, tablesOf } from '../../kernel/db';
import { divisionCodeRange } from '../../kernel/divisions';
import { AppError, notFound } from '../../kernel/errors';
import type { CreditDisputeTable, CreditRecordTable, CreditTables } from './credit.tables';
import { type DisputeConfig, disputeConfig } from './dispute-config';
import {
  ALLOWED_DECISIONS,
  type Decision,
  type DisputeKind,
  openProblem,
  statusAfter,
} from './dispute-rules';
import type { createModelService } from './model-service';
import { recordType } from './record-types';
import { rescore } from './rescore';

export interface Dispute {
  id: string;
  kind: DisputeKind;
  recordId: string;
  residentId: string;
  divisionCode: string;
  department: string;
  reason: string;
  evidenceRef: string | null;
  status: 'open' | Decision;
  submittedAt: string;
  dueOn: string;
  decidedAt: string | null;
  decisionReason: string | null;
  correction: { before: Correction; after: Correction } | null;
}

/** The fields a correction may change. */
export interface Correction {
  quantity: number;
  occurredOn: string;
  validUntil: string;
}

const toDispute = (row: CreditDisputeTable): Dispute => ({
  id: row.id,
  kind: row.kind as DisputeKind,
  recordId: row.record_id,
  residentId: row.resident_id,
  divisionCode: row.division_code,
  department: row.department,
  reason: row.reason,
  evidenceRef: row.evidence_ref,
  status: row.status as Dispute['status'],
  submittedAt: row.submitted_at,
  dueOn: row.due_on,
  decidedAt: row.decided_at,
  decisionReason: row.decision_reason,
  correction: row.correction ? JSON.parse(row.correction) : null,
});

/**
 * 异议处理与信用修复 — a resident disputes a record or asks for its repair; the case goes to the reporting
 * department with a deadline in working days; the department decides with a reason; the record and the score
 * change in the same transaction, and the resident is told.
 */
export function createDisputeService(
  database: SanquDatabase,
  audit: AuditService,
  can: Can,
  models: ReturnType<typeof createModelService>,
  now: () => Date,
  calendar: () => HolidayCalendar = loadHolidayCalendar,
  config: () => DisputeConfig = disputeConfig,
) {
  const db = tablesOf<CreditTables>(database.db);

  function deadline(today: string): string {
    try {
      return addWorkingDays(calendar(), today, config().decisionWorkingDays);
    } catch (error) {
      if (error instanceof CalendarYearMissingError)
        throw new AppError(422, 'CALENDAR_YEAR_MISSING', 'calendarYearMissing', { year: error.year });
      throw error;
    }
  }

  return {
    async open(
      actor: Actor,
      input: { recordId: string; kind: DisputeKind; reason: string; evidenceRef?: string | null },
      requestId: string | null = null,
    ): Promise<Dispute> {
      const at = now();
      const dueOn = deadline(shanghaiDate(at));
      return audit.transaction(db, async (trx) => {
        const record = await trx
          .selectFrom('credit_records')
          .selectAll()
          .where('id', '=', input.recordId)
          .executeTakeFirst();
        // Someone else's record is "not found": its existence is not the asker's business.
        if (!record || record.resident_id !== actor.subjectId)
          throw notFound('credit record', input.recordId);
        const type = recordType(record.type);
        const open = await trx
          .selectFrom('credit_disputes')
          .select('id')
          .where('record_id', '=', record.id)
          .where('status', '=', 'open')
          .executeTakeFirst();
        const problem = openProblem(
          input.kind,
          {
            status: record.status,
            polarity: type?.polarity ?? 'positive',
            repairable: type?.repairable ?? false,
          },
          Boolean(open),
        );
        if (problem === 'case_open') throw new AppError(409, 'CASE_OPEN', 'creditCaseOpen', { id: open!.id });
        if (problem === 'not_counting')
          throw new AppError(409, 'RECORD_NOT_COUNTING', 'creditRecordNotCounting', {
            status: record.status,
          });
        if (problem === 'not_repairable')
          throw new AppError(422, 'NOT_REPAIRABLE', 'creditNotRepairable', { type: record.type });
        const row: CreditDisputeTable = {
          id: randomUUID(),
          kind: input.kind,
          record_id: record.id,
          resident_id: record.resident_id,
          division_code: record.division_code,
          department: record.department,
          reason: input.reason.trim(),
          evidence_ref: input.evidenceRef?.trim() || null,
          status: 'open',
          submitted_at: at.toISOString(),
          due_on: dueOn,
          decided_at: null,
          decided_by: null,
          decision: null,
          decision_reason: null,
          correction: null,
        };
        await trx.insertInto('credit_disputes').values(row).execute();
        if (input.kind === 'dispute' && record.status === 'active')
          await trx
            .updateTable('credit_records')
            .set({ status: 'disputed', updated_at: row.submitted_at })
            .where('id', '=', record.id)
            .execute();
        await audit.record(trx, {
          actor,
          action: `credit.${input.kind}.open`,
          resourceType: 'credit_dispute',
          resourceId: row.id,
          after: row,
          requestId,
        });
        return toDispute(row);
      });
    },

    async get(id: string): Promise<Dispute | null> {
      const row = await db.selectFrom('credit_disputes').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toDispute(row) : null;
    },

    async ofResident(residentId: string): Promise<Dispute[]> {
      const rows = await db
        .selectFrom('credit_disputes')
        .selectAll()
        .where('resident_id', '=', residentId.toUpperCase())
        .orderBy('submitted_at', 'desc')
        .execute();
      return rows.map(toDispute);
    },

    /** Open cases of the officer's department in their jurisdiction, nearest deadline first. */
    async queue(
      actor: Actor,
      options: { status?: 'open' | 'decided'; limit?: number } = {},
    ): Promise<Dispute[]> {
      if (!actor.department || !actor.divisionCode) return [];
      let query = db
        .selectFrom('credit_disputes')
        .selectAll()
        .where('department', '=', actor.department)
        .where('division_code', '>=', divisionCodeRange(actor.divisionCode).from)
        .where('division_code', '<', divisionCodeRange(actor.divisionCode).to);
      query =
        (options.status ?? 'open') === 'open'
          ? query.where('status', '=', 'open').orderBy('due_on').orderBy('submitted_at')
          : query.where('status', '!=', 'open').orderBy('decided_at', 'desc');
      return (await query.limit(Math.min(options.limit ?? 100, 500)).execute()).map(toDispute);
    },

    /**
     * Decides an open case. The officer must belong to the record's department and serve the resident's division.
     * A correction names the new quantity and dates; the record's revision goes up and the score is recomputed.
     */
    async decide(
      actor: Actor,
      id: string,
      input: { decision: Decision; reason: string; correction?: Partial<Correction> },
      requestId: string | null = null,
    ) {
      const at = now();
      return audit.transaction(db, async (trx) => {
        const row = await trx
          .selectFrom('credit_disputes')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) throw notFound('credit dispute', id);
        if (
          !(
            actor.department === row.department &&
            can(actor, 'credit.dispute.decide', { type: 'credit_dispute', divisionCode: row.division_code })
          )
        )
          throw new AppError(403, 'FORBIDDEN', 'creditNotYourCase');
        if (row.status !== 'open')
          throw new AppError(409, 'CASE_DECIDED', 'creditCaseDecided', { id, status: row.status });
        const kind = row.kind as DisputeKind;
        if (!ALLOWED_DECISIONS[kind].includes(input.decision))
          throw new AppError(422, 'INVALID_DECISION', 'creditDecisionNotAllowed', {
            kind,
            allowed: ALLOWED_DECISIONS[kind].join(', '),
          });
        const record = await trx
          .selectFrom('credit_records')
          .selectAll()
          .where('id', '=', row.record_id)
          .executeTakeFirstOrThrow();
        const before: Correction = {
          quantity: Number(record.quantity),
          occurredOn: record.occurred_on,
          validUntil: record.valid_until,
        };
        let after = before;
        if (input.decision === 'corrected')
          after = checkedCorrection(record, before, input.correction ?? {}, shanghaiDate(at));
        const changes: Partial<CreditRecordTable> = {
          status: statusAfter(input.decision),
          quantity: after.quantity,
          occurred_on: after.occurredOn,
          valid_until: after.validUntil,
          updated_at: at.toISOString(),
          revision: Number(record.revision) + (input.decision === 'corrected' ? 1 : 0),
        };
        await trx.updateTable('credit_records').set(changes).where('id', '=', record.id).execute();
        const decided = {
          status: input.decision,
          decision: input.decision,
          decision_reason: input.reason.trim(),
          decided_at: at.toISOString(),
          decided_by: actor.id,
          correction: input.decision === 'corrected' ? JSON.stringify({ before, after }) : null,
        };
        // Conditional on still being open, so two officers deciding at once cannot both win.
        const updated = await trx
          .updateTable('credit_disputes')
          .set(decided)
          .where('id', '=', id)
          .where('status', '=', 'open')
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1)
          throw new AppError(409, 'CASE_DECIDED', 'creditCaseDecided', { id, status: 'decided' });
        const model = await models.active(trx);
        const rescored = await rescore(
          trx,
          model,
          { residentId: row.resident_id, divisionCode: row.division_code },
          `${kind}:${id}`,
          at,
        );
        await trx
          .insertInto('credit_notifications')
          .values({
            resident_id: row.resident_id,
            kind: `${kind}_decided`,
            params: JSON.stringify({
              disputeId: id,
              recordId: record.id,
              type: record.type,
              decision: input.decision,
              reason: decided.decision_reason,
              scoreBefore: rescored?.previous ?? null,
              scoreAfter: rescored?.score.score ?? null,
            }),
            created_at: decided.decided_at,
            read_at: null,
          })
          .execute();
        await audit.record(trx, {
          actor,
          action: `credit.${kind}.decide`,
          resourceType: 'credit_dispute',
          resourceId: id,
          before: row,
          after: { ...row, ...decided },
          requestId,
        });
        return {
          dispute: toDispute({ ...row, ...decided }),
          score: rescored?.score.score ?? null,
          previousScore: rescored?.previous ?? null,
        };
      });
    },
  };
}

/** A correction keeps the type's rules: positive quantity within the unit cap, validity after the fact and no longer than the type's. */
function checkedCorrection(
  record: CreditRecordTable,
  before: Correction,
  change: Partial<Correction>,
  today: string,
): Correction {
  const type = recordType(record.type);
  const after = {
    ...before,
    ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)),
  } as Correction;
  const bad = (field: string, reason: string) =>
    new AppError(422, 'INVALID_CORRECTION', 'creditCorrectionInvalid', { field, reason });
  if (!(after.quantity > 0 && after.quantity <= (type?.maxQuantity ?? 1)))
    throw bad('quantity', `0 < quantity ≤ ${type?.maxQuantity ?? 1}`);
  if (!isIsoDate(after.occurredOn) || !isIsoDate(after.validUntil))
    throw bad('occurredOn/validUntil', 'YYYY-MM-DD');
  if (after.validUntil <= after.occurredOn) throw bad('validUntil', 'after occurredOn');
  const latest = addMonthsToDate(after.occurredOn, type?.validityMonths ?? 12);
  if (after.validUntil > latest) throw bad('validUntil', `not after ${latest}`);
  if (after.occurredOn > today) throw bad('occurredOn', 'not in the future');
  if (JSON.stringify(after) === JSON.stringify(before))
    throw bad('correction', 'changes nothing: choose upheld instead');
  return after;
}

export type DisputeService = ReturnType<typeof createDisputeService>;
