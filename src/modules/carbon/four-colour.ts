import { type FarmNeutralityBands, parseFarmNeutrality } from './agriculture';
import { carbonGrade } from './carbon-efficiency';

/** 三维四色 — Quzhou's enterprise label, best first. */
export const FOUR_COLOUR_LABELS = ['深绿', '浅绿', '黄', '红'] as const;
export type FourColourLabel = (typeof FOUR_COLOUR_LABELS)[number];

/** 行业先进性, 区域贡献度, 历史下降. */
export const LABEL_DIMENSIONS = [
  'industry_advancement',
  'regional_contribution',
  'historical_decline',
] as const;
export type LabelDimension = (typeof LABEL_DIMENSIONS)[number];

export interface ScoreBand {
  /** Inclusive bound (≤ when lower is better, ≥ when higher is better); null = everything else. */
  bound: number | null;
  score: number;
}

export interface DimensionThresholds {
  metric: string;
  direction: 'lower_is_better' | 'higher_is_better';
  weight: number;
  bands: ScoreBand[];
}

/** The versioned cut-offs (data/carbon/label-thresholds.json); the city has not published official ones. */
export interface LabelThresholds {
  version: string;
  basis: 'assumption' | 'published';
  description: string;
  neutralScore: number;
  dimensions: Record<LabelDimension, DimensionThresholds>;
  combination: {
    rule: 'weighted_mean_with_cap';
    labels: { label: FourColourLabel; minScore: number | null }[];
    capLabel: FourColourLabel;
    capWhenAnyScoreAtMost: number;
  };
  farmNeutrality: FarmNeutralityBands;
}

const fail = (reason: string): never => {
  throw new Error(`label thresholds: ${reason}`);
};

function checkBands(name: string, dimension: DimensionThresholds) {
  const { bands, direction } = dimension;
  if (bands.length === 0 || bands.at(-1)?.bound !== null)
    fail(`${name} must end with a catch-all band (bound null)`);
  for (let i = 1; i < bands.length; i++) {
    const [previous, current] = [bands[i - 1] as ScoreBand, bands[i] as ScoreBand];
    // Ordered bounds and non-increasing scores are what make the label monotonic in each dimension.
    if (previous.bound === null) fail(`${name}: only the last band may have bound null`);
    const ordered =
      current.bound === null ||
      (direction === 'lower_is_better'
        ? current.bound > (previous.bound as number)
        : current.bound < (previous.bound as number));
    if (!ordered) fail(`${name}: bounds must run from best to worst`);
    if (current.score > previous.score) fail(`${name}: scores must not rise from best band to worst`);
  }
}

/** Checks parsed JSON against the shape and the rules that keep labels monotonic; throws naming the problem. */
export function parseLabelThresholds(json: unknown): LabelThresholds {
  const t = json as LabelThresholds;
  if (typeof t?.version !== 'string' || t.version === '') fail('version is missing');
  if (t.basis !== 'assumption' && t.basis !== 'published') fail('basis must be "assumption" or "published"');
  if (typeof t.neutralScore !== 'number') fail('neutralScore is missing');
  let weights = 0;
  for (const name of LABEL_DIMENSIONS) {
    const dimension = t.dimensions?.[name];
    if (!dimension || !Array.isArray(dimension.bands)) fail(`dimension ${name} is missing`);
    if (!['lower_is_better', 'higher_is_better'].includes(dimension.direction))
      fail(`${name}: bad direction`);
    if (!(dimension.weight > 0)) fail(`${name}: weight must be positive`);
    checkBands(name, dimension);
    weights += dimension.weight;
  }
  if (Math.abs(weights - 1) > 1e-9) fail(`weights add up to ${weights}, not 1`);
  const labels = t.combination?.labels ?? [];
  if (labels.map((l) => l.label).join() !== FOUR_COLOUR_LABELS.join())
    fail('labels must be 深绿, 浅绿, 黄, 红 in order');
  labels.forEach((l, i) => {
    const last = i === labels.length - 1;
    if (last !== (l.minScore === null)) fail('only the last label (红) has minScore null');
    const next = labels[i + 1]?.minScore;
    if (typeof next === 'number' && !((l.minScore as number) > next))
      fail('minScore must fall from 深绿 to 黄');
  });
  if (!FOUR_COLOUR_LABELS.includes(t.combination.capLabel)) fail('capLabel is not a label');
  parseFarmNeutrality(t.farmNeutrality);
  return t;
}

/** The score a dimension value earns. */
export function dimensionScore(value: number, dimension: DimensionThresholds): number {
  for (const band of dimension.bands) {
    if (band.bound === null) return band.score;
    if (dimension.direction === 'lower_is_better' ? value <= band.bound : value >= band.bound)
      return band.score;
  }
  return dimension.bands.at(-1)?.score ?? 0;
}

export const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export interface RegionalFigures {
  emissionsTonnes: number;
  /** 万元 */
  valueAdded: number;
  countyEmissionsTonnes: number;
  countyValueAdded: number;
}

/** R = share of county emissions / share of county value-added; null when a share is undefined. */
export function regionalRatio(r: RegionalFigures | null): number | null {
  if (!r || !(r.countyEmissionsTonnes > 0) || !(r.countyValueAdded > 0) || !(r.valueAdded > 0)) return null;
  return round4(r.emissionsTonnes / r.countyEmissionsTonnes / (r.valueAdded / r.countyValueAdded));
}

/**
 * D = (previous L − this L) / previous L; null without a positive previous L. The industrial close passes the
 * value-added-weighted L of the enterprise's previous twelve closed months (industrial-close.ts).
 */
export function historicalDecline(intensity: number, previousIntensity: number | null): number | null {
  if (previousIntensity === null || !(previousIntensity > 0)) return null;
  return round4((previousIntensity - intensity) / previousIntensity);
}

/** K = L / industry average, the same rounded K the 碳效码 grade uses; null without an average. */
export const industryRatio = (intensity: number, industryAverage: number | null): number | null =>
  carbonGrade(intensity, industryAverage).ratio;

export interface LabelInput {
  /** This year's L, t CO2 per 万元. */
  intensity: number;
  industryAverage: number | null;
  previousIntensity: number | null;
  regional: RegionalFigures | null;
}

export interface Bilingual {
  zh: string;
  en: string;
}

export interface DimensionResult {
  dimension: LabelDimension;
  /** K, R or D; null when the data is missing and the dimension scored neutral. */
  value: number | null;
  score: number;
  explanation: Bilingual;
}

export interface LabelResult {
  label: FourColourLabel;
  score: number;
  thresholdsVersion: string;
  dimensions: DimensionResult[];
  explanation: Bilingual;
}

const fixed = (x: number, digits = 2) => x.toFixed(digits);
const percent = (x: number) => `${fixed(Math.abs(x) * 100, 1)}%`;
const NAMES: Record<LabelDimension, Bilingual> = {
  industry_advancement: { zh: '行业先进性', en: 'Industry advancement' },
  regional_contribution: { zh: '区域贡献度', en: 'Regional contribution' },
  historical_decline: { zh: '历史下降', en: 'Historical decline' },
};

function explain(
  dimension: LabelDimension,
  value: number | null,
  score: number,
  input: LabelInput,
): Bilingual {
  const { zh, en } = NAMES[dimension];
  if (value === null) {
    const missing = {
      industry_advancement: {
        zh: '缺少同期行业平均碳排放强度',
        en: 'no industry-average intensity for the period',
      },
      regional_contribution: {
        zh: '缺少所在县（市、区）排放与增加值合计',
        en: 'no county totals of emissions and value-added',
      },
      historical_decline: {
        zh: '缺少前 12 个月的碳排放强度（至少需 3 个已结算月份）',
        en: 'no intensity for the previous twelve months (needs at least 3 closed months)',
      },
    }[dimension];
    return {
      zh: `${zh}：${missing.zh}，按中性 ${score} 分计`,
      en: `${en}: ${missing.en}; scored neutral (${score})`,
    };
  }
  if (dimension === 'industry_advancement') {
    const l = `L=${fixed(input.intensity, 4)}，行业平均 ${fixed(input.industryAverage ?? 0, 4)} t/万元`;
    const side =
      value < 1
        ? `优于行业平均 ${percent(1 - value)}`
        : value > 1
          ? `劣于行业平均 ${percent(value - 1)}`
          : '与行业平均持平';
    const sideEn =
      value < 1
        ? `${percent(1 - value)} better than`
        : value > 1
          ? `${percent(value - 1)} worse than`
          : 'level with';
    return {
      zh: `${zh}：碳效比 K=${fixed(value)}（${l}），${side}，得 ${score} 分`,
      en: `${en}: K = ${fixed(value)} (L ${fixed(input.intensity, 4)} vs industry average ${fixed(input.industryAverage ?? 0, 4)} t/万元), ${sideEn} the industry average; score ${score}`,
    };
  }
  if (dimension === 'regional_contribution') {
    const r = input.regional as RegionalFigures;
    const emissionShare = percent(r.emissionsTonnes / r.countyEmissionsTonnes);
    const valueShare = percent(r.valueAdded / r.countyValueAdded);
    return {
      zh: `${zh}：排放占全县 ${emissionShare}，增加值占全县 ${valueShare}，贡献比 R=${fixed(value)}（小于 1 表示以较少排放贡献了较多增加值），得 ${score} 分`,
      en: `${en}: ${emissionShare} of the county's emissions for ${valueShare} of its value-added, R = ${fixed(value)} (below 1 means more value per tonne than the county); score ${score}`,
    };
  }
  const from = fixed(input.previousIntensity ?? 0, 4);
  const to = fixed(input.intensity, 4);
  const moved = value >= 0 ? `下降 ${percent(value)}` : `上升 ${percent(value)}`;
  const movedEn = value >= 0 ? `down ${percent(value)}` : `up ${percent(value)}`;
  return {
    zh: `${zh}：碳排放强度由前 12 个月的 ${from} 变为 ${to} t/万元，${moved}，得 ${score} 分`,
    en: `${en}: intensity went from ${from} (previous twelve months) to ${to} t/万元, ${movedEn}; score ${score}`,
  };
}

/**
 * The four-colour label with a readable sentence per dimension and for the whole. A dimension without data
 * scores neutral and says so; the thresholds version is recorded so a label can be recomputed later.
 * @example labelEnterprise({ intensity: 0.36, industryAverage: 0.5, previousIntensity: 0.4, regional: null }, thresholds)
 */
export function labelEnterprise(input: LabelInput, thresholds: LabelThresholds): LabelResult {
  const values: Record<LabelDimension, number | null> = {
    industry_advancement: industryRatio(input.intensity, input.industryAverage),
    regional_contribution: regionalRatio(input.regional),
    historical_decline: historicalDecline(input.intensity, input.previousIntensity),
  };
  const dimensions = LABEL_DIMENSIONS.map((dimension): DimensionResult => {
    const value = values[dimension];
    const score =
      value === null ? thresholds.neutralScore : dimensionScore(value, thresholds.dimensions[dimension]);
    return { dimension, value, score, explanation: explain(dimension, value, score, input) };
  });
  const score = round4(
    dimensions.reduce((sum, d) => sum + d.score * thresholds.dimensions[d.dimension].weight, 0),
  );
  const { labels, capLabel, capWhenAnyScoreAtMost } = thresholds.combination;
  let label =
    (labels.find((l) => l.minScore === null || score >= l.minScore) ?? labels.at(-1))?.label ?? '红';
  const capping = dimensions.find((d) => d.value !== null && d.score <= capWhenAnyScoreAtMost);
  const capped =
    capping !== undefined && FOUR_COLOUR_LABELS.indexOf(label) < FOUR_COLOUR_LABELS.indexOf(capLabel);
  if (capped) label = capLabel;
  const terms = dimensions.map((d) => ({
    zh: `${NAMES[d.dimension].zh} ${d.score}×${thresholds.dimensions[d.dimension].weight}`,
    en: `${NAMES[d.dimension].en.toLowerCase()} ${d.score}×${thresholds.dimensions[d.dimension].weight}`,
  }));
  const capZh = capped
    ? `（因${NAMES[capping.dimension].zh}得 ${capping.score} 分，最高评为${capLabel}）`
    : '';
  const capEn = capped
    ? `; capped at ${capLabel} because ${NAMES[capping.dimension].en.toLowerCase()} scored ${capping.score}`
    : '';
  return {
    label,
    score,
    thresholdsVersion: thresholds.version,
    dimensions,
    explanation: {
      zh: `综合得分 ${score} = ${terms.map((t) => t.zh).join(' + ')}，评为${label}${capZh}（阈值版本 ${thresholds.version}，${thresholds.basis === 'assumption' ? '暂定阈值' : '官方阈值'}）`,
      en: `Overall score ${score} = ${terms.map((t) => t.en).join(' + ')}, labelled ${label}${capEn} (thresholds ${thresholds.version}, ${thresholds.basis})`,
    },
  };
}
