import { AppError, type MessageKey } from '../errors';
import type { TabularProblem } from './tabular-spec';

const PROBLEMS: Record<TabularProblem['code'], { status: number; key: MessageKey }> = {
  unsupported_type: { status: 415, key: 'uploadUnsupportedType' },
  too_large: { status: 413, key: 'uploadTooLarge' },
  too_many_rows: { status: 413, key: 'uploadTooManyRows' },
  too_large_unpacked: { status: 413, key: 'uploadUnpackedTooLarge' },
  unreadable: { status: 400, key: 'uploadUnreadable' },
  missing_columns: { status: 422, key: 'uploadMissingColumns' },
  empty: { status: 400, key: 'uploadEmpty' },
};

/**
 * The error answering for a refused file: code `UPLOAD_<PROBLEM>`, a status saying whose move it is (413 split
 * it, 415 another format, 422 fix the header, 400 fix the file), and the problem's fields as message params.
 * @example tabularProblemError({ code: 'empty' }) // AppError 400 UPLOAD_EMPTY
 */
export function tabularProblemError(problem: TabularProblem): AppError {
  const { code, ...params } = problem;
  const { status, key } = PROBLEMS[code];
  // A spec whose columns are all required has no "optional …" to list.
  const messageKey =
    problem.code === 'missing_columns' && problem.optional === '' ? 'uploadMissingRequiredColumns' : key;
  return new AppError(status, `UPLOAD_${code.toUpperCase()}`, messageKey, params);
}
