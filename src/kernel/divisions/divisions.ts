import { type DivisionLevel, divisionLevel } from './division-code';

/** The kind of a division within its level: 街道 street, 镇 town, 乡 township, 区 district, 县 county, 市 city. */
export type DivisionKind =
  | 'province'
  | 'city'
  | 'district'
  | 'county'
  | 'county_city'
  | 'street'
  | 'town'
  | 'township'
  | 'village';

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  kind: DivisionKind;
  parentCode: string | null;
  /** True for generated entries (villages), whose codes and names are not real. */
  synthetic: boolean;
}

export interface TownshipRow {
  county_code: string;
  county_name: string;
  township_code: string;
  township_name: string;
  kind: string;
}

export interface CountyRow {
  city_code: string;
  city_name: string;
  county_code: string;
  county_name: string;
}

/** Parses a small, quote-free CSV with a header row into records (the data files have no quoted fields). */
export function parseCsv<Row>(text: string, columns: readonly (keyof Row & string)[]): Row[] {
  const [header = '', ...lines] = text.trim().split(/\r?\n/);
  const names = header.split(',');
  for (const column of columns) {
    if (!names.includes(column)) throw new Error(`CSV is missing the column ${column}`);
  }
  return lines.map((line, index) => {
    const cells = line.split(',');
    if (cells.length !== names.length)
      throw new Error(`CSV line ${index + 2} has ${cells.length} cells, expected ${names.length}`);
    return Object.fromEntries(names.map((name, i) => [name, cells[i]])) as Row;
  });
}

export function countyKind(name: string): DivisionKind {
  if (name.endsWith('区')) return 'district';
  if (name.endsWith('县')) return 'county';
  return 'county_city';
}

/** Builds the cities, counties and townships from the two reference files. */
export function buildDivisions(
  counties: readonly CountyRow[],
  townships: readonly TownshipRow[],
): Division[] {
  const out: Division[] = [];
  const cities = new Map<string, string>();
  for (const row of counties) cities.set(row.city_code, row.city_name);
  for (const [code, name] of cities) {
    out.push({ code, name, level: 'city', kind: 'city', parentCode: null, synthetic: false });
  }
  for (const row of counties) {
    out.push({
      code: row.county_code,
      name: row.county_name,
      level: divisionLevel(row.county_code),
      kind: countyKind(row.county_name),
      parentCode: row.city_code,
      synthetic: false,
    });
  }
  for (const row of townships) {
    if (!['street', 'town', 'township'].includes(row.kind))
      throw new Error(`Unknown township kind ${row.kind} for ${row.township_code}`);
    out.push({
      code: row.township_code,
      name: row.township_name,
      level: 'township',
      kind: row.kind as DivisionKind,
      parentCode: row.county_code,
      synthetic: false,
    });
  }
  return out;
}
