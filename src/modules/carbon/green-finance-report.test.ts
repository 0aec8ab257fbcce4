import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FOUR_COLOUR_LABELS } from './four-colour';
import {
  BANKS_FILE,
  LOAN_SPREADS_FILE,
  loadBanks,
  loadLoanSpreads,
  parseBanks,
  parseLoanSpreads,
  suggestedRate,
} from './green-finance-config';
import { enterpriseMonth, TEST_SPREADS } from './green-finance-fixtures';
import { renderCreditReportHtml } from './green-finance-print';
import { buildCreditReport } from './green-finance-report';
import { addMonths } from './periods';

const USCC = '91330822MA2A0B1C2D';
const enterprise = {
  uscc: USCC,
  name: '常山示范化工有限公司',
  industryCode: 'C2614',
  industryName: '有机化学原料制造',
  countyCode: '330822',
};
const generatedAt = new Date('2026-05-10T02:00:00.000Z');
const build = (months: Parameters<typeof buildCreditReport>[0]['months']) =>
  buildCreditReport({ enterprise, months, generatedAt, spreads: TEST_SPREADS });
const year = (to: string, count = 12) =>
  Array.from({ length: count }, (_, i) => enterpriseMonth(USCC, addMonths(to, i - count + 1)));

describe('buildCreditReport', () => {
  it('covers the twelve months up to the last closed month, with its grade, label and rate', () => {
    const months = [...year('2026-03', 14), enterpriseMonth(USCC, '2026-04', { status: 'provisional' })];
    const report = build(months);
    expect(report.window).toEqual({ from: '2025-04', to: '2026-03' });
    expect(report.months.map((m) => m.period)).toEqual(year('2026-03').map((m) => m.period));
    expect(report.missingPeriods).toEqual([]);
    expect(report.summary).toEqual({
      totalTonnes: 12000,
      valueAdded: 24000,
      intensity: 0.5,
      level: '低碳',
      intensityChange: 0,
      trend: 'flat',
      unconfirmedRows: 0,
      unconfirmedPeriods: [],
    });
    expect(report.efficiency).toEqual({
      period: '2026-03',
      level: '低碳',
      grade: 2,
      k: 0.72,
      industryAverage: 0.6944,
    });
    expect(report.label).toMatchObject({ period: '2026-03', label: '浅绿' });
    expect(report.label?.explanation?.dimensions).toHaveLength(3);
    expect(report.suggestedRate).toMatchObject({
      lprBasisPoints: 300,
      spreadBasisPoints: -30,
      rateBasisPoints: 270,
      ratePercent: '2.70%',
      spreadBasis: 'assumption',
    });
    expect(report.factors).toEqual([expect.objectContaining({ id: 'grid-national-2023' })]);
    expect(report.generatedAt).toBe(generatedAt.toISOString());
  });

  it('lists gaps, keeps provisional months inside the window, and takes the label of the last closed month', () => {
    const months = [
      enterpriseMonth(USCC, '2025-06', { intensity: 0.8, totalTonnes: 1600 }),
      enterpriseMonth(USCC, '2025-09', { status: 'provisional', intensity: null, valueAdded: null }),
      enterpriseMonth(USCC, '2026-02', { intensity: 0.6, totalTonnes: 1200, label: '黄', grade: 3 }),
    ];
    const report = build(months);
    expect(report.window).toEqual({ from: '2025-03', to: '2026-02' });
    expect(report.months.map((m) => [m.period, m.status])).toEqual([
      ['2025-06', 'closed'],
      ['2025-09', 'provisional'],
      ['2026-02', 'closed'],
    ]);
    expect(report.missingPeriods).toHaveLength(9);
    expect(report.summary).toMatchObject({ totalTonnes: 3800, intensityChange: -0.25, trend: 'falling' });
    expect(report.summary.intensity).toBe(Math.round((2800 / 4000) * 10_000) / 10_000);
    expect(report.label?.label).toBe('黄');
    expect(report.suggestedRate?.ratePercent).toBe('3.00%');
  });

  it('says so before the first close: no window, no label, no rate', () => {
    const report = build([enterpriseMonth(USCC, '2026-04', { status: 'provisional' })]);
    expect(report).toMatchObject({
      window: null,
      months: [],
      efficiency: null,
      label: null,
      suggestedRate: null,
    });
    expect(report.summary).toMatchObject({ totalTonnes: 0, intensity: null, trend: null });
  });

  it('takes grade, label and rate from the last closed month without unconfirmed rows, and counts them', () => {
    const flagged = { k: null, grade: null, label: null, explanation: null, intensity: 0.1 } as const;
    const months = [
      ...year('2025-12', 10),
      enterpriseMonth(USCC, '2026-01', { label: '黄', grade: 3, k: 1.1 }),
      enterpriseMonth(USCC, '2026-02', { ...flagged, unconfirmedRows: 2 }),
      // Closed before the rule: a label on a month with unconfirmed rows is not priced on either.
      enterpriseMonth(USCC, '2026-03', { label: '深绿', grade: 1, intensity: 0.1, unconfirmedRows: 1 }),
    ];
    const report = build(months);
    expect(report.window).toEqual({ from: '2025-04', to: '2026-03' });
    expect(report.efficiency).toMatchObject({ period: '2026-01', grade: 3, k: 1.1 });
    expect(report.label).toMatchObject({ period: '2026-01', label: '黄' });
    expect(report.suggestedRate?.ratePercent).toBe('3.00%');
    expect(report.months.map((m) => m.unconfirmedRows).slice(-3)).toEqual([0, 2, 1]);
    expect(report.summary).toMatchObject({
      unconfirmedRows: 3,
      unconfirmedPeriods: ['2026-02', '2026-03'],
      trend: 'flat',
    });
    const html = renderCreditReportHtml(report, { organisation: null, requestId: 'r' });
    expect(html).toContain('待确认月份：2026-02、2026-03');
    expect(html).toContain('已结算（2 条待确认）');
    expect(html).toContain('已结算月份 2026-01');
    expect(html).toContain('3.00%');
    expect(html).not.toContain('2.40%');
  });

  it('gives no grade, label or rate when every closed month has unconfirmed rows', () => {
    const report = build([enterpriseMonth(USCC, '2026-03', { unconfirmedRows: 1 })]);
    expect(report).toMatchObject({ efficiency: null, label: null, suggestedRate: null });
    expect(report.summary.unconfirmedRows).toBe(1);
    const html = renderCreditReportHtml(report, { organisation: null, requestId: 'r' });
    expect(html).toContain('建议利率：暂无');
    expect(html).toContain('故暂不给出碳效、标签与建议利率');
  });

  it('a closed month without a label gives no suggested rate', () => {
    const report = build([enterpriseMonth(USCC, '2026-03', { label: null, explanation: null })]);
    expect(report.label).toBeNull();
    expect(report.suggestedRate).toBeNull();
  });

  it('lists each factor version once, in first-use order', () => {
    const coal = {
      id: 'fuel-raw-coal-ncv-v1',
      kind: 'raw_coal',
      value: 20.908,
      unit: 'GJ/t',
      source: 'MEE',
      year: 2022,
      fallback: false,
    };
    const [first, second] = [enterpriseMonth(USCC, '2026-02'), enterpriseMonth(USCC, '2026-03')];
    const report = build([first, { ...second, factors: [coal, ...second.factors] }]);
    expect(report.factors.map((f) => f.id)).toEqual(['grid-national-2023', 'fuel-raw-coal-ncv-v1']);
  });

  it('never reaches past twelve months nor past the last closed month, whatever the months given', () => {
    const period = fc.integer({ min: 0, max: 47 }).map((i) => addMonths('2023-01', i));
    const month = fc.record({ period, closed: fc.boolean() });
    fc.assert(
      fc.property(fc.uniqueArray(month, { selector: (m) => m.period, maxLength: 30 }), (specs) => {
        const months = specs.map((s) =>
          enterpriseMonth(USCC, s.period, { status: s.closed ? 'closed' : 'provisional' }),
        );
        const report = build(months);
        const lastClosed = specs
          .filter((s) => s.closed)
          .map((s) => s.period)
          .sort()
          .at(-1);
        if (!lastClosed) {
          expect(report.window).toBeNull();
          return;
        }
        expect(report.window?.to).toBe(lastClosed);
        expect(report.months.length + report.missingPeriods.length).toBe(12);
        for (const m of report.months)
          expect(m.period > addMonths(lastClosed, -12) && m.period <= lastClosed).toBe(true);
      }),
    );
  });
});

describe('suggested rate and the shipped tables', () => {
  it('is LPR plus the label’s spread for every label', () => {
    for (const label of FOUR_COLOUR_LABELS) {
      const rate = suggestedRate(label, TEST_SPREADS);
      expect(rate?.rateBasisPoints).toBe(300 + TEST_SPREADS.spreads.byLabel[label]);
      expect(rate?.ratePercent).toBe(`${((300 + TEST_SPREADS.spreads.byLabel[label]) / 100).toFixed(2)}%`);
    }
    expect(suggestedRate(null, TEST_SPREADS)).toBeNull();
  });

  it('a better label never costs more', () => {
    const table = loadLoanSpreads();
    const rates = FOUR_COLOUR_LABELS.map((l) => suggestedRate(l, table)?.rateBasisPoints ?? 0);
    expect([...rates].sort((a, b) => a - b)).toEqual(rates);
  });

  it('loads the shipped files: three demo banks, one for the demo login; spreads labelled as assumptions', () => {
    expect(loadBanks()).toHaveLength(3);
    expect(loadBanks().filter((b) => b.demoLogin)).toHaveLength(1);
    expect(loadLoanSpreads().spreads.basis).toBe('assumption');
    expect(JSON.parse(readFileSync(BANKS_FILE, 'utf8')).basis).toBe('demo');
    expect(LOAN_SPREADS_FILE).toMatch(/data\/carbon\/loan-spreads\.json$/);
  });

  it('refuses broken tables, naming the problem', () => {
    const bank = { uscc: '91330800DEMBANK19H', nameZh: '甲', nameEn: 'A', demoLogin: true };
    expect(() => parseBanks({ banks: [] })).toThrow(/non-empty/);
    expect(() => parseBanks({ banks: [{ ...bank, uscc: '91330800DEMBANK19X' }] })).toThrow(/valid/);
    expect(() => parseBanks({ banks: [bank, bank] })).toThrow(/twice/);
    expect(() => parseBanks({ banks: [{ ...bank, demoLogin: false }] })).toThrow(/demoLogin/);
    expect(() =>
      parseLoanSpreads({ ...TEST_SPREADS, lpr: { ...TEST_SPREADS.lpr, basisPoints: 3.1 } }),
    ).toThrow(/basisPoints/);
    expect(() =>
      parseLoanSpreads({
        ...TEST_SPREADS,
        spreads: { ...TEST_SPREADS.spreads, byLabel: { 深绿: -60, 浅绿: -30, 黄: 0 } },
      }),
    ).toThrow(/红/);
    expect(() =>
      parseLoanSpreads({
        ...TEST_SPREADS,
        spreads: { ...TEST_SPREADS.spreads, byLabel: { ...TEST_SPREADS.spreads.byLabel, 深绿: -300 } },
      }),
    ).toThrow(/positive/);
  });
});

describe('renderCreditReportHtml', () => {
  it('is a self-contained A4 page in Chinese with the figures, label, rate and provenance', () => {
    const html = renderCreditReportHtml(build(year('2026-03')), {
      organisation: '衢州合作银行（演示）',
      requestId: 'req-1',
    });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('企业碳征信报告');
    expect(html).toContain(enterprise.name);
    expect(html).toContain('2025-04 至 2026-03');
    expect(html).toContain('浅绿');
    expect(html).toContain('2.70%');
    expect(html).toContain('grid-national-2023');
    expect(html).toContain('衢州合作银行（演示）');
    expect(html).not.toContain('<script');
    expect((html.match(/<tr><td>20/g) ?? []).length).toBe(12);
  });

  it('escapes text that came from data', () => {
    const report = build(year('2026-03'));
    const html = renderCreditReportHtml(
      { ...report, enterprise: { ...enterprise, name: '<script>alert(1)</script>&' } },
      { organisation: null, requestId: '"x"' },
    );
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;');
    expect(html).toContain('&quot;x&quot;');
  });

  it('prints an empty report before the first close', () => {
    const html = renderCreditReportHtml(build([]), { organisation: null, requestId: 'r' });
    expect(html).toContain('尚无已结算月份');
    expect(html).toContain('建议利率：暂无');
  });
});
