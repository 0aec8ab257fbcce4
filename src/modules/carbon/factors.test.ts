import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createFactorLibrary,
  type EmissionFactor,
  FACTOR_COLUMNS,
  FactorCsvError,
  parseFactorCsv,
  selectFactor,
} from './factors';
import { clearCarbonDataCache, FACTOR_FILE, loadFactorLibrary } from './load-factors';

const HEADER = FACTOR_COLUMNS.join(',');
const ROW =
  'grid-x-2023,electricity_grid,national,0.5,kgCO2/kWh,CO2,published,"MEE, 2023",2023,2023-01,2023-12,n';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('the shipped factor library', () => {
  const library = loadFactorLibrary();

  it('is read once from data/carbon/emission-factors.csv', () => {
    expect(FACTOR_FILE.replaceAll('\\', '/')).toMatch(/\/data\/carbon\/emission-factors\.csv$/);
    expect(loadFactorLibrary()).toBe(library);
    clearCarbonDataCache();
    expect(loadFactorLibrary()).not.toBe(library);
  });

  it('holds the grid factors, the heat default and the four fuels with their sources', () => {
    const value = (id: string) => library.byId.get(id)?.value;
    expect(value('grid-national-2022')).toBe(0.5366);
    expect(value('grid-national-2023')).toBe(0.5306);
    expect(value('grid-east-china-2023')).toBe(0.55);
    expect(library.byId.get('heat-default-2013')).toMatchObject({
      value: 0.11,
      unit: 'tCO2/GJ',
      basis: 'guideline_default',
    });
    for (const fuel of ['raw_coal', 'natural_gas', 'diesel', 'gasoline'])
      for (const part of ['ncv', 'carbon_content', 'oxidation'])
        expect(library.factors.some((f) => f.kind === `${fuel}.${part}`)).toBe(true);
  });

  it('traces every figure to a source and year, and marks our own figures as assumptions', () => {
    for (const factor of library.factors) {
      expect(factor.source.length).toBeGreaterThan(5);
      expect(factor.year).toBeGreaterThanOrEqual(2006);
      if (factor.source.startsWith('Sanqu assumption')) expect(factor.basis).toBe('assumption');
      if (factor.basis === 'assumption') expect(factor.source).toMatch(/assumption/);
    }
    expect(
      library.factors.filter((f) => f.kind.startsWith('agri.sink.')).every((f) => f.basis === 'assumption'),
    ).toBe(true);
  });

  it('uses one GWP set (AR5) for CH4 and N2O', () => {
    const gwps = library.factors.filter((f) => f.kind.startsWith('gwp.'));
    expect(gwps.map((f) => [f.kind, f.value])).toEqual([
      ['gwp.ch4', 28],
      ['gwp.n2o', 265],
    ]);
    expect(gwps.every((f) => f.source.includes('AR5'))).toBe(true);
  });
});

describe('parseFactorCsv', () => {
  it('reads quoted sources and empty validity as open-ended', () => {
    const library = parseFactorCsv(csv(ROW, 'h,heat,any,0.11,tCO2/GJ,CO2,guideline_default,NDRC,2013,,,'));
    expect(library.byId.get('grid-x-2023')).toMatchObject({ source: 'MEE, 2023', validFrom: '2023-01' });
    expect(library.byId.get('h')).toMatchObject({ validFrom: null, validTo: null });
  });

  it.each([
    ['a wrong header', 'id,kind\nx,y', 1, /header/],
    ['a short row', csv(ROW, 'a,b,c'), 3, /3 cells/],
    ['an unknown basis', csv(ROW.replace('published', 'hearsay')), 2, /basis/],
    ['a bad month', csv(ROW.replace('2023-12', '2023-13')), 2, /YYYY-MM/],
    ['a value that is not a number', csv(ROW.replace('0.5', 'n/a')), 2, /value/],
    ['an empty source', csv(ROW.replace('"MEE, 2023"', '')), 2, /source/],
    ['a reused id', csv(ROW, ROW), 3, /twice/],
    ['validity running backwards', csv(ROW.replace('2023-01,2023-12', '2023-12,2023-01')), 2, /after/],
  ])('rejects %s with its line number', (_, text, line, reason) => {
    try {
      parseFactorCsv(text, 'f.csv');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FactorCsvError);
      expect((error as FactorCsvError).line).toBe(line);
      expect((error as FactorCsvError).message).toMatch(reason);
      expect((error as FactorCsvError).message).toMatch(`f.csv line ${line}`);
    }
  });
});

describe('selectFactor', () => {
  const library = loadFactorLibrary();
  const grid = (region: 'national' | 'east-china', period: string) =>
    selectFactor(library, 'electricity_grid', { region, period });

  it('picks the version valid for the period', () => {
    expect(grid('national', '2022-06')).toMatchObject({
      factor: { id: 'grid-national-2022' },
      fallback: false,
    });
    expect(grid('national', '2023-01')).toMatchObject({
      factor: { id: 'grid-national-2023' },
      fallback: false,
    });
    expect(grid('east-china', '2023-12')).toMatchObject({ factor: { value: 0.55 }, fallback: false });
  });

  it('falls back to the latest published year, with a reason, for periods not yet covered', () => {
    expect(grid('national', '2026-03')).toMatchObject({
      factor: { id: 'grid-national-2023' },
      fallback: true,
      reason: '2026 factor not yet published; using 2023',
      reasonZh: '2026 年因子尚未发布，沿用 2023 年因子',
    });
  });

  it('falls back to the earliest version for periods older than every version', () => {
    expect(grid('national', '2020-12')).toMatchObject({
      factor: { id: 'grid-national-2022' },
      fallback: true,
    });
    expect(grid('east-china', '2022-05')?.reason).toBe(
      'no 2022 factor in the library; using 2023, the earliest available',
    );
  });

  it("uses 'any' rows for any region, and knows nothing of unknown kinds", () => {
    expect(selectFactor(library, 'raw_coal.ncv', { region: 'east-china', period: '2024-01' })).toMatchObject({
      factor: { value: 20.908 },
      fallback: false,
    });
    expect(selectFactor(library, 'unobtainium', { region: 'any', period: '2024-01' })).toBeNull();
  });

  it("lets an officer's new version supersede without changing the old one", () => {
    const base = loadFactorLibrary();
    const old = base.byId.get('grid-national-2023') as EmissionFactor;
    const corrected = { ...old, id: 'grid-national-2023-rev2', value: 0.53 };
    const next = createFactorLibrary([...base.factors, corrected]);
    expect(selectFactor(next, 'electricity_grid', { region: 'national', period: '2023-05' })?.factor.id).toBe(
      'grid-national-2023-rev2',
    );
    expect(
      selectFactor(base, 'electricity_grid', { region: 'national', period: '2023-05' })?.factor.value,
    ).toBe(0.5306);
    expect(Object.isFrozen(old)).toBe(true);
    expect(() => createFactorLibrary([...base.factors, old])).toThrow(/twice/);
  });

  it('flags a fallback exactly when no version is valid for the period', () => {
    const period = fc
      .tuple(fc.integer({ min: 2000, max: 2040 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(period, fc.constantFrom('national' as const, 'east-china' as const), (p, region) => {
        const selection = grid(region, p);
        const covered = p >= '2022-01' && p <= '2023-12' && (region === 'national' || p >= '2023-01');
        expect(selection?.fallback).toBe(!covered);
        expect(selection?.factor.region).toBe(region);
      }),
    );
  });
});
