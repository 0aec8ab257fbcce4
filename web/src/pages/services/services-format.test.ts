import { describe, expect, it } from 'vitest';
import {
  cityOf,
  daysBefore,
  deadlineColour,
  formatFen,
  hasResult,
  newRequestKey,
  percent,
  problemsFrom,
  uploadProblem,
} from './services-format';

describe('services format helpers', () => {
  it('colours a deadline by the SLA state', () => {
    expect(deadlineColour({ state: 'on_track' })).toBe('green');
    expect(deadlineColour({ state: 'warning' })).toBe('orange');
    expect(deadlineColour({ state: 'overdue' })).toBe('red');
    expect(deadlineColour({ state: 'paused' })).toBe('default');
    expect(deadlineColour(null)).toBe('default');
  });

  it('finds the city of a county and formats fees and shares', () => {
    expect(cityOf('330822')).toBe('330800');
    expect(cityOf('361100')).toBe('361100');
    expect(formatFen(0)).toBe('0');
    expect(formatFen(1050)).toBe('10.50');
    expect(formatFen(2000)).toBe('20');
    expect(percent(3, 4)).toBe('75.0%');
    expect(percent(0, 0)).toBeNull();
  });

  it('offers the result only once approved', () => {
    expect(hasResult({ state: 'approved', resultNumber: 'X-R' })).toBe(true);
    expect(hasResult({ state: 'delivered', resultNumber: 'X-R' })).toBe(true);
    expect(hasResult({ state: 'in_review', resultNumber: null })).toBe(false);
  });

  it('refuses files of other types or over 10 MB before uploading', () => {
    expect(uploadProblem({ type: 'application/pdf', size: 1000, name: 'a.pdf' })).toBeNull();
    expect(uploadProblem({ type: '', size: 1000, name: 'scan.JPG' })).toBeNull();
    expect(uploadProblem({ type: 'text/plain', size: 10, name: 'a.txt' })).toBe('type');
    expect(uploadProblem({ type: 'image/png', size: 10 * 1024 * 1024 + 1, name: 'a.png' })).toBe('size');
    expect(uploadProblem({ type: 'image/png', size: 0, name: 'a.png' })).toBe('size');
  });

  it('turns typed problems into the list a return sends, skipping blanks', () => {
    expect(
      problemsFrom([
        { kind: 'material', key: 'photo', message: ' 照片模糊 ' },
        { kind: 'form', message: '' },
        { message: '缺少户口簿' },
      ]),
    ).toEqual([
      { kind: 'material', key: 'photo', message: { zh: '照片模糊', en: '照片模糊' } },
      { kind: 'material', key: null, message: { zh: '缺少户口簿', en: '缺少户口簿' } },
    ]);
  });

  it('makes request keys the server accepts and counts days back', () => {
    expect(newRequestKey()).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
  });
});
