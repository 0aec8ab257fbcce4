import { makeResidentId, makeUscc } from '../../kernel/identity';
import { randomName } from '../../seed/names';
import { PopulationPyramid } from '../../seed/population-pyramid';
import { createRandom, type Random, WeightedPicker } from '../../seed/random';
import type { RegistryPlan, TownshipPlan, UnitPlan } from './city-plan';
import type {
  RegistryCollectiveTable,
  RegistryFarmTable,
  RegistryHouseholdTable,
  RegistryResidentTable,
} from './registry.tables';

/** A farm before the loader numbers it. */
export type FarmDraft = Omit<RegistryFarmTable, 'id'>;

/** Everything registered in one township: its residents (household by household, head first) and the rest. */
export interface TownshipPopulation {
  residents: RegistryResidentTable[];
  households: RegistryHouseholdTable[];
  collectives: RegistryCollectiveTable[];
  farms: FarmDraft[];
}

/** [assume] Household sizes 1-5; mean 2.45, near Zhejiang's 2.35 persons per household in the 2020 census. */
const HOUSEHOLD_SIZES = new WeightedPicker<number>([
  [1, 0.25],
  [2, 0.33],
  [3, 0.22],
  [4, 0.12],
  [5, 0.08],
]);
const MAX_HOUSEHOLD = 5;
const ADULT_AGE = 18;
/** [assume] Children under 14 have no mobile number of their own on the register. */
const PHONE_AGE = 14;

/** Mainland mobile number blocks of the three carriers (13x-19x). */
const MOBILE_PREFIXES = (
  '134 135 136 137 138 139 147 150 151 152 157 158 159 172 178 182 183 184 187 188 195 198 ' +
  '130 131 132 145 155 156 166 175 176 185 186 196 133 149 153 173 177 180 181 189 190 191 193 199'
).split(' ');

/** [assume] What family farms mainly produce in each county (its 特色产业: 常山胡柚, 开化龙顶茶, 江山猕猴桃 …). */
const FARM_PRODUCTS: Readonly<Record<string, WeightedPicker<string>>> = {
  '330802': products({ 椪柑: 3, 蔬菜: 3, 水稻: 2, 生猪: 1 }),
  '330803': products({ 椪柑: 2, 水稻: 3, 生猪: 2, 蔬菜: 2, 食用菌: 1 }),
  '330822': products({ 胡柚: 4, 油茶: 3, 水稻: 2, 蔬菜: 1 }),
  '330824': products({ 茶叶: 4, 中药材: 2, 水稻: 2, 淡水鱼: 1, 油茶: 1 }),
  '330825': products({ 水稻: 4, 生猪: 2, 竹笋: 2, 蔬菜: 2 }),
  '330881': products({ 猕猴桃: 3, 水稻: 2, 白鹅: 1, 茶叶: 1, 蜂蜜: 1 }),
};
const DEFAULT_PRODUCTS = products({ 水稻: 1, 蔬菜: 1 });

function products(weights: Record<string, number>): WeightedPicker<string> {
  return new WeightedPicker(Object.entries(weights));
}

const pyramids = new Map<string, PopulationPyramid>();

/** The pyramid for a snapshot date, built once per process (it precomputes 37k date strings). */
export function pyramidFor(asOf: string): PopulationPyramid {
  let pyramid = pyramids.get(asOf);
  if (!pyramid) {
    pyramid = new PopulationPyramid(asOf);
    pyramids.set(asOf, pyramid);
  }
  return pyramid;
}

/**
 * Generates one township: residents drawn from the pyramid, grouped into households of 1-5 with an adult head,
 * valid resident IDs (county code of registration, birth date, a sequence from the township's block with the
 * sex in its parity), one collective per village and the villages' family farms.
 * Pure and deterministic: depends only on the plan's seed and this township, so townships can be generated
 * alone and in any order.
 */
export function generateTownship(plan: RegistryPlan, township: TownshipPlan): TownshipPopulation {
  const random = createRandom(plan.seed, `township:${township.township.code}`);
  const pyramid = pyramidFor(plan.asOf);
  const out: TownshipPopulation = { residents: [], households: [], collectives: [], farms: [] };
  const ids = new SequenceAllocator(township, pyramid.span);
  const farmRate = plan.sizes.familyFarmsPerResident;
  for (const unit of township.units) {
    const heads = generateUnit(random, pyramid, plan, township, unit, ids, out);
    if (unit.isVillage) {
      out.collectives.push(collectiveOf(random, township, unit));
      appendFamilyFarms(random, township, unit, heads, farmRate, out.farms);
    }
  }
  return out;
}

/** Hands out ID sequence numbers per birth date and sex inside the township's block. */
class SequenceAllocator {
  private readonly used: Uint16Array;
  constructor(
    private readonly township: TownshipPlan,
    span: number,
  ) {
    this.used = new Uint16Array(2 * span);
  }

  /** `person` is a person code (see generateUnit). */
  next(person: number): number {
    const count = this.used[person]!;
    const { first, size } = this.township.sequenceBlock;
    if (count >= size) {
      throw new RangeError(
        `${this.township.township.name} ${this.township.township.code}: more than ${size} people of one sex ` +
          'born on one day; this scale is too large for one county',
      );
    }
    this.used[person] = count + 1;
    // Odd sequence numbers are men's, even ones women's (GB 11643-1999).
    return 2 * (first + count) + (person & 1);
  }
}

/**
 * Generates the households of one village or street; returns the heads (for farm operators).
 * People are drawn as small integer codes, 2 × days-before-the-as-of-date + 1 for men, so millions of draws
 * allocate nothing until the resident rows themselves.
 */
function generateUnit(
  random: Random,
  pyramid: PopulationPyramid,
  plan: RegistryPlan,
  township: TownshipPlan,
  unit: UnitPlan,
  ids: SequenceAllocator,
  out: TownshipPopulation,
): RegistryResidentTable[] {
  const n = unit.residents;
  if (n === 0) return [];
  const adults: number[] = [];
  const minors: number[] = [];
  const asOfDay = pyramid.asOfDay;
  for (let i = 0; i < n; i++) {
    const code = pyramid.drawCode(random);
    (pyramid.ageOfCode(code) >= ADULT_AGE ? adults : minors).push(code);
  }
  // Every household needs an adult head, and five people at most: replace minors by adults where short.
  while (adults.length * MAX_HOUSEHOLD < n || adults.length === 0) {
    minors.pop();
    const drawn = pyramid.drawAdult(random);
    adults.push(2 * (asOfDay - drawn.birthDay) + (drawn.male ? 1 : 0));
  }
  const sizes = householdSizes(random, n, adults.length);
  random.shuffle(adults);
  const rest = random.shuffle([...adults.slice(sizes.length), ...minors]);
  const heads: RegistryResidentTable[] = [];
  const divisionCode = unit.division.code;
  const countyCode = township.county.code;
  let next = 0;
  for (let h = 0; h < sizes.length; h++) {
    const size = sizes[h]!;
    const householdId = householdIdOf(divisionCode, h + 1);
    for (let m = 0; m < size; m++) {
      const person = m === 0 ? adults[h]! : rest[next++]!;
      const male = (person & 1) === 1;
      const birthDay = asOfDay - (person >> 1);
      const birthDate = pyramid.dateOf(birthDay);
      const resident: RegistryResidentTable = {
        resident_id: makeResidentId(countyCode, birthDate, ids.next(person)),
        name: randomName(random, male ? 'male' : 'female', pyramid.yearOf(birthDay)),
        sex: male ? 'male' : 'female',
        birth_date: birthDate,
        household_id: householdId,
        division_code: divisionCode,
        phone: pyramid.ageOfCode(person) >= PHONE_AGE ? mobileNumber(random) : null,
        created_at: plan.createdAt,
      };
      out.residents.push(resident);
      if (m === 0) heads.push(resident);
    }
    out.households.push({
      id: householdId,
      division_code: divisionCode,
      head_resident_id: heads[h]!.resident_id,
      size,
    });
  }
  return heads;
}

/** Household sizes adding up to `n`, with no more households than there are adults to head them. */
function householdSizes(random: Random, n: number, adults: number): number[] {
  const sizes: number[] = [];
  let left = n;
  while (left > 0) {
    const size = Math.min(HOUSEHOLD_SIZES.pick(random), left);
    sizes.push(size);
    left -= size;
  }
  // Too few adults: fold the last households into the others (five at most, which 5 × adults >= n allows).
  let target = 0;
  while (sizes.length > adults) {
    let spare = sizes.pop()!;
    while (spare > 0) {
      if (sizes[target]! < MAX_HOUSEHOLD) {
        sizes[target]!++;
        spare--;
      }
      target = (target + 1) % sizes.length;
    }
  }
  return sizes;
}

/** 户号: the division code and a running number, 16 characters for villages and streets alike. */
export function householdIdOf(divisionCode: string, number: number): string {
  const width = 16 - divisionCode.length;
  const text = String(number);
  if (text.length > width) throw new RangeError(`more than ${10 ** width - 1} households in ${divisionCode}`);
  return divisionCode + text.padStart(width, '0');
}

function mobileNumber(random: Random): string {
  return (
    MOBILE_PREFIXES[random.int(MOBILE_PREFIXES.length)]! + String(random.int(100_000_000)).padStart(8, '0')
  );
}

/**
 * One collective per village. [assume] Annual collective income is log-normal around ¥600,000 with a floor of
 * ¥200,000: Zhejiang's 2021 target left no village below ¥200,000 total collective income (消除集体经济薄弱村).
 */
function collectiveOf(random: Random, township: TownshipPlan, unit: UnitPlan): RegistryCollectiveTable {
  const village = unit.division;
  const incomeYuan = Math.max(200_000, Math.round(random.logNormal(600_000, 0.7)));
  return {
    code: village.code,
    name: `${village.name}股份经济合作社`,
    // Registration department N (农业), type 2 (村级集体经济组织); the body is the village code's tail.
    uscc: makeUscc({
      department: 'N',
      type: '2',
      divisionCode: township.county.code,
      organisationBody: village.code.slice(4),
    }),
    county_code: township.county.code,
    township_code: township.township.code,
    members: unit.residents,
    collective_income_fen: incomeYuan * 100,
  };
}

/** [assume] Family farms of 10-1,500 mu, log-normal around 80 mu, run by a household head of the village. */
function appendFamilyFarms(
  random: Random,
  township: TownshipPlan,
  unit: UnitPlan,
  heads: readonly RegistryResidentTable[],
  rate: number,
  farms: FarmDraft[],
) {
  if (heads.length === 0) return;
  const expected = unit.residents * rate;
  const count = Math.floor(expected) + (random.chance(expected - Math.floor(expected)) ? 1 : 0);
  const picker = FARM_PRODUCTS[township.county.code] ?? DEFAULT_PRODUCTS;
  // Different heads run different farms while there are enough of them (a partial shuffle).
  const order = heads.map((_, i) => i);
  for (let i = 0; i < count; i++) {
    const k = i % order.length;
    const j = k + random.int(order.length - k);
    [order[k], order[j]] = [order[j]!, order[k]!];
    const operator = heads[order[k]!]!;
    farms.push({
      name: `${township.county.name}${operator.name}家庭农场`,
      operator_type: 'resident',
      operator_id: operator.resident_id,
      division_code: unit.division.code,
      main_product: picker.pick(random),
      area_mu: Math.min(1_500, Math.max(10, Math.round(random.logNormal(80, 0.7)))),
    });
  }
}
