import { readFileSync } from 'node:fs';
import { dataPath } from '../paths';
import { buildDivisions, type CountyRow, type Division, parseCsv, type TownshipRow } from './divisions';
import { generateVillages } from './villages';

export type DivisionService = ReturnType<typeof createDivisionService>;

/**
 * 行政区划 — the division tree of Quzhou and its alliance cities, held in memory: reference data read once from
 * data/divisions/ (a few thousand entries). Lookups are map reads.
 */
export function createDivisionService(all: readonly Division[] = loadDivisions()) {
  const byCode = new Map(all.map((d) => [d.code, d]));
  const children = new Map<string, Division[]>();
  for (const d of all) {
    if (d.parentCode) children.set(d.parentCode, [...(children.get(d.parentCode) ?? []), d]);
  }
  const roots = all.filter((d) => d.parentCode === null);
  return {
    get: (code: string): Division | null => byCode.get(code) ?? null,
    roots: (): Division[] => roots,
    children: (code: string): Division[] => children.get(code) ?? [],
    /** From the root down to the division itself. */
    path(code: string): Division[] {
      const path: Division[] = [];
      for (let d = byCode.get(code); d; d = d.parentCode ? byCode.get(d.parentCode) : undefined)
        path.unshift(d);
      return path;
    },
    counties: (cityCode: string) => (children.get(cityCode) ?? []).filter((d) => d.level === 'county'),
    townships: (countyCode: string) => children.get(countyCode) ?? [],
    villages: (townshipCode: string) => children.get(townshipCode) ?? [],
    all: (): readonly Division[] => all,
  };
}

export function loadDivisions(): Division[] {
  const counties = parseCsv<CountyRow>(readFileSync(dataPath('divisions', 'alliance-counties.csv'), 'utf8'), [
    'city_code',
    'city_name',
    'county_code',
    'county_name',
  ]);
  const townshipRows = parseCsv<TownshipRow>(
    readFileSync(dataPath('divisions', 'quzhou-townships.csv'), 'utf8'),
    ['county_code', 'county_name', 'township_code', 'township_name', 'kind'],
  );
  const divisions = buildDivisions(counties, townshipRows);
  return [...divisions, ...generateVillages(divisions.filter((d) => d.level === 'township'))];
}
