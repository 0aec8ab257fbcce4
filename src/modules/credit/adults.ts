import { addMonthsToDate } from '../../kernel/calendar';

/** [assume, configurable] 信安分 scores adult residents: the age of full civil capacity (Civil Code art. 17). */
export const SCORED_FROM_AGE = 18;

/**
 * Whether a resident is scored on `asOf`, from the birth date their ID carries (positions 7-14):
 * isScoredOn('330822200801011234', '2026-01-01') === true (18 on 2026-01-01).
 */
export function isScoredOn(residentId: string, asOf: string): boolean {
  const birth = `${residentId.slice(6, 10)}-${residentId.slice(10, 12)}-${residentId.slice(12, 14)}`;
  return addMonthsToDate(birth, SCORED_FROM_AGE * 12) <= asOf;
}
