import type { FarmLabel } from './agriculture';
import type { ExpiryReport } from './expiry-service';
import { emptyFarmLabels, type FarmCloseSummary } from './farm-close';
import type { PersonalCountyTotals } from './personal-results';

/** What the close needs from the industrial close (industrial-service.ts `closePeriod`). */
export interface IndustrialCloseFigures {
  enterprises: number;
  byCounty: Record<string, { enterprises: number; grams: number }>;
  byIndustry: Record<string, { enterprises: number; grams: number; industryAverage?: number | null }>;
  labels: Record<string, number>;
}

export interface CountyEmissions {
  countyCode: string;
  enterprises: number | null;
  enterpriseGrams: number | null;
  farms: number;
  farmEmissionsGrams: number;
  farmSinksGrams: number;
  farmNetGrams: number;
  farmLabels: Record<FarmLabel, number>;
}

/** 月度结算统计 — the city statistics of one close run (or one county's part of them). */
export interface CloseStatistics {
  period: string;
  runId: string;
  /** The county these figures are limited to; null for the whole city. */
  countyCode: string | null;
  /** False when the industrial close was not available to this run: enterprise figures are null. */
  enterprisesClosed: boolean;
  emissionsByCounty: CountyEmissions[];
  /** City-wide only (null in a county's view and without the industrial close). */
  emissionsByIndustry:
    | { industryCode: string; enterprises: number; grams: number; industryAverage: number | null }[]
    | null;
  labels: { enterprises: Record<string, number> | null; farms: Record<FarmLabel, number> };
  personal: {
    residents: number;
    events: number;
    grams: number;
    points: number;
    byCounty: PersonalCountyTotals[];
  };
  farmYear: number;
  /** Points expired by the run (city-wide; null in a county's view). */
  expiry: ExpiryReport | null;
}

const byCode = (a: { countyCode: string }, b: { countyCode: string }) =>
  a.countyCode < b.countyCode ? -1 : a.countyCode > b.countyCode ? 1 : 0;

/** Puts the three parts' figures together: emissions by county and industry, labels, personal totals. */
export function buildCloseStatistics(parts: {
  period: string;
  runId: string;
  personal: PersonalCountyTotals[];
  farms: FarmCloseSummary;
  enterprises: IndustrialCloseFigures | null;
  expiry: ExpiryReport;
}): CloseStatistics {
  const { farms, enterprises } = parts;
  const counties = new Set([
    ...farms.byCounty.map((c) => c.countyCode),
    ...Object.keys(enterprises?.byCounty ?? {}),
  ]);
  const emissionsByCounty = [...counties]
    .map((countyCode) => {
      const farm = farms.byCounty.find((c) => c.countyCode === countyCode);
      const industry = enterprises
        ? (enterprises.byCounty[countyCode] ?? { enterprises: 0, grams: 0 })
        : null;
      return {
        countyCode,
        enterprises: industry?.enterprises ?? null,
        enterpriseGrams: industry?.grams ?? null,
        farms: farm?.farms ?? 0,
        farmEmissionsGrams: farm?.emissionsGrams ?? 0,
        farmSinksGrams: farm?.sinksGrams ?? 0,
        farmNetGrams: farm?.netGrams ?? 0,
        farmLabels: { ...(farm?.labels ?? emptyFarmLabels()) },
      };
    })
    .sort(byCode);
  const sum = (key: 'residents' | 'events' | 'grams' | 'points') =>
    parts.personal.reduce((total, c) => total + c[key], 0);
  return {
    period: parts.period,
    runId: parts.runId,
    countyCode: null,
    enterprisesClosed: enterprises !== null,
    emissionsByCounty,
    emissionsByIndustry: enterprises
      ? Object.entries(enterprises.byIndustry)
          .map(([industryCode, t]) => ({
            industryCode,
            enterprises: t.enterprises,
            grams: t.grams,
            industryAverage: t.industryAverage ?? null,
          }))
          .sort((a, b) => (a.industryCode < b.industryCode ? -1 : 1))
      : null,
    labels: { enterprises: enterprises ? { ...enterprises.labels } : null, farms: { ...farms.labels } },
    personal: {
      residents: sum('residents'),
      events: sum('events'),
      grams: sum('grams'),
      points: sum('points'),
      byCounty: [...parts.personal].sort(byCode),
    },
    farmYear: farms.year,
    expiry: parts.expiry,
  };
}

/**
 * One county's part of the city statistics, for a county officer: its rows only, personal totals recomputed,
 * and the city-wide breakdowns (industries, enterprise labels, expiry) left out because they are not per county.
 * Farm labels become the county's.
 */
export function statisticsForCounty(stats: CloseStatistics, countyCode: string): CloseStatistics {
  const emissionsByCounty = stats.emissionsByCounty.filter((c) => c.countyCode === countyCode);
  const personal = stats.personal.byCounty.filter((c) => c.countyCode === countyCode);
  const sum = (key: 'residents' | 'events' | 'grams' | 'points') =>
    personal.reduce((total, c) => total + c[key], 0);
  return {
    ...stats,
    countyCode,
    emissionsByCounty,
    emissionsByIndustry: null,
    labels: { enterprises: null, farms: emissionsByCounty[0]?.farmLabels ?? emptyFarmLabels() },
    personal: {
      residents: sum('residents'),
      events: sum('events'),
      grams: sum('grams'),
      points: sum('points'),
      byCounty: personal,
    },
    // Expiry is posted city-wide; a county's share is not recorded.
    expiry: null,
  };
}
