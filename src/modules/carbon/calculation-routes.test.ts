import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, errorOf, startTestApp, type TestApp } from '../../../test/api/support';
import { testDialects } from '../../kernel/db/test-databases';

const USERS = [
  { username: 'eco-city', role: 'officer' as const, department: 'ecology', divisionCode: '330800' },
  { username: 'eco-changshan', role: 'officer' as const, department: 'ecology', divisionCode: '330822' },
  { username: 'office-city', role: 'officer' as const, department: 'city_admin', divisionCode: '330800' },
];

describe.each(testDialects)('carbon calculator and factor library on %s', (dialect) => {
  let t: TestApp;
  const calculate = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/carbon/calculate', payload: payload as object, headers });

  beforeAll(async () => {
    t = await startTestApp(dialect, { users: USERS });
  });
  afterAll(() => t.dispose());

  it('computes a period’s emissions line by line with the factor behind each line', async () => {
    const response = await calculate({
      period: '2023-06',
      activities: [
        { kind: 'electricity', amount: 1000, unit: 'MWh' },
        { kind: 'raw_coal', amount: 100, unit: 't' },
        { kind: 'process', amount: 12.5, unit: 'tCO2' },
      ],
      valueAdded: 2000,
    });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.lines[0]).toMatchObject({
      kind: 'electricity',
      tonnes: 530.6,
      factor: { id: 'grid-national-2023', fallback: false },
    });
    expect(result.lines[1].tonnes).toBeCloseTo(190.03, 1);
    expect(result.lines[2].tonnes).toBe(12.5);
    expect(result.totalGrams).toBe(
      result.lines.reduce((sum: number, l: { grams: number }) => sum + l.grams, 0),
    );
    expect(result.intensity).toBeCloseTo(result.totalTonnes / 2000, 4);
    expect(result.level).toBe('低碳');
  });

  it('uses the East China grid on request and flags a fallback year', async () => {
    const result = (
      await calculate({
        period: '2026-01',
        gridFactor: 'east-china',
        activities: [{ kind: 'electricity', amount: 100, unit: 'kWh' }],
      })
    ).json();
    expect(result.lines[0].factor).toMatchObject({ id: 'grid-east-china-2023', fallback: true });
    expect(result.fallback).toBe(true);
  });

  it('answers 422 naming the allowed units, negative amounts and future periods, in the caller’s language', async () => {
    const bad = await calculate(
      {
        period: '2099-01',
        activities: [
          { kind: 'electricity', amount: -5, unit: 'kWh' },
          { kind: 'electricity', amount: 5, unit: 'litre' },
        ],
      },
      { 'accept-language': 'en' },
    );
    expect(bad.statusCode).toBe(422);
    const error = errorOf(bad);
    expect(error.code).toBe('INVALID_ACTIVITY_DATA');
    const byPath = Object.fromEntries(error.details.map((d) => [d.path, d.message]));
    expect(byPath['body.activities[1].unit']).toMatch(/kWh/);
    expect(Object.keys(byPath)).toEqual(expect.arrayContaining(['body.period', 'body.activities[0].amount']));
    const zh = errorOf(
      await calculate({ period: '2023-01', activities: [{ kind: 'plutonium', amount: 1, unit: 't' }] }),
    );
    expect(zh.details[0]?.path).toBe('body.activities[0].kind');
    expect(zh.details[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('rejects unknown fields, wrong types and empty activity lists by schema', async () => {
    expect(
      (
        await calculate({
          period: '2023-01',
          activities: [{ kind: 'electricity', amount: '5', unit: 'kWh' }],
        })
      ).statusCode,
    ).toBe(422);
    expect(errorOf(await calculate({ period: '2023-01', activities: [], extra: 1 })).code).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      errorOf(
        await calculate({
          period: '2023-01',
          activities: [{ kind: 'electricity', amount: 5, unit: 'kWh' }],
          extra: 1,
        }),
      ).code,
    ).toBe('UNKNOWN_FIELD');
  });

  describe('factor versions', () => {
    const newGrid = {
      id: 'grid-national-2026-test',
      kind: 'electricity_grid',
      region: 'national',
      value: 0.5,
      unit: 'kgCO2/kWh',
      gas: 'CO2',
      basis: 'published',
      source: 'Test announcement of the 2026 national grid factor',
      year: 2026,
      validFrom: '2026-01',
      validTo: '2026-12',
      notes: '',
    };

    it('lists shipped versions with their sources', async () => {
      const items = (await t.app.inject({ url: '/api/v1/carbon/factors?kind=electricity_grid' })).json()
        .items;
      expect(items.map((f: { id: string }) => f.id)).toEqual(
        expect.arrayContaining(['grid-national-2022', 'grid-national-2023', 'grid-east-china-2023']),
      );
      expect(items.every((f: { source: string }) => f.source.length > 10)).toBe(true);
    });

    it('lets a city ecology officer add a version, which new periods use and old results ignore', async () => {
      const before2023 = (
        await calculate({
          period: '2023-06',
          activities: [{ kind: 'electricity', amount: 1000, unit: 'kWh' }],
        })
      ).json();
      const added = await t.app.inject({
        method: 'POST',
        url: '/api/v1/carbon/factors',
        payload: newGrid,
        headers: bearer(await t.login('eco-city')),
      });
      expect(added.statusCode).toBe(201);
      const after2023 = (
        await calculate({
          period: '2023-06',
          activities: [{ kind: 'electricity', amount: 1000, unit: 'kWh' }],
        })
      ).json();
      expect(after2023.totalGrams).toBe(before2023.totalGrams);
      const in2026 = (
        await calculate({
          period: '2026-03',
          activities: [{ kind: 'electricity', amount: 1000, unit: 'kWh' }],
        })
      ).json();
      expect(in2026.lines[0].factor).toMatchObject({ id: 'grid-national-2026-test', fallback: false });
      expect(in2026.totalGrams).toBe(500_000);
      expect(await t.platform.audit.verify()).toMatchObject({ ok: true });
    });

    it('refuses a reused id (409), a county officer (403), an anonymous caller (401) and a bad version (422)', async () => {
      const city = bearer(await t.login('eco-city'));
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/carbon/factors',
            payload: newGrid,
            headers: city,
          })
        ).statusCode,
      ).toBe(409);
      const county = await t.app.inject({
        method: 'POST',
        url: '/api/v1/carbon/factors',
        payload: { ...newGrid, id: 'x-county-1' },
        headers: bearer(await t.login('eco-changshan')),
      });
      expect(county.statusCode).toBe(403);
      // The city's general office has the city as its jurisdiction, but factor versions are the ecology bureau's.
      const office = await t.app.inject({
        method: 'POST',
        url: '/api/v1/carbon/factors',
        payload: { ...newGrid, id: 'x-office-1' },
        headers: bearer(await t.login('office-city')),
      });
      expect(office.statusCode).toBe(403);
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/carbon/factors',
            payload: { ...newGrid, id: 'x-anon-1' },
          })
        ).statusCode,
      ).toBe(401);
      const wrongUnit = await t.app.inject({
        method: 'POST',
        url: '/api/v1/carbon/factors',
        payload: { ...newGrid, id: 'x-lb-1', unit: 'lb/kWh' },
        headers: city,
      });
      expect(wrongUnit.statusCode).toBe(422);
      expect(errorOf(wrongUnit).message).toContain('kgCO2/kWh');
      const negative = await t.app.inject({
        method: 'POST',
        url: '/api/v1/carbon/factors',
        payload: { ...newGrid, id: 'x-neg-1', value: -100 },
        headers: city,
      });
      expect(negative.statusCode).toBe(422);
      const invalid = await t.app.inject({
        method: 'POST',
        url: '/api/v1/carbon/factors',
        payload: { ...newGrid, id: 'x-bad-1', validFrom: '2026-12', validTo: '2026-01' },
        headers: city,
      });
      expect(invalid.statusCode).toBe(422);
    });
  });
});
