import { describe, expect, it } from 'vitest';
import { createDivisionService, QUZHOU_VILLAGE_COUNT } from './index';
import { largestRemainder } from './villages';

describe('division tree', () => {
  const divisions = createDivisionService();

  it('has the four alliance cities as roots', () => {
    expect(divisions.roots().map((d) => `${d.code} ${d.name}`)).toEqual([
      '330800 衢州市',
      '341000 黄山市',
      '350700 南平市',
      '361100 上饶市',
    ]);
    expect(divisions.counties('341000')).toHaveLength(7);
    expect(divisions.counties('350700')).toHaveLength(10);
    expect(divisions.counties('361100')).toHaveLength(12);
  });

  it('has Quzhou’s six counties and 100 townships by kind', () => {
    const counties = divisions.counties('330800');
    expect(counties.map((c) => c.code)).toEqual(['330802', '330803', '330822', '330824', '330825', '330881']);
    const townships = counties.flatMap((c) => divisions.townships(c.code));
    expect(townships).toHaveLength(100);
    const kinds: Record<string, number> = {};
    for (const t of townships) kinds[t.kind] = (kinds[t.kind] ?? 0) + 1;
    expect(kinds).toEqual({ street: 18, town: 43, township: 39 });
    expect(divisions.get('330802006')?.name).toBe('府山街道');
  });

  it('has exactly 1,482 villages with unique 12-digit codes under towns and townships only', () => {
    const villages = divisions.all().filter((d) => d.level === 'village');
    expect(villages).toHaveLength(QUZHOU_VILLAGE_COUNT);
    expect(new Set(villages.map((v) => v.code)).size).toBe(QUZHOU_VILLAGE_COUNT);
    for (const v of villages) {
      expect(v.code).toMatch(/^\d{12}$/);
      expect(v.code.startsWith(v.parentCode!)).toBe(true);
      expect(divisions.get(v.parentCode!)?.kind).not.toBe('street');
      expect(v.synthetic).toBe(true);
    }
    const names = villages.map((v) => `${v.parentCode}/${v.name}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('generates the same villages every time', () => {
    const again = createDivisionService();
    expect(again.villages('330822104')).toEqual(divisions.villages('330822104'));
  });

  it('walks a path from the city down to a village', () => {
    const village = divisions.villages('330822104')[0]!;
    expect(divisions.path(village.code).map((d) => d.level)).toEqual([
      'city',
      'county',
      'township',
      'village',
    ]);
  });

  it('splits by largest remainder into exact totals', () => {
    expect(largestRemainder([1, 1, 1], 10)).toEqual([4, 3, 3]);
    expect(largestRemainder([1.3, 1], 23).reduce((a, b) => a + b)).toBe(23);
  });
});
