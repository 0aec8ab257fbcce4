import type { SeedScale } from '../kernel/module';

/** How big a synthetic city is. */
export interface SeedSizes {
  residents: number;
  enterprises: number;
  /** Family farms per resident of a village (cooperatives bring their own farm bases on top). */
  familyFarmsPerResident: number;
  /** The counties populated; null = all six of Quzhou. */
  countyCodes: readonly string[] | null;
}

/**
 * The three scales of `sanqu seed`.
 * - demo: ≈ 20,000 residents and 500 enterprises over the whole city (every county, township and village).
 * - county: one county's worth, 400,000 residents and 6,000 enterprises, all in 常山县 330822 — what a single
 *   county deployment on one SQLite file holds (the demo officer-changshan sees all of it).
 * - full: Quzhou's 2.57M registered residents [src: DOMAIN.md] and 40,000 enterprises [assume: companies,
 *   individual businesses and farmer cooperatives on the enterprise registry, not all 300k market entities].
 * [assume] 0.35 % of village residents run a family farm (≈ 7,000 city-wide, plus one base per cooperative).
 */
export const SCALE_SIZES: Readonly<Record<SeedScale, SeedSizes>> = {
  demo: { residents: 20_000, enterprises: 500, familyFarmsPerResident: 0.0035, countyCodes: null },
  county: { residents: 400_000, enterprises: 6_000, familyFarmsPerResident: 0.0035, countyCodes: ['330822'] },
  full: { residents: 2_570_000, enterprises: 40_000, familyFarmsPerResident: 0.0035, countyCodes: null },
};

/** The sizes of `scale`, with test overrides (`{ residents: 500, enterprises: 50 }`) applied. */
export function resolveSizes(scale: SeedScale, overrides: Partial<SeedSizes> = {}): SeedSizes {
  const sizes = { ...SCALE_SIZES[scale], ...overrides };
  if (!Number.isSafeInteger(sizes.residents) || sizes.residents < 1) {
    throw new RangeError(`residents must be a positive integer, got ${sizes.residents}`);
  }
  if (!Number.isSafeInteger(sizes.enterprises) || sizes.enterprises < 1) {
    throw new RangeError(`enterprises must be a positive integer, got ${sizes.enterprises}`);
  }
  return sizes;
}
