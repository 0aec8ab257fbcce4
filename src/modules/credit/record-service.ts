import { randomUUID } from 'node:crypto';
import type { AuditService } from '../../kernel/audit';
import type { Actor, Can } from '../../kernel/auth';
import { shanghaiDate } from '../../kernel/calendar';
import { type SanquDatabase, tablesOf } from '../../kernel/db';
import { divisionCodeRange } from '../../kernel/divisions';
import type { RegistryService } from '../registry';
import type { CreditRecordTable, CreditTables } from './credit.tables';
import type { createModelService } from './model-service';
import { type CheckedRecord, checkRecordInput, type RecordInput, type RecordRejection } from './record-input';
import { recordTypes } from './record-types';
import { rescore } from './rescore';
import { typeMap } from './score';

/** One submitted record's outcome, in submission order. */
export type SubmitResult =
  | { index: number; recordId: string; status: 'accepted' | 'duplicate'; id: string }
  | { index: number; recordId: string; status: 'rejected'; rejection: RecordRejection };

export interface CreditRecord {
  id: string;
  source: string;
  recordId: string;
  residentId: string;
  divisionCode: string;
  type: string;
  department: string;
  quantity: number;
  occurredOn: string;
  validUntil: string;
  evidenceRef: string | null;
  status: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export const toRecord = (row: CreditRecordTable): CreditRecord => ({
  id: row.id,
  source: row.source,
  recordId: row.source_record_id,
  residentId: row.resident_id,
  divisionCode: row.division_code,
  type: row.type,
  department: row.department,
  quantity: Number(row.quantity),
  occurredOn: row.occurred_on,
  validUntil: row.valid_until,
  evidenceRef: row.evidence_ref,
  status: row.status,
  revision: Number(row.revision),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Records of one transaction: a few hundred keeps each write transaction short on SQLite's single writer. */
const CHUNK = 250;
export const MAX_SUBMIT = 5_000;

/** The source a submitter reports as: its department in its division (`court/330822`). */
export const sourceOf = (actor: Actor) => `${actor.department ?? actor.role}/${actor.divisionCode ?? '-'}`;

const sameContent = (row: CreditRecordTable, record: CheckedRecord) =>
  row.resident_id === record.residentId &&
  row.type === record.type.code &&
  Number(row.quantity) === record.quantity &&
  row.occurred_on === record.occurredOn &&
  row.valid_until === record.validUntil &&
  (row.evidence_ref ?? null) === record.evidenceRef;

/**
 * 信用记录报送 — records from officers (single entry), files (import) and source systems (batch API) all come
 * through `submit`: each record is checked on its own (catalogue, department, dates, resident, jurisdiction), a
 * repeated record id is a duplicate (or a refusal when its content differs), and each accepted record changes its
 * resident's score in the same transaction, with an audit entry and a notice to the resident.
 */
export function createRecordService(
  database: SanquDatabase,
  audit: AuditService,
  registry: RegistryService,
  can: Can,
  models: ReturnType<typeof createModelService>,
  now: () => Date,
) {
  const db = tablesOf<CreditTables>(database.db);

  async function submit(
    actor: Actor,
    inputs: readonly RecordInput[],
    requestId: string | null = null,
  ): Promise<SubmitResult[]> {
    const at = now();
    const today = shanghaiDate(at);
    const types = typeMap(recordTypes());
    const results: SubmitResult[] = new Array(inputs.length);
    const checked: { index: number; record: CheckedRecord }[] = [];
    inputs.forEach((input, index) => {
      const verdict = checkRecordInput(input, types, actor.department, today);
      if (verdict.ok) checked.push({ index, record: verdict.record });
      else
        results[index] = {
          index,
          recordId: input.recordId,
          status: 'rejected',
          rejection: verdict.rejection,
        };
    });
    const residents = new Map(
      (await registry.residentsByIds(checked.map((c) => c.record.residentId))).map((r) => [r.residentId, r]),
    );
    const ready: { index: number; record: CheckedRecord; divisionCode: string }[] = [];
    for (const { index, record } of checked) {
      const resident = residents.get(record.residentId);
      const reject = (rejection: RecordRejection) => {
        results[index] = { index, recordId: record.recordId, status: 'rejected', rejection };
      };
      if (!resident) reject({ code: 'unknown_resident' });
      else if (
        !can(actor, 'credit.record.create', { type: 'credit_record', divisionCode: resident.divisionCode })
      )
        reject({ code: 'outside_jurisdiction' });
      else ready.push({ index, record, divisionCode: resident.divisionCode });
    }
    const source = sourceOf(actor);
    for (let start = 0; start < ready.length; start += CHUNK) {
      const chunk = ready.slice(start, start + CHUNK);
      const model = await models.active();
      await audit.transaction(db, async (trx) => {
        const existing = new Map(
          (
            await trx
              .selectFrom('credit_records')
              .selectAll()
              .where('source', '=', source)
              .where(
                'source_record_id',
                'in',
                chunk.map((c) => c.record.recordId),
              )
              .execute()
          ).map((row) => [row.source_record_id, row]),
        );
        const touched = new Map<string, string>();
        for (const { index, record, divisionCode } of chunk) {
          const known = existing.get(record.recordId);
          if (known) {
            results[index] = sameContent(known, record)
              ? { index, recordId: record.recordId, status: 'duplicate', id: known.id }
              : {
                  index,
                  recordId: record.recordId,
                  status: 'rejected',
                  rejection: { code: 'duplicate_differs', recordId: record.recordId },
                };
            continue;
          }
          const row: CreditRecordTable = {
            id: randomUUID(),
            source,
            source_record_id: record.recordId,
            resident_id: record.residentId,
            division_code: divisionCode,
            type: record.type.code,
            department: record.type.department,
            quantity: record.quantity,
            occurred_on: record.occurredOn,
            valid_until: record.validUntil,
            evidence_ref: record.evidenceRef,
            status: 'active',
            revision: 1,
            created_at: at.toISOString(),
            created_by: actor.id,
            updated_at: at.toISOString(),
          };
          await trx.insertInto('credit_records').values(row).execute();
          // Two rows of one submission with the same id: the second is a duplicate of the first.
          existing.set(record.recordId, row);
          await audit.record(trx, {
            actor,
            action: 'credit.record.create',
            resourceType: 'credit_record',
            resourceId: row.id,
            after: row,
            requestId,
          });
          await trx
            .insertInto('credit_notifications')
            .values({
              resident_id: row.resident_id,
              kind: 'record_added',
              params: JSON.stringify({ recordId: row.id, type: row.type }),
              created_at: row.created_at,
              read_at: null,
            })
            .execute();
          touched.set(row.resident_id, divisionCode);
          results[index] = { index, recordId: record.recordId, status: 'accepted', id: row.id };
        }
        for (const [residentId, divisionCode] of touched)
          await rescore(trx, model, { residentId, divisionCode }, 'records', at);
      });
    }
    return results;
  }

  return {
    submit,

    async get(id: string): Promise<CreditRecord | null> {
      const row = await db.selectFrom('credit_records').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    /** The type of each of these records (for lists that name what a case is about without reading the record). */
    async typesOf(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('credit_records')
        .select(['id', 'type'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(rows.map((r) => [r.id, r.type]));
    },

    /** A resident's records, newest fact first. */
    async ofResident(residentId: string): Promise<CreditRecord[]> {
      const rows = await db
        .selectFrom('credit_records')
        .selectAll()
        .where('resident_id', '=', residentId.toUpperCase())
        .orderBy('occurred_on', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },

    /** The records a department entered in a division (prefix) — an officer's own register — newest first. */
    async ofDepartment(options: {
      department: string;
      divisionCode: string;
      limit?: number;
      before?: string;
    }): Promise<CreditRecord[]> {
      const limit = Math.min(Math.max(1, options.limit ?? 50), 200);
      let query = db
        .selectFrom('credit_records')
        .selectAll()
        .where('department', '=', options.department)
        .where('division_code', '>=', divisionCodeRange(options.divisionCode).from)
        .where('division_code', '<', divisionCodeRange(options.divisionCode).to)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit);
      if (options.before) {
        // A cursor `<createdAt>|<id>` of the last row seen: one batch shares a createdAt, so the id breaks ties.
        const [createdAt = '', id = ''] = options.before.split('|');
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', createdAt),
            eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
          ]),
        );
      }
      return (await query.execute()).map(toRecord);
    },
  };
}

export type RecordService = ReturnType<typeof createRecordService>;
