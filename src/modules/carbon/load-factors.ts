import { readFileSync } from 'node:fs';
import { dataPath } from '../../kernel/paths';
import { type FactorLibrary, parseFactorCsv } from './factors';
import { type LabelThresholds, parseLabelThresholds } from './four-colour';

/** data/carbon/emission-factors.csv: the shipped factor versions (officer-added versions live in the database). */
export const FACTOR_FILE = dataPath('carbon', 'emission-factors.csv');
/** data/carbon/label-thresholds.json: the four-colour and farm-label cut-offs (assumptions, versioned). */
export const THRESHOLDS_FILE = dataPath('carbon', 'label-thresholds.json');

const libraries = new Map<string, FactorLibrary>();
const thresholds = new Map<string, LabelThresholds>();

/** Reads and checks the factor CSV once per path; the only file I/O of the calculation core. */
export function loadFactorLibrary(file: string = FACTOR_FILE): FactorLibrary {
  const cached = libraries.get(file);
  if (cached) return cached;
  const library = parseFactorCsv(readFileSync(file, 'utf8'), file.split('/').at(-1));
  libraries.set(file, library);
  return library;
}

/** Reads and checks the label thresholds once per path. */
export function loadLabelThresholds(file: string = THRESHOLDS_FILE): LabelThresholds {
  const cached = thresholds.get(file);
  if (cached) return cached;
  const parsed = parseLabelThresholds(JSON.parse(readFileSync(file, 'utf8')));
  thresholds.set(file, parsed);
  return parsed;
}

/** Forgets loaded data, for tests and after the data folder changed. */
export function clearCarbonDataCache(): void {
  libraries.clear();
  thresholds.clear();
}
