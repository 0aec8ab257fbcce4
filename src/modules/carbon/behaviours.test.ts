import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BEHAVIOUR_COLUMNS, CarbonDataError, parseBehaviourCatalogue } from './behaviours';
import {
  BEHAVIOURS_FILE,
  clearCarbonCatalogueCache,
  loadBehaviourCatalogue,
  loadPointsConfig,
  loadRewardCatalogue,
} from './load-behaviours';
import { assessBehaviour, MAX_EXPIRY_MONTHS } from './points';

const HEADER = BEHAVIOUR_COLUMNS.join(',');
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const row = (code = 'bus_trip', grams = '134.5', cap = '6', basis = 'derived', source = 'S', notes = 'n') =>
  `${code},公交,Bus,trip,${grams},${cap},${basis},${source},${notes}`;

const REQUIRED_CODES = [
  'bus_trip',
  'metro_km',
  'shared_bike_km',
  'walking_1000_steps',
  'waste_recyclables_kg',
  'waste_kitchen_kg',
  'waste_hazardous_kg',
  'waste_other_kg',
  'paperless_bill',
  'clothes_donation_kg',
  'ev_charging_kwh',
  'no_disposable_tableware',
  'online_government_service',
];

afterEach(() => clearCarbonCatalogueCache());

describe('the shipped behaviour catalogue', () => {
  it('has every required behaviour, each tracing to a source or reasoned as an assumption', () => {
    const catalogue = loadBehaviourCatalogue();
    expect([...catalogue.keys()]).toEqual(expect.arrayContaining(REQUIRED_CODES));
    for (const behaviour of catalogue.values()) {
      if (behaviour.basis === 'assumption') expect(behaviour.notes.length).toBeGreaterThan(40);
      else expect(behaviour.source.length).toBeGreaterThan(10);
    }
    expect(catalogue.get('metro_km')).toMatchObject({ unit: 'km', gramsPerUnit: 46.7, basis: 'published' });
  });

  it('converts every behaviour code: a full day at the cap earns whole grams and points', () => {
    const catalogue = loadBehaviourCatalogue();
    const config = loadPointsConfig();
    for (const behaviour of catalogue.values()) {
      const result = assessBehaviour(
        catalogue,
        config,
        { behaviour: behaviour.code, amount: behaviour.dailyCapUnits },
        0,
      );
      expect(result.capped).toBe(false);
      expect(result.grams).toBe(Math.floor(behaviour.dailyCapUnits * behaviour.gramsPerUnit));
      expect(result.points).toBe(Math.floor(result.grams / config.gramsPerPoint));
      expect(result.points).toBeGreaterThan(0);
    }
  });

  it('is read once and cached', () => {
    expect(BEHAVIOURS_FILE.replaceAll('\\', '/')).toMatch(/\/data\/carbon\/behaviours\.csv$/);
    expect(loadBehaviourCatalogue()).toBe(loadBehaviourCatalogue());
  });
});

describe('parseBehaviourCatalogue', () => {
  it('reads quoted fields with commas and quotes, a byte-order mark and CRLF', () => {
    const text = `\uFEFF${csv(row('bus_trip', '134.5', '6', 'derived', '"Shenzhen, 2021"', '"5 km ""average"""'))}\r\n\r\n`;
    const bus = parseBehaviourCatalogue(text).get('bus_trip');
    expect(bus).toMatchObject({
      source: 'Shenzhen, 2021',
      notes: '5 km "average"',
      gramsPerUnit: 134.5,
      line: 2,
    });
  });

  it.each([
    ['a zero reduction', row('bus_trip', '0'), 2, 'grams_per_unit must be positive'],
    ['a negative reduction', row('bus_trip', '-3'), 2, 'grams_per_unit "-3" must be a number'],
    ['a non-number', row('bus_trip', 'abc'), 2, 'grams_per_unit "abc"'],
    ['four decimals', row('bus_trip', '1.2345'), 2, 'at most 3 decimals'],
    ['a zero cap', row('bus_trip', '10', '0'), 2, 'daily_cap_units must be positive'],
    ['an unknown basis', row('bus_trip', '10', '1', 'guess'), 2, 'basis must be one of'],
    ['a sourced basis without source', row('bus_trip', '10', '1', 'published', ''), 2, 'needs a source'],
    ['an assumption without reasoning', row('bus_trip', '10', '1', 'assumption', '', ''), 2, 'needs notes'],
    ['a bad code', row('Bus Trip'), 2, 'lower_snake_case'],
    ['a short row', 'bus_trip,公交,Bus', 2, 'expected 9 fields, found 3'],
  ])('rejects %s, naming the line', (_, bad, line, message) => {
    expect(() => parseBehaviourCatalogue(csv(bad), 'b.csv')).toThrow(CarbonDataError);
    expect(() => parseBehaviourCatalogue(csv(bad), 'b.csv')).toThrow(`b.csv line ${line}: `);
    expect(() => parseBehaviourCatalogue(csv(bad), 'b.csv')).toThrow(message);
    // After a good row the same problem is reported one line further down.
    expect(() => parseBehaviourCatalogue(csv(row('metro_km'), bad))).toThrow(`line ${line + 1}`);
  });

  it('rejects a repeated code, naming both lines', () => {
    expect(() => parseBehaviourCatalogue(csv(row(), row('metro_km'), row()))).toThrow(
      'behaviours.csv line 4: code bus_trip already defined on line 2',
    );
  });

  it('rejects a wrong header, an unclosed quote and an empty file', () => {
    expect(() => parseBehaviourCatalogue('code,name\nx,y')).toThrow('line 1: header must be');
    expect(() => parseBehaviourCatalogue(csv(row(), 'metro_km,"open,x'))).toThrow('line 3');
    expect(() => parseBehaviourCatalogue(HEADER)).toThrow('no behaviours');
  });
});

describe('loading the points rules', () => {
  const write = (content: unknown) => {
    const path = join(mkdtempSync(join(tmpdir(), 'points-')), 'points.json');
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const valid = {
    version: 't',
    gramsPerPoint: 10,
    expiryMonths: 24,
    nonTransferable: true,
    cashValue: false,
    basis: 'assumption',
    source: 'test',
  };

  it('ships 10 g a point, 24 months, non-transferable and without cash value', () => {
    const config = loadPointsConfig();
    expect(config).toMatchObject({
      gramsPerPoint: 10,
      expiryMonths: 24,
      nonTransferable: true,
      cashValue: false,
    });
    expect(config.expiryMonths).toBeLessThanOrEqual(MAX_EXPIRY_MONTHS);
  });

  it('accepts exactly 120 months and refuses 121 (points last at most 10 years)', () => {
    expect(loadPointsConfig(write({ ...valid, expiryMonths: 120 })).expiryMonths).toBe(120);
    expect(() => loadPointsConfig(write({ ...valid, expiryMonths: 121 }))).toThrow('exceeds 120');
  });

  it.each([
    [{ ...valid, nonTransferable: false }, 'nonTransferable must be true'],
    [{ ...valid, cashValue: true }, 'cashValue must be false'],
    [{ ...valid, gramsPerPoint: 2.5 }, 'gramsPerPoint'],
    [{ ...valid, expiryMonths: 0 }, 'expiryMonths must be a positive'],
    [{ ...valid, basis: 'vibes' }, 'basis must be one of'],
    [{ ...valid, exchangeRate: 1 }, 'unknown fields: exchangeRate'],
    ['{ not json', 'not valid JSON'],
    [[1, 2], 'must be a JSON object'],
  ])('refuses %j', (content, message) => {
    expect(() => loadPointsConfig(write(content))).toThrow(message);
  });
});

describe('the shipped rewards', () => {
  it('sells a box of Changshan grapefruit for 2,500 points', () => {
    expect(loadRewardCatalogue().get('changshan_huyou_box')).toMatchObject({
      points: 2500,
      nameZh: '常山胡柚一箱',
    });
    expect(loadRewardCatalogue().size).toBeGreaterThanOrEqual(4);
  });
});
