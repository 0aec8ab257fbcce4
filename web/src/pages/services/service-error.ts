import { ApiError } from '../../api/api-error';
import i18n from '../../i18n/i18n';

/**
 * The server's sentence and each detail it gave (e.g. every form field at fault), in the UI language. A deadline
 * in a year without holiday data (CALENDAR_YEAR_MISSING) first says what it means for the applicant.
 */
export function serviceErrorText(error: Error): string {
  if (!(error instanceof ApiError)) return error.message;
  const lead = error.code === 'CALENDAR_YEAR_MISSING' ? [i18n.t('services.errors.calendarYearMissing')] : [];
  return [...lead, error.message, ...error.details.map((d) => d.message)].join('；');
}
