import { describe, expect, it } from 'vitest';
import { tabularProblemError } from './problem-error';
import type { TabularProblem } from './tabular-spec';

describe('tabularProblemError', () => {
  it.each([
    [{ code: 'unsupported_type', filename: 'a.xls' }, 415, 'UPLOAD_UNSUPPORTED_TYPE', 'a.xls'],
    [{ code: 'too_large', limit: 10 }, 413, 'UPLOAD_TOO_LARGE', '10 bytes'],
    [{ code: 'too_many_rows', limit: 5, rows: 6 }, 413, 'UPLOAD_TOO_MANY_ROWS', '6 data rows'],
    [{ code: 'too_large_unpacked', limit: 9, maxEntries: 3 }, 413, 'UPLOAD_TOO_LARGE_UNPACKED', '3 parts'],
    [{ code: 'unreadable', reason: 'not UTF-8' }, 400, 'UPLOAD_UNREADABLE', 'not UTF-8'],
    [{ code: 'empty' }, 400, 'UPLOAD_EMPTY', 'no data rows'],
  ] as const satisfies readonly (readonly [TabularProblem, number, string, string])[])(
    '%j answers %i %s',
    (problem, status, code, text) => {
      const error = tabularProblemError(problem);
      expect([error.status, error.code]).toEqual([status, code]);
      expect(error.message).toContain(text);
    },
  );

  it('names the missing, required and optional columns, leaving out "optional" when there are none', () => {
    const problem = { code: 'missing_columns', columns: 'b', required: 'a, b', optional: 'c' } as const;
    const error = tabularProblemError(problem);
    expect([error.status, error.code]).toEqual([422, 'UPLOAD_MISSING_COLUMNS']);
    expect(error.toBody('en').error.message).toBe('The header lacks columns: b (expected a, b, optional c)');
    expect(error.toBody('zh-CN').error.message).toBe('表头缺少列：b（应有 a, b，可选 c）');
    const allRequired = tabularProblemError({ ...problem, optional: '' });
    expect(allRequired.code).toBe('UPLOAD_MISSING_COLUMNS');
    expect(allRequired.toBody('en').error.message).toBe('The header lacks columns: b (expected a, b)');
    expect(allRequired.toBody('zh-CN').error.message).toBe('表头缺少列：b（应有 a, b）');
  });
});
