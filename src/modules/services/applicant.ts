import { parseResidentId, parseUscc } from '../../kernel/identity';
import type { ApplicantFacts } from './precheck';

const cityOf = (division: string) => `${division.slice(0, 4)}00`;

function completedYears(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * The applicant as the acceptance conditions see them, from the identifier alone: a resident ID carries the
 * division of first registration and the birth date; a USCC carries the registering division (characters 3-8).
 * Null for an identifier that does not parse (the caller has validated it before).
 */
export function applicantFacts(
  type: 'resident' | 'enterprise',
  id: string,
  today: string,
): ApplicantFacts | null {
  if (type === 'resident') {
    const parsed = parseResidentId(id, { today });
    if (!parsed.ok) return null;
    return {
      type,
      age: completedYears(parsed.value.birthDate, today),
      registeredCity: cityOf(parsed.value.divisionCode),
    };
  }
  const parsed = parseUscc(id);
  return parsed.ok ? { type, age: null, registeredCity: cityOf(parsed.value.divisionCode) } : null;
}
