import { addMonthsToDate, isIsoDate } from '../../kernel/calendar';
import { parseResidentId, type ResidentIdReason } from '../../kernel/identity';
import type { RecordType } from './record-types';

/** A record as a source department or officer submits it. */
export interface RecordInput {
  /** The source's own id for the record: a repeat with the same id never counts twice. */
  recordId: string;
  residentId: string;
  type: string;
  /** YYYY-MM-DD, the date of the fact (judgment, donation, payment). */
  occurredOn: string;
  /** Units (hours, months, donations); 1 when omitted. */
  quantity?: number;
  /** YYYY-MM-DD, first day it no longer counts; defaults to the type's validity after `occurredOn`. */
  validUntil?: string;
  evidenceRef?: string | null;
}

export const RECORD_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$';

/** Why one record was refused; the API renders each in zh-CN and English. */
export type RecordRejection =
  | { code: 'bad_record_id' }
  | { code: 'bad_resident_id'; reason: ResidentIdReason }
  | { code: 'unknown_type'; type: string }
  | { code: 'not_your_type'; type: string; department: string }
  | { code: 'bad_date'; field: 'occurredOn' | 'validUntil'; value: string }
  | { code: 'in_future'; occurredOn: string; today: string }
  | { code: 'bad_quantity'; max: number; unit: string; whole: boolean }
  | { code: 'before_birth'; birthDate: string }
  | { code: 'validity_too_long'; latest: string }
  | { code: 'validity_before_fact' }
  | { code: 'already_expired'; validUntil: string }
  | { code: 'unknown_resident' }
  | { code: 'outside_jurisdiction' }
  | { code: 'duplicate_differs'; recordId: string };

export interface CheckedRecord {
  recordId: string;
  residentId: string;
  type: RecordType;
  occurredOn: string;
  quantity: number;
  validUntil: string;
  evidenceRef: string | null;
}

/**
 * Checks one submitted record against the catalogue, the submitter's department and today's date, without I/O:
 * the service then checks the resident exists and lies in the submitter's jurisdiction.
 */
export function checkRecordInput(
  input: RecordInput,
  types: ReadonlyMap<string, RecordType>,
  department: string | null,
  today: string,
): { ok: true; record: CheckedRecord } | { ok: false; rejection: RecordRejection } {
  const reject = (rejection: RecordRejection) => ({ ok: false as const, rejection });
  if (!new RegExp(RECORD_ID_PATTERN).test(input.recordId)) return reject({ code: 'bad_record_id' });
  const resident = parseResidentId(input.residentId, { today });
  if (!resident.ok) return reject({ code: 'bad_resident_id', reason: resident.reason });
  const type = types.get(input.type);
  if (!type) return reject({ code: 'unknown_type', type: input.type });
  if (type.department !== department)
    return reject({ code: 'not_your_type', type: type.code, department: type.department });
  if (!isIsoDate(input.occurredOn))
    return reject({ code: 'bad_date', field: 'occurredOn', value: input.occurredOn });
  if (input.occurredOn > today) return reject({ code: 'in_future', occurredOn: input.occurredOn, today });
  if (input.occurredOn < resident.value.birthDate)
    return reject({ code: 'before_birth', birthDate: resident.value.birthDate });
  const quantity = input.quantity ?? 1;
  const whole = !type.fractional;
  if (
    !(Number.isFinite(quantity) && quantity > 0 && quantity <= type.maxQuantity) ||
    (whole && !Number.isInteger(quantity))
  )
    return reject({ code: 'bad_quantity', max: type.maxQuantity, unit: type.unit.en, whole });
  const latest = addMonthsToDate(input.occurredOn, type.validityMonths);
  const validUntil = input.validUntil ?? latest;
  if (!isIsoDate(validUntil)) return reject({ code: 'bad_date', field: 'validUntil', value: validUntil });
  if (validUntil <= input.occurredOn) return reject({ code: 'validity_before_fact' });
  if (validUntil > latest) return reject({ code: 'validity_too_long', latest });
  if (validUntil <= today) return reject({ code: 'already_expired', validUntil });
  return {
    ok: true,
    record: {
      recordId: input.recordId,
      residentId: resident.value.id,
      type,
      occurredOn: input.occurredOn,
      quantity,
      validUntil,
      evidenceRef: input.evidenceRef?.trim() || null,
    },
  };
}
