import { fromDayNumber, toDayNumber } from '../../kernel/calendar';
import type { Division } from '../../kernel/divisions';
import { makeUscc, USCC_ALPHABET } from '../../kernel/identity';
import { createRandom, type Random, WeightedPicker } from '../../seed/random';
import type { CountyPlan, RegistryPlan } from './city-plan';
import type { FarmDraft } from './generate-population';
import { INDUSTRY_CLASSES, type IndustryClass } from './industries';
import type { RegistryEnterpriseTable } from './registry.tables';

export interface EnterpriseRegistry {
  enterprises: RegistryEnterpriseTable[];
  /** One farm base per farmer cooperative, in one of the villages of its township. */
  farms: FarmDraft[];
}

type Kind = 'company' | 'individual' | 'cooperative';

/** [assume] Registration types on the enterprise registry: 91 企业, 92 个体工商户, 93 农民专业合作社. */
const KINDS = new WeightedPicker<Kind>([
  ['company', 0.85],
  ['individual', 0.07],
  ['cooperative', 0.08],
]);
const TYPE_DIGIT: Record<Kind, string> = { company: '1', individual: '2', cooperative: '3' };

/** [assume] Firms cluster in streets (industrial parks of the urban districts) and towns more than in 乡. */
const TOWNSHIP_WEIGHTS: Readonly<Record<string, number>> = { street: 3, town: 1.5, township: 0.5 };

/**
 * [assume] Chance of being above designated size (规模以上, revenue of ¥20M or more): 28 % of manufacturing
 * companies and 5 % of other companies, which makes about 12 % of the whole registry.
 */
const ABOVE_SCALE_ODDS = { manufacturing: 0.28, other: 0.05 };
const ABOVE_SCALE_FLOOR_YUAN = 20_000_000;

/**
 * [assume] Annual output (revenue) in yuan: log-normal [median, sigma]; and output per employee, to derive
 * head counts.
 */
const OUTPUT = {
  aboveScale: [60_000_000, 1.0],
  manufacturing: [5_000_000, 1.0],
  company: [3_000_000, 1.2],
  individual: [400_000, 0.8],
  cooperative: [1_000_000, 0.9],
} as const;
const OUTPUT_PER_EMPLOYEE_YUAN = {
  manufacturing: 400_000,
  company: 300_000,
  individual: 150_000,
  cooperative: 100_000,
};
/** A company has a few staff at least; a farmer cooperative has five members by law (农民专业合作社法). */
const MIN_EMPLOYEES = { company: 3, individual: 1, cooperative: 5 };

/** [assume] Registrations per year grew about 8 % a year from 1995 to the snapshot. */
const FIRST_YEAR = 1995;

/** Trade names (字号) the generator combines with a place and the industry word. */
const TRADE_NAMES = (
  '恒达 华峰 金盛 永和 宏远 鑫源 天成 瑞丰 佳禾 明德 润泽 汇通 康宁 博远 正泰 信诚 嘉禾 兴旺 东方 新时代 ' +
  '中天 万象 锦程 祥和 隆盛 广源 聚力 卓越 创新 弘业 三衢 钱塘 九华 浙西 龙腾 凤鸣 江南 衢通 睿智 鼎盛 ' +
  '安泰 富春 长青 宏图 同创 德馨 昌盛 华康 诚信 融通 金山 银河 明珠 绿源 清源 碧水 青山 丰收 百川 大成'
).split(' ');

/**
 * Generates the enterprise registry: valid USCCs (department 9, type 1/2/3, the county's division code),
 * GB/T 4754 classes weighted to the city's six lead industries, a township in the county, 规上 status, output
 * and head count. Pure and deterministic by the plan's seed.
 */
export function generateEnterprises(plan: RegistryPlan): EnterpriseRegistry {
  const random = createRandom(plan.seed, 'enterprises');
  const counties = new WeightedPicker(plan.counties.map((c) => [c, c.residents + 1] as const));
  const places = new Map(plan.counties.map((c) => [c.county.code, placesOf(plan, c)]));
  const classes = {
    company: classPicker('company'),
    individual: classPicker('individual'),
    cooperative: classPicker('cooperative'),
  };
  const asOfDay = toDayNumber(plan.asOf);
  const years = new WeightedPicker(
    Array.from(
      { length: Number(plan.asOf.slice(0, 4)) - FIRST_YEAR + 1 },
      (_, i) => [FIRST_YEAR + i, 1.08 ** i] as const,
    ),
  );
  const seen = new Set<string>();
  const out: EnterpriseRegistry = { enterprises: [], farms: [] };

  for (let i = 0; i < plan.sizes.enterprises; i++) {
    const kind = KINDS.pick(random);
    const county = counties.pick(random);
    const place = places.get(county.county.code)!;
    const rural = kind === 'cooperative' && place.rural;
    const township = (rural ? place.rural! : place.all).pick(random);
    const industry = classes[kind].pick(random);
    const registeredDay = Math.min(asOfDay, toDayNumber(`${years.pick(random)}-01-01`) + random.int(365));
    const registeredAt = fromDayNumber(registeredDay);
    const uscc = uniqueUscc(random, seen, TYPE_DIGIT[kind], county.county.code, registeredAt);
    const manufacturing = industry.code.startsWith('C');
    const aboveScale =
      kind === 'company' &&
      random.chance(manufacturing ? ABOVE_SCALE_ODDS.manufacturing : ABOVE_SCALE_ODDS.other);
    const outputYuan = outputOf(random, kind, manufacturing, aboveScale);
    const perEmployee =
      kind === 'company'
        ? OUTPUT_PER_EMPLOYEE_YUAN[manufacturing ? 'manufacturing' : 'company']
        : OUTPUT_PER_EMPLOYEE_YUAN[kind];
    const enterprise: RegistryEnterpriseTable = {
      uscc,
      name: nameOf(random, kind, county.county, industry, aboveScale),
      industry_code: industry.code,
      industry_name: industry.name,
      lead_industry: industry.lead,
      county_code: county.county.code,
      township_code: township.code,
      above_scale: aboveScale ? 1 : 0,
      output_value_fen: outputYuan * 100,
      employees: Math.max(
        MIN_EMPLOYEES[kind],
        Math.round((outputYuan / perEmployee) * random.logNormal(1, 0.35)),
      ),
      registered_at: registeredAt,
    };
    out.enterprises.push(enterprise);
    if (rural) {
      const villages = place.villages.get(township.code) ?? [];
      if (villages.length > 0) out.farms.push(cooperativeFarm(random, enterprise, industry, villages));
    }
  }
  return out;
}

interface Places {
  all: WeightedPicker<Division>;
  /** Towns and townships with villages, where cooperatives farm; null when the county has none. */
  rural: WeightedPicker<Division> | null;
  villages: Map<string, Division[]>;
}

function placesOf(plan: RegistryPlan, county: CountyPlan): Places {
  const villages = new Map(
    plan.townships
      .filter((t) => t.county.code === county.county.code)
      .map((t) => [t.township.code, t.villages]),
  );
  const weighted = (list: Division[]) => list.map((t) => [t, TOWNSHIP_WEIGHTS[t.kind] ?? 1] as const);
  const rural = county.townships.filter((t) => (villages.get(t.code)?.length ?? 0) > 0);
  return {
    all: new WeightedPicker(weighted(county.townships)),
    rural: rural.length > 0 ? new WeightedPicker(weighted(rural)) : null,
    villages,
  };
}

function classPicker(kind: Kind): WeightedPicker<IndustryClass> {
  return new WeightedPicker(
    INDUSTRY_CLASSES.filter((c) => (c.weight[kind] ?? 0) > 0).map((c) => [c, c.weight[kind]!] as const),
  );
}

/**
 * USCCs issued since the 2015 reform carry an organisation code body 'MA' + 6 characters; older firms kept their
 * 8-digit organisation code. Redraws on the (rare) collision.
 */
function uniqueUscc(
  random: Random,
  seen: Set<string>,
  type: string,
  countyCode: string,
  registeredAt: string,
): string {
  for (;;) {
    let body = '';
    if (registeredAt >= '2016') {
      body = 'MA';
      for (let k = 0; k < 6; k++) body += USCC_ALPHABET[random.int(USCC_ALPHABET.length)];
    } else {
      body = String(random.int(100_000_000)).padStart(8, '0');
    }
    const uscc = makeUscc({ department: '9', type, divisionCode: countyCode, organisationBody: body });
    if (!seen.has(uscc)) {
      seen.add(uscc);
      return uscc;
    }
  }
}

function outputOf(random: Random, kind: Kind, manufacturing: boolean, aboveScale: boolean): number {
  if (aboveScale) {
    const [median, sigma] = OUTPUT.aboveScale;
    return Math.max(ABOVE_SCALE_FLOOR_YUAN, Math.round(random.logNormal(median, sigma)));
  }
  const [median, sigma] =
    kind === 'company' ? OUTPUT[manufacturing ? 'manufacturing' : 'company'] : OUTPUT[kind];
  const yuan = Math.max(10_000, Math.round(random.logNormal(median, sigma)));
  // Below designated size means below the ¥20M line.
  return kind === 'company' ? Math.min(ABOVE_SCALE_FLOOR_YUAN - 10_000, yuan) : yuan;
}

function nameOf(
  random: Random,
  kind: Kind,
  county: Division,
  industry: IndustryClass,
  aboveScale: boolean,
): string {
  const trade = random.pick(TRADE_NAMES);
  if (kind === 'individual')
    return `${county.name}${trade}${industry.nameWord}${random.pick(['店', '经营部', '商行'])}`;
  if (kind === 'cooperative')
    return `${county.name}${trade}${industry.product ?? industry.nameWord}专业合作社`;
  const region =
    aboveScale && random.chance(0.3) ? '浙江' : random.chance(0.4) ? '衢州' : county.name.slice(0, 2);
  const form = aboveScale && random.chance(0.3) ? '股份有限公司' : '有限公司';
  return `${region}${trade}${industry.nameWord}${form}`;
}

/** [assume] A cooperative's farm base: 20-5,000 mu, log-normal around 200 mu. */
function cooperativeFarm(
  random: Random,
  enterprise: RegistryEnterpriseTable,
  industry: IndustryClass,
  villages: readonly Division[],
): FarmDraft {
  const village = random.pick(villages);
  return {
    name: `${enterprise.name}${village.name}基地`,
    operator_type: 'enterprise',
    operator_id: enterprise.uscc,
    division_code: village.code,
    main_product: industry.product ?? industry.nameWord,
    area_mu: Math.min(5_000, Math.max(20, Math.round(random.logNormal(200, 0.8)))),
  };
}
