import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { dataPath } from '../../kernel/paths';
import { type BehaviourCatalogue, CarbonDataError, parseBehaviourCatalogue } from './behaviours';
import { type PointsConfig, parsePointsConfig } from './points';
import { parseRewardCatalogue, type RewardCatalogue } from './rewards';

export const BEHAVIOURS_FILE = dataPath('carbon', 'behaviours.csv');
export const POINTS_FILE = dataPath('carbon', 'points.json');
export const REWARDS_FILE = dataPath('carbon', 'rewards.csv');

// One cache per kind, keyed by path: the files are read once per process, at first use.
const behaviours = new Map<string, BehaviourCatalogue>();
const points = new Map<string, PointsConfig>();
const rewards = new Map<string, RewardCatalogue>();

function cached<Value>(cache: Map<string, Value>, path: string, parse: (text: string) => Value): Value {
  const hit = cache.get(path);
  if (hit) return hit;
  const value = parse(readFileSync(path, 'utf8'));
  cache.set(path, value);
  return value;
}

/** The green-behaviour catalogue (data/carbon/behaviours.csv unless told otherwise). */
export function loadBehaviourCatalogue(path: string = BEHAVIOURS_FILE): BehaviourCatalogue {
  return cached(behaviours, path, (text) => parseBehaviourCatalogue(text, basename(path)));
}

/** The points rules; refuses a file whose expiry passes 120 months or that makes points transferable or cash. */
export function loadPointsConfig(path: string = POINTS_FILE): PointsConfig {
  return cached(points, path, (text) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new CarbonDataError(
        basename(path),
        1,
        `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return parsePointsConfig(json, basename(path));
  });
}

/** The rewards catalogue with its initial stock (demo data in the shipped file). */
export function loadRewardCatalogue(path: string = REWARDS_FILE): RewardCatalogue {
  return cached(rewards, path, (text) => parseRewardCatalogue(text, basename(path)));
}

/** Forgets loaded files, for tests and for a long-running process after the data folder changed. */
export function clearCarbonCatalogueCache(): void {
  behaviours.clear();
  points.clear();
  rewards.clear();
}
