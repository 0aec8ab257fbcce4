import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it('follows a same-origin path the role may visit', () => {
    expect(safeNextPath('/workbench', 'officer')).toBe('/workbench');
    expect(safeNextPath('/workbench/cases?page=2', 'officer')).toBe('/workbench/cases?page=2');
    expect(safeNextPath('/some-unowned-page', 'resident')).toBe('/some-unowned-page');
  });

  it("goes to the role's home for another role's area", () => {
    expect(safeNextPath('/workbench', 'resident')).toBe('/me');
    expect(safeNextPath('/cockpit', 'bank')).toBe('/bank');
  });

  it('never leaves the origin and never loops back to /login', () => {
    for (const next of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/',
      '/login?next=/me',
    ]) {
      expect(safeNextPath(next, 'auditor')).toBe('/audit');
    }
  });
});
