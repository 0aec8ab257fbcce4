import type { Division } from '../../kernel/divisions';
import type { SeedScale } from '../../kernel/module';
import { apportion, createRandom } from '../../seed/random';
import { resolveSizes, type SeedSizes } from '../../seed/scales';

/** The part of the division service the plan needs (kept narrow so tests can pass a fake). */
export interface DivisionDirectory {
  get(code: string): Division | null;
  counties(cityCode: string): Division[];
  townships(countyCode: string): Division[];
  villages(townshipCode: string): Division[];
}

export const QUZHOU = '330800';

/** The registry is a snapshot at the end of a year, the way 户籍人口 is reported (年末户籍人口). */
export const SNAPSHOT_DATE = '2025-12-31';
export const SNAPSHOT_TIMESTAMP = '2025-12-31T00:00:00.000Z';

/**
 * [assume] Shares of the registered population by county: rounded 户籍人口 of about 2022 (thousands), to be
 * replaced by the city's statistical yearbook figures.
 */
const COUNTY_WEIGHTS: Readonly<Record<string, number>> = {
  '330802': 457, // 柯城区
  '330803': 400, // 衢江区
  '330822': 340, // 常山县
  '330824': 360, // 开化县
  '330825': 400, // 龙游县
  '330881': 610, // 江山市
};

/** [assume] Relative population of a street (urban), a town (镇) and a township (乡) of the same county. */
const TOWNSHIP_KIND_WEIGHTS: Readonly<Record<string, number>> = { street: 3, town: 1.6, township: 0.8 };

/** Where residents register: a village, or the street itself for urban residents. */
export interface UnitPlan {
  division: Division;
  residents: number;
  isVillage: boolean;
}

export interface TownshipPlan {
  county: Division;
  township: Division;
  /** This township's share of the county's ID sequence numbers (派出所 blocks), per sex and birth date. */
  sequenceBlock: { first: number; size: number };
  units: UnitPlan[];
  /** Every village of the township (each gets a collective, even one with no residents at a tiny scale). */
  villages: Division[];
  residents: number;
}

export interface CountyPlan {
  county: Division;
  residents: number;
  /** All townships of the county, in code order (enterprises may sit in any of them). */
  townships: Division[];
}

/** Everything the generators need to know about the city before drawing a single resident. */
export interface RegistryPlan {
  seed: number;
  scale: SeedScale;
  sizes: SeedSizes;
  asOf: string;
  createdAt: string;
  counties: CountyPlan[];
  townships: TownshipPlan[];
}

// Sequence numbers 001-999 hold 499 per sex per birth date in a county; 000 and 001 are left unused.
const SEQUENCE_SLOTS = 499;

/**
 * Splits the residents over counties, townships and villages (largest remainder, so counts add up exactly).
 * Pure: the same divisions, scale, seed and overrides give the same plan.
 */
export function planRegistry(
  divisions: DivisionDirectory,
  scale: SeedScale,
  seed: number,
  overrides: Partial<SeedSizes> = {},
): RegistryPlan {
  const sizes = resolveSizes(scale, overrides);
  const allCounties = byCode(divisions.counties(QUZHOU));
  const counties = sizes.countyCodes
    ? allCounties.filter((c) => sizes.countyCodes!.includes(c.code))
    : allCounties;
  if (counties.length === 0) throw new RangeError(`no Quzhou county among ${sizes.countyCodes?.join(', ')}`);
  const countyResidents = apportion(
    counties.map((c) => COUNTY_WEIGHTS[c.code] ?? 1),
    sizes.residents,
  );

  const countyPlans: CountyPlan[] = [];
  const townshipPlans: TownshipPlan[] = [];
  counties.forEach((county, countyIndex) => {
    const townships = byCode(divisions.townships(county.code));
    const residents = countyResidents[countyIndex]!;
    countyPlans.push({ county, residents, townships });
    const perTownship = apportion(
      townships.map((t) => TOWNSHIP_KIND_WEIGHTS[t.kind] ?? 1),
      residents,
    );
    const blockSize = Math.floor(SEQUENCE_SLOTS / townships.length);
    townships.forEach((township, townshipIndex) => {
      const villages = byCode(divisions.villages(township.code));
      const count = perTownship[townshipIndex]!;
      townshipPlans.push({
        county,
        township,
        sequenceBlock: { first: 1 + townshipIndex * blockSize, size: blockSize },
        units: planUnits(seed, township, villages, count),
        villages,
        residents: count,
      });
    });
  });
  return {
    seed,
    scale,
    sizes,
    asOf: SNAPSHOT_DATE,
    createdAt: SNAPSHOT_TIMESTAMP,
    counties: countyPlans,
    townships: townshipPlans,
  };
}

function planUnits(seed: number, township: Division, villages: Division[], residents: number): UnitPlan[] {
  if (township.kind === 'street' || villages.length === 0) {
    return [{ division: township, residents, isVillage: false }];
  }
  // [assume] villages of one township differ in size by up to ±40 % around the township's mean.
  const random = createRandom(seed, `villages:${township.code}`);
  const counts = apportion(
    villages.map(() => 0.6 + 0.8 * random.next()),
    residents,
  );
  return villages.map((division, i) => ({ division, residents: counts[i]!, isVillage: true }));
}

function byCode(divisions: readonly Division[]): Division[] {
  return [...divisions].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
