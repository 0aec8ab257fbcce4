import type { EnterpriseMonth } from './enterprise-month';
import type { LabelResult } from './four-colour';
import type { LoanSpreads } from './green-finance-config';

/** Test fixtures: enterprise months as the industrial accounts return them, and a rate table. */

export const TEST_SPREADS: LoanSpreads = {
  version: 'test-1',
  lpr: {
    tenor: '1Y',
    basisPoints: 300,
    effectiveFrom: '2025-05-20',
    source: 'PBoC LPR announcement 2025-05-20',
  },
  spreads: { basis: 'assumption', description: 'test', byLabel: { 深绿: -60, 浅绿: -30, 黄: 0, 红: 50 } },
};

export const TEST_EXPLANATION: LabelResult = {
  label: '浅绿',
  score: 2.75,
  thresholdsVersion: '2026.1-assumption',
  dimensions: [
    {
      dimension: 'industry_advancement',
      value: 0.72,
      score: 3,
      explanation: {
        zh: '行业先进性：碳效比 K=0.72，优于行业平均 28.0%，得 3 分',
        en: 'Industry advancement: K = 0.72; score 3',
      },
    },
    {
      dimension: 'regional_contribution',
      value: null,
      score: 2,
      explanation: {
        zh: '区域贡献度：缺少所在县（市、区）排放与增加值合计，按中性 2 分计',
        en: 'Regional contribution: neutral (2)',
      },
    },
    {
      dimension: 'historical_decline',
      value: 0.05,
      score: 3,
      explanation: { zh: '历史下降：下降 5.0%，得 3 分', en: 'Historical decline: down 5.0%; score 3' },
    },
  ],
  explanation: { zh: '综合得分 2.75，评为浅绿', en: 'Overall score 2.75, labelled 浅绿' },
};

/** One month of `uscc`; closed months carry grade 2 and the 浅绿 label unless overridden. */
export function enterpriseMonth(
  uscc: string,
  period: string,
  overrides: Partial<EnterpriseMonth> = {},
): EnterpriseMonth {
  const closed = (overrides.status ?? 'closed') === 'closed';
  return {
    uscc,
    period,
    status: 'closed',
    totalTonnes: 1000,
    energyTonnes: 800,
    processTonnes: 200,
    valueAdded: 2000,
    intensity: 0.5,
    level: '低碳',
    industryAverage: closed ? 0.6944 : null,
    k: closed ? 0.72 : null,
    grade: closed ? 2 : null,
    label: closed ? '浅绿' : null,
    explanation: closed ? TEST_EXPLANATION : null,
    factors: [
      {
        id: 'grid-national-2023',
        kind: 'electricity',
        value: 0.5306,
        unit: 'kgCO2/kWh',
        source: 'MEE & NBS 2023',
        year: 2023,
        fallback: false,
      },
    ],
    unconfirmedRows: 0,
    ...overrides,
  };
}
