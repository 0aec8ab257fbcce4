import { readdirSync, readFileSync } from 'node:fs';
import { dataPath } from '../../kernel/paths';
import { DIMENSIONS, type Dimension, type RecordType } from './record-types';

/** How a record's weight changes with age: `linear` fades to zero at its expiry, `none` counts fully until then. */
export const DECAYS = ['linear', 'none'] as const;
export type Decay = (typeof DECAYS)[number];

export interface DimensionConfig {
  code: Dimension;
  zh: string;
  en: string;
  /** Multiplies the dimension's raw points. */
  weight: number;
  /** The most the dimension can add. */
  cap: number;
  /** The most the dimension can take away (a positive number). */
  floor: number;
}

export interface TierConfig {
  code: string;
  /** Inclusive lower bound. The first tier starts at the model's min. */
  min: number;
  zh: string;
  en: string;
}

/** 信安分评分模型 — one version of the score model. Every figure is configuration; a version is never rewritten. */
export interface ScoreModel {
  version: string;
  publishedOn: string;
  basis: string;
  base: number;
  min: number;
  max: number;
  dimensions: DimensionConfig[];
  types: Record<string, { pointsPerUnit: number; decay: Decay }>;
  tiers: TierConfig[];
}

export interface ModelProblem {
  path: string;
  message: string;
}

export const MODEL_VERSION_PATTERN = '^[0-9]{4}\\.[0-9]{1,3}$';

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Everything wrong with a model against the record-type catalogue, or [] when it can score: every dimension once,
 * every record type priced with the sign of its polarity, tiers ascending from `min`, base inside the range.
 */
export function modelProblems(model: ScoreModel, types: readonly RecordType[]): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  if (!new RegExp(MODEL_VERSION_PATTERN).test(model.version ?? ''))
    problem('/version', 'must look like 2026.1 (year.sequence)');
  if (
    !(finite(model.min) && finite(model.max) && model.min >= 0 && model.max <= 1000 && model.min < model.max)
  )
    problem('/max', 'range must satisfy 0 ≤ min < max ≤ 1000');
  if (!(finite(model.base) && model.base >= model.min && model.base <= model.max))
    problem('/base', 'base must lie within [min, max]');
  const dimensions = Array.isArray(model.dimensions) ? model.dimensions : [];
  for (const code of DIMENSIONS) {
    const matches = dimensions.filter((d) => d.code === code);
    if (matches.length !== 1) problem('/dimensions', `dimension ${code} must appear exactly once`);
  }
  dimensions.forEach((d, i) => {
    if (!DIMENSIONS.includes(d.code)) problem(`/dimensions/${i}/code`, `unknown dimension ${d.code}`);
    if (!(finite(d.weight) && d.weight >= 0 && d.weight <= 10))
      problem(`/dimensions/${i}/weight`, 'must be 0-10');
    if (!(finite(d.cap) && d.cap >= 0 && d.cap <= 1000)) problem(`/dimensions/${i}/cap`, 'must be 0-1000');
    if (!(finite(d.floor) && d.floor >= 0 && d.floor <= 1000))
      problem(`/dimensions/${i}/floor`, 'must be 0-1000');
  });
  for (const type of types) {
    const priced = model.types?.[type.code];
    const path = `/types/${type.code}`;
    if (!priced) {
      problem(path, 'every record type needs points');
      continue;
    }
    if (!finite(priced.pointsPerUnit) || Math.abs(priced.pointsPerUnit) > 1000)
      problem(`${path}/pointsPerUnit`, 'must be a number within ±1000');
    else if (type.polarity === 'positive' ? priced.pointsPerUnit < 0 : priced.pointsPerUnit > 0)
      problem(`${path}/pointsPerUnit`, `a ${type.polarity} record type must have ${type.polarity} points`);
    if (!DECAYS.includes(priced.decay)) problem(`${path}/decay`, `must be one of ${DECAYS.join(', ')}`);
  }
  for (const code of Object.keys(model.types ?? {}))
    if (!types.some((t) => t.code === code)) problem(`/types/${code}`, 'not a known record type');
  const tiers = Array.isArray(model.tiers) ? model.tiers : [];
  if (tiers.length === 0 || tiers[0]?.min !== model.min)
    problem('/tiers', 'the first tier must start at min');
  tiers.forEach((t, i) => {
    if (!/^[a-z][a-z_]*$/.test(t.code ?? '')) problem(`/tiers/${i}/code`, 'must be snake_case');
    if (!t.zh || !t.en) problem(`/tiers/${i}`, 'zh and en names are required');
    if (i > 0 && !(finite(t.min) && t.min > (tiers[i - 1]?.min ?? 0) && t.min <= model.max))
      problem(`/tiers/${i}/min`, 'tiers must ascend within the range');
  });
  if (new Set(tiers.map((t) => t.code)).size !== tiers.length) problem('/tiers', 'tier codes must be unique');
  return problems;
}

/** The models shipped in data/credit/models/, oldest version first. */
export function shippedModels(): ScoreModel[] {
  const directory = dataPath('credit', 'models');
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const { $comment: _, ...model } = JSON.parse(readFileSync(`${directory}/${name}`, 'utf8'));
      return model as ScoreModel;
    })
    .sort((a, b) => compareVersions(a.version, b.version));
}

/** Orders `2026.2` before `2026.10`. */
export function compareVersions(a: string, b: string): number {
  const [ay = 0, as = 0] = a.split('.').map(Number);
  const [by = 0, bs = 0] = b.split('.').map(Number);
  return ay - by || as - bs;
}

/** The tier a score falls in. */
export function tierOf(model: ScoreModel, score: number): TierConfig {
  let found = model.tiers[0]!;
  for (const tier of model.tiers) if (score >= tier.min) found = tier;
  return found;
}

/** The position of a tier code in the model's order (higher is better), or -1. */
export const tierRank = (model: ScoreModel, code: string) => model.tiers.findIndex((t) => t.code === code);
