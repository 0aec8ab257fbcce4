import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../kernel/auth';
import { tablesOf } from '../../kernel/db';
import { openTestDatabase, type TestDatabase, testDialects } from '../../kernel/db/test-databases';
import { AppError } from '../../kernel/errors';
import { type Platform, preparePlatform } from '../../platform';
import type { CarbonTables } from './carbon.tables';
import { TEST_ENTERPRISES as E, insertTestEnterprises } from './industrial-test-support';
import { addMonths, shanghaiMonth } from './periods';

const officer: Actor = {
  id: 'u-officer',
  username: 'officer-330822-economy',
  displayName: 'officer',
  role: 'officer',
  department: 'economy',
  divisionCode: '330822',
  subjectId: null,
};
const agent: Actor = {
  ...officer,
  id: 'u-agent',
  username: 'agent',
  role: 'enterprise_agent',
  department: null,
  subjectId: E.pharma.uscc,
};

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe.each(testDialects)('industrial accounts service on %s', (dialect) => {
  let database: TestDatabase;
  let platform: Platform;
  const industrial = () => platform.carbon.industrial;
  const current = shanghaiMonth(new Date());

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    platform = await preparePlatform(database);
    await insertTestEnterprises(database, Object.values(E));
  }, 60_000);
  afterAll(() => database?.dispose());

  it('reproduces the published fixture: energy 11,659.61 t + process 2,491.14 t = 14,150.75 t', async () => {
    // Same inputs as calculator.test.ts: an invented energy mix whose electricity is solved for 11,659.61 t.
    const coal = 3_000 * 1.900299e6;
    const kWh = Math.round((11_659.61e6 - Math.round(coal) - Math.round(150 * 21.650152e6)) / 536.6);
    const recorded = await industrial().recordActivity(agent, {
      uscc: E.pharma.uscc,
      period: '2020-12',
      activities: [
        { kind: 'raw_coal', amount: 3_000, unit: 't' },
        { kind: 'natural_gas', amount: 150, unit: '10^4Nm3' },
        { kind: 'electricity', amount: kWh, unit: 'kWh' },
        { kind: 'process', amount: 2_491.14, unit: 'tCO2' },
      ],
      valueAdded: 30_000,
    });
    expect(recorded.rows.every((r) => r.counted && r.warning === null)).toBe(true);
    const [month] = await industrial().monthlyResults(E.pharma.uscc, '2020-12', '2020-12');
    expect(month).toMatchObject({
      status: 'provisional',
      totalTonnes: 14_150.75,
      energyTonnes: 11_659.61,
      processTonnes: 2_491.14,
      valueAdded: 30_000,
      intensity: 0.4717,
      level: '低碳',
      label: null,
    });
    expect(month?.factors.find((f) => f.kind === 'electricity')).toMatchObject({
      id: 'grid-national-2022',
      fallback: true,
    });
  });

  it('refuses bad input with 422s that name the problem, and unknown enterprises with 404', async () => {
    const entry = (period: string, kind: string, amount: number, unit: string) =>
      failure(
        industrial().recordActivity(
          agent,
          { uscc: E.pharma.uscc, period, activities: [{ kind, amount, unit }] },
          { language: 'en' },
        ),
      );
    const unit = await entry('2024-01', 'raw_coal', 1, 'kWh');
    expect(unit.status).toBe(422);
    expect(unit.details[0]).toMatchObject({ path: 'body.activities[0].unit' });
    expect(unit.details[0]?.message).toContain('t, kg');
    expect((await entry('2024-01', 'raw_coal', -1, 't')).details[0]?.message).toContain('negative');
    expect((await entry('2024-01', 'raw_coal', Number.NaN, 't')).details[0]?.message).toContain(
      'not a number',
    );
    expect((await entry('2024-01', 'plutonium', 1, 't')).details[0]?.message).toContain(
      'Unknown activity kind',
    );
    expect((await entry(addMonths(current, 1), 'raw_coal', 1, 't')).details[0]?.path).toBe('body.period');
    expect((await entry('2019-12', 'raw_coal', 1, 't')).details[0]?.message).toContain('before 2020-01');
    const twice = await failure(
      industrial().recordActivity(agent, {
        uscc: E.pharma.uscc,
        period: '2024-01',
        activities: [
          { kind: 'diesel', amount: 1, unit: 't' },
          { kind: 'diesel', amount: 2, unit: 't' },
        ],
      }),
    );
    expect(twice.details[0]?.path).toBe('body.activities[1].kind');
    const renewable = await entry('2024-01', 'own_renewable', 10, 'kWh');
    expect(renewable.details[0]?.path).toBe('body.activities');
    const unknown = await failure(
      industrial().recordActivity(agent, { uscc: '91330822MA2XX0019X', period: '2024-01', activities: [] }),
    );
    expect(unknown.status).toBe(404);
    expect((await industrial().listActivity(E.pharma.uscc, '2024-01')).rows).toEqual([]);
  });

  it('replaces a re-entered figure, keeping one row per kind, and audits old and new', async () => {
    const enter = (amount: number) =>
      industrial().recordActivity(officer, {
        uscc: E.pharmaB.uscc,
        period: '2024-02',
        activities: [{ kind: 'electricity', amount, unit: 'kWh' }],
      });
    expect((await enter(1_000)).replaced).toEqual([]);
    expect((await enter(2_000)).replaced).toEqual(['electricity']);
    const { rows } = await industrial().listActivity(E.pharmaB.uscc, '2024-02');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ amount: 2_000, channel: 'entry', enteredBy: 'u-officer' });
    expect(await platform.audit.verify()).toMatchObject({ ok: true });
  });

  it('stores an implausible figure flagged, leaves it out until an officer confirms it', async () => {
    const recorded = await industrial().recordActivity(officer, {
      uscc: E.tiny.uscc,
      period: '2024-03',
      activities: [
        { kind: 'raw_coal', amount: 1_000_000, unit: 't' },
        { kind: 'electricity', amount: 10_000, unit: 'kWh' },
      ],
    });
    expect(recorded.rows[0]).toMatchObject({
      counted: false,
      warning: { plausible: false, basis: 'employees', ceilingTonnes: 50_000 },
    });
    expect(recorded.rows[1]).toMatchObject({ counted: true, warning: null });
    const before = (await industrial().monthlyResults(E.tiny.uscc, '2024-03', '2024-03'))[0];
    expect(before).toMatchObject({ totalTonnes: 5.31, unconfirmedRows: 1 });
    const wrongKind = await failure(
      industrial().confirmActivity(officer, E.tiny.uscc, '2024-03', 'electricity'),
    );
    expect(wrongKind).toMatchObject({ status: 409, code: 'NOTHING_TO_CONFIRM' });
    expect(
      (await failure(industrial().confirmActivity(officer, E.tiny.uscc, '2024-03', 'diesel'))).status,
    ).toBe(404);
    const confirmed = await industrial().confirmActivity(officer, E.tiny.uscc, '2024-03', 'raw_coal');
    expect(confirmed).toMatchObject({ counted: true, confirmedBy: 'u-officer' });
    expect(
      (await failure(industrial().confirmActivity(officer, E.tiny.uscc, '2024-03', 'raw_coal'))).code,
    ).toBe('ALREADY_CONFIRMED');
    const after = (await industrial().monthlyResults(E.tiny.uscc, '2024-03', '2024-03'))[0];
    expect(after?.totalTonnes).toBeCloseTo(1_900_298.85 + 5.306, 1);
    expect(after?.unconfirmedRows).toBe(0);
  });

  it('closes a period: class averages, K, grade, label with explanations, idempotently', async () => {
    const months = ['2025-01', '2025-02', '2025-03', '2025-04'];
    const figures: [keyof typeof E, number, number][] = [
      ['pharma', 400_000, 800],
      ['pharmaB', 300_000, 500],
      ['pharmaC', 150_000, 400],
      ['cement', 2_000_000, 1_200],
    ];
    for (const [index, period] of months.entries())
      for (const [key, kWh, valueAdded] of figures)
        await industrial().recordActivity(officer, {
          uscc: E[key].uscc,
          period,
          // The first enterprise improves month by month; the others stay flat.
          activities: [
            { kind: 'electricity', amount: key === 'pharma' ? kWh * (1 - 0.05 * index) : kWh, unit: 'kWh' },
          ],
          valueAdded,
        });
    for (const period of months.slice(0, 3)) await industrial().closePeriod(period, `run-${period}`);
    const summary = await industrial().closePeriod('2025-04', 'run-a');
    expect(summary).toMatchObject({ period: '2025-04', enterprises: 4, unlabelled: 0, skipped: [] });
    expect(Object.values(summary.labels).reduce((a, b) => a + b, 0)).toBe(4);
    expect(summary.byCounty['330822']?.enterprises).toBe(2);
    expect(summary.byIndustry.C2720?.industryAverage).toBeGreaterThan(0);
    const label = await industrial().labelOf(E.pharma.uscc, '2025-04');
    expect(label.benchmarkClass).toBe('C2720');
    expect(label.k).toBeCloseTo(label.intensity / (label.industryAverage ?? 1), 3);
    expect(label.explanation.dimensions.map((d) => d.dimension)).toEqual([
      'industry_advancement',
      'regional_contribution',
      'historical_decline',
    ]);
    expect(label.explanation.dimensions[2]?.value).toBeGreaterThan(0);
    // Cement is alone in C3011 and in C30: no benchmark, no grade, still a label from the other dimensions.
    const cement = await industrial().labelOf(E.cement.uscc, '2025-04');
    expect(cement).toMatchObject({ benchmarkClass: null, k: null, grade: null });
    const again = await industrial().closePeriod('2025-04', 'run-b');
    expect(again.labels).toEqual(summary.labels);
    expect((await industrial().labelOf(E.pharma.uscc, '2025-04')).closeRunId).toBe('run-b');
    const months4 = await industrial().monthlyResults(E.pharma.uscc, '2025-01', '2025-04');
    expect(months4.map((m) => m.status)).toEqual(['closed', 'closed', 'closed', 'closed']);
    expect(months4[3]).toMatchObject({ grade: label.grade, label: label.label });
    const notClosed = await failure(industrial().labelOf(E.pharma.uscc, '2025-05'));
    expect(notClosed).toMatchObject({ status: 404, code: 'PERIOD_NOT_CLOSED' });

    // The same figures re-closed replace nothing worth keeping; corrected figures keep what they replaced.
    const replacedRows = () =>
      tablesOf<CarbonTables>(platform.database.db)
        .selectFrom('carbon_enterprise_results_replaced')
        .selectAll()
        .where('period', '=', '2025-04')
        .execute();
    expect(await replacedRows()).toEqual([]);
    const before = await industrial().labelOf(E.pharmaB.uscc, '2025-04');
    await industrial().recordActivity(officer, {
      uscc: E.pharmaB.uscc,
      period: '2025-04',
      activities: [{ kind: 'electricity', amount: 900_000, unit: 'kWh' }],
      valueAdded: 500,
    });
    await industrial().closePeriod('2025-04', 'run-c');
    const kept = (await replacedRows()).find((r) => r.uscc === E.pharmaB.uscc);
    expect(kept).toMatchObject({
      label: before.label,
      grade: before.grade,
      close_run_id: 'run-b',
      replaced_by_run_id: 'run-c',
    });
    expect(kept?.intensity).toBeCloseTo(before.intensity, 6);
    expect((await industrial().labelOf(E.pharmaB.uscc, '2025-04')).intensity).toBeGreaterThan(
      before.intensity,
    );
    // Put the figures back for the tests that follow.
    await industrial().recordActivity(officer, {
      uscc: E.pharmaB.uscc,
      period: '2025-04',
      activities: [{ kind: 'electricity', amount: 300_000, unit: 'kWh' }],
      valueAdded: 500,
    });
    await industrial().closePeriod('2025-04', 'run-d');
  });

  it('sums a year from its months', async () => {
    const year = await industrial().annualResult(E.pharmaB.uscc, 2025);
    expect(year).toMatchObject({
      closedMonths: 4,
      provisionalMonths: 0,
      valueAdded: 2_000,
      benchmarkClass: 'C2720',
    });
    expect(year.totalTonnes).toBeCloseTo((4 * 300_000 * 0.5306) / 1000, 1);
    expect(year.intensity).toBeCloseTo(year.totalTonnes / 2_000, 3);
    expect(year.grade).not.toBeNull();
    expect((await failure(industrial().monthlyResults(E.pharma.uscc, '2025-05', '2025-01'))).status).toBe(
      422,
    );
  });
});
