import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMonthEntry, monthFigures } from './industrial';
import { type CloseInput, closeEnterprises } from './industrial-close';
import { loadFactorLibrary, loadLabelThresholds } from './load-factors';
import { addMonths, periodsBetween, shanghaiMonth } from './periods';

const library = loadFactorLibrary();
const period = fc
  .tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);

describe('periods', () => {
  it('adds months across years and back', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-11', 14)).toBe('2027-01');
    fc.assert(
      fc.property(period, fc.integer({ min: -600, max: 600 }), (p, n) => {
        expect(addMonths(addMonths(p, n), -n)).toBe(p);
        expect(periodsBetween(p, addMonths(p, Math.abs(n) % 48))).toHaveLength((Math.abs(n) % 48) + 1);
      }),
    );
  });

  it('takes the month in Asia/Shanghai', () => {
    expect(shanghaiMonth(new Date('2026-10-31T16:00:00Z'))).toBe('2026-11');
    expect(shanghaiMonth(new Date('2026-10-31T15:59:59Z'))).toBe('2026-10');
  });
});

describe('month entry checks', () => {
  const check = (p: string, kinds: [string, number, string][], valueAdded?: number) =>
    checkMonthEntry(
      library,
      {
        period: p,
        activities: kinds.map(([kind, amount, unit]) => ({ kind, amount, unit })),
        ...(valueAdded !== undefined ? { valueAdded } : {}),
      },
      '2026-11',
    ).map((i) => `${i.path}:${i.code}`);

  it.each([
    ['2026-11', [['electricity', 1, 'kWh']], undefined, []],
    ['2026-12', [['electricity', 1, 'kWh']], undefined, ['period:future_period']],
    ['2019-12', [['electricity', 1, 'kWh']], undefined, ['period:period_too_early']],
    ['2026-13', [['electricity', 1, 'kWh']], undefined, ['period:period_format']],
    ['2024-01', [['raw_coal', 1, 'GJ']], undefined, ['activities[0].unit:unknown_unit']],
    ['2024-01', [['raw_coal', -1, 't']], undefined, ['activities[0].amount:amount_negative']],
    ['2024-01', [['coke', 1, 't']], undefined, ['activities[0].kind:unknown_kind']],
    [
      '2024-01',
      [
        ['heat', 1, 'GJ'],
        ['heat', 2, 'GJ'],
      ],
      undefined,
      ['activities[1].kind:duplicate_kind'],
    ],
    [
      '2024-01',
      [
        ['own_renewable', 2, 'kWh'],
        ['electricity', 1, 'kWh'],
      ],
      undefined,
      ['activities:renewable_exceeds_electricity'],
    ],
    ['2024-01', [], 0.001, ['valueAdded:value_added_invalid']],
    ['2024-01', [], 1e9, []],
    ['2024-01', [], 1e9 + 1, ['valueAdded:value_added_too_large']],
  ] as [string, [string, number, string][], number | undefined, string[]][])(
    '%s %j → %j',
    (p, kinds, va, expected) => {
      expect(check(p, kinds, va)).toEqual(expected);
    },
  );
});

describe('month figures', () => {
  it('splits energy and process, and always sums to the total', () => {
    fc.assert(
      fc.property(
        fc.nat(10 ** 7),
        fc.nat(10 ** 4),
        fc.nat(10 ** 5),
        fc.option(fc.integer({ min: 1, max: 10 ** 10 })),
        (kWh, coal, process, fen) => {
          const figures = monthFigures(
            library,
            '2024-06',
            [
              { kind: 'electricity', amount: kWh, unit: 'kWh' },
              { kind: 'raw_coal', amount: coal, unit: 't' },
              { kind: 'process', amount: process, unit: 'tCO2' },
            ],
            fen,
          );
          expect(figures).not.toBeNull();
          if (!figures) return;
          expect(figures.energyGrams + figures.processGrams).toBe(figures.totalGrams);
          expect(figures.processGrams).toBe(process * 1_000_000);
          expect(figures.intensity === null).toBe(fen === null);
        },
      ),
    );
  });

  it('drops own generation rather than failing when counted electricity no longer covers it', () => {
    const figures = monthFigures(
      library,
      '2024-06',
      [{ kind: 'own_renewable', amount: 10, unit: 'kWh' }],
      null,
    );
    expect(figures?.totalGrams).toBe(0);
  });
});

describe('closing enterprises', () => {
  const input = (
    uscc: string,
    industryCode: string,
    countyCode: string,
    grams: number,
    fen: number | null,
  ): CloseInput => ({
    uscc,
    countyCode,
    industryCode,
    figures: {
      totalGrams: grams,
      energyGrams: grams,
      processGrams: 0,
      valueAdded: fen === null ? null : fen / 1e6,
      intensity: fen ? Math.round((grams / fen) * 10_000) / 10_000 : null,
      level: null,
      factors: [],
      gramsByKind: {},
    },
    valueAddedFen: fen,
    previousIntensity: null,
    unconfirmedRows: 0,
  });

  it('benchmarks on the class with 3 peers, else the division, else nothing', () => {
    const { enterprises, summary } = closeEnterprises(
      [
        input('a', 'C2720', '330822', 100e6, 100e6),
        input('b', 'C2720', '330822', 200e6, 100e6),
        input('c', 'C2720', '330802', 300e6, 100e6),
        input('d', 'C2710', '330802', 100e6, 100e6),
        input('e', 'C3011', '330803', 900e6, 100e6),
        input('f', 'C3311', '330803', 10e6, null),
      ],
      loadLabelThresholds(),
    );
    expect(enterprises.map((e) => e.benchmarkClass)).toEqual(['C2720', 'C2720', 'C2720', 'C27', null, null]);
    expect(enterprises[0]).toMatchObject({ industryAverage: 2, k: 0.5, grade: 1 });
    expect(enterprises[3]).toMatchObject({ industryAverage: 1.75 });
    expect(enterprises[5]).toMatchObject({ label: null, explanation: null });
    expect(summary).toMatchObject({ enterprises: 6, unlabelled: 1 });
    expect(summary.byCounty['330803']).toMatchObject({ enterprises: 2, tonnes: 910, valueAdded: 100 });
  });

  it('closes a month with unconfirmed rows without judgement, and keeps it out of averages and county totals', () => {
    const clean = [
      input('a', 'C2720', '330822', 100e6, 100e6),
      input('b', 'C2720', '330822', 200e6, 100e6),
      input('c', 'C2720', '330802', 300e6, 100e6),
    ];
    // Its real figure re-entered as an absurd one and flagged: 1 t counted instead of hundreds.
    const flagged = { ...input('d', 'C2720', '330822', 1e6, 100e6), unconfirmedRows: 1 };
    const alone = closeEnterprises(clean, loadLabelThresholds());
    const { enterprises, summary } = closeEnterprises([...clean, flagged], loadLabelThresholds());
    expect(enterprises[3]).toMatchObject({ k: null, grade: null, label: null, explanation: null });
    expect(enterprises[3]?.input.figures).toMatchObject({ totalGrams: 1e6, intensity: 0.01 });
    expect(enterprises[3]?.industryAverage).toBe(2);
    expect(enterprises.slice(0, 3)).toEqual(alone.enterprises);
    expect(summary.byIndustry.C2720?.industryAverage).toBe(2);
    expect(summary).toMatchObject({ enterprises: 4, unlabelled: 1, awaitingConfirmation: 1 });
    expect(Object.values(summary.labels).reduce((x, y) => x + y, 0)).toBe(3);
  });

  it('labels every enterprise with value added once, and the counts add up', () => {
    const arbitrary = fc.array(
      fc.record({
        industry: fc.constantFrom('C2720', 'C2710', 'C3011', 'C3311'),
        county: fc.constantFrom('330802', '330822'),
        grams: fc.nat(10 ** 12),
        fen: fc.option(fc.integer({ min: 10_000, max: 10 ** 12 })),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arbitrary, (rows) => {
        const inputs = rows.map((r, i) => input(`e${i}`, r.industry, r.county, r.grams, r.fen));
        const { enterprises, summary } = closeEnterprises(inputs, loadLabelThresholds());
        const labelled = Object.values(summary.labels).reduce((a, b) => a + b, 0);
        expect(labelled + summary.unlabelled).toBe(inputs.length);
        expect(enterprises.filter((e) => e.label !== null)).toHaveLength(labelled);
        for (const e of enterprises) if (e.k !== null) expect(e.grade).not.toBeNull();
      }),
    );
  });
});
