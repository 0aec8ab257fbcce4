import type { FactValue } from '../../kernel/rules';
import { randomName } from '../../seed/names';
import { createRandom, type Random } from '../../seed/random';
import type { Enterprise, Resident } from './records';

/**
 * The departmental registries the exchange serves besides 户籍 and 市场主体 — marriage, birth, education, social
 * insurance, provident fund and real estate — for the synthetic city. A real deployment connects each to its
 * department's system (民政、卫健、教育、人社、公积金中心、自然资源); here each record is derived, deterministically,
 * from the population register: a household's head and the adult of the other sex close in age are married, the
 * members a generation younger are their children, and the rest follows the person's age and a per-person random
 * stream. Every share below is an [assume] of this synthetic city, not a statistic.
 */

/** A resident with the household they live in (members head first), as the derivation needs them. */
export interface ResidentInHousehold {
  resident: Resident;
  members: readonly Resident[];
  headResidentId: string;
  /** Names of the registered division, from the county down (衢州市 常山县 …). */
  place: readonly string[];
}

export type RegistryRecord = Record<string, FactValue>;

const yearOf = (date: string) => Number(date.slice(0, 4));

/** Completed years on `on` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const years = yearOf(on) - yearOf(birthDate);
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const streamOf = (residentId: string, registry: string): Random =>
  createRandom(20201224, `${registry}:${residentId}`);

/** 与户主关系 as the household register writes it. */
export function relationToHead(person: Resident, head: Resident): string {
  if (person.residentId === head.residentId) return '户主';
  const gap = yearOf(person.birthDate) - yearOf(head.birthDate);
  if (person.sex !== head.sex && Math.abs(gap) <= 12 && ageOn(person.birthDate, '2025-12-31') >= 20)
    return '配偶';
  if (gap >= 18) return '子女';
  if (gap <= -18) return '父母';
  return '其他';
}

function spouseOf(entry: ResidentInHousehold): Resident | null {
  const head = entry.members.find((m) => m.residentId === entry.headResidentId);
  if (!head) return null;
  const spouse = entry.members.find((m) => relationToHead(m, head) === '配偶');
  if (!spouse) return null;
  if (entry.resident.residentId === head.residentId) return spouse;
  return entry.resident.residentId === spouse.residentId ? head : null;
}

/** 户籍 — the household register's own record of the person. */
export function householdRecord(entry: ResidentInHousehold): RegistryRecord {
  const { resident } = entry;
  const head = entry.members.find((m) => m.residentId === entry.headResidentId) ?? resident;
  const random = streamOf(resident.residentId, 'household');
  return {
    name: resident.name,
    sex: resident.sex,
    birthDate: resident.birthDate,
    // [assume] Quzhou has a small She (畲族) community, mainly in the villages.
    ethnicity: random.chance(0.004) ? '畲族' : '汉族',
    householdId: resident.householdId,
    divisionCode: resident.divisionCode,
    address: `${entry.place.join('')}${1 + random.int(120)}号`,
    relationToHead: relationToHead(resident, head),
  };
}

/** 婚姻登记 — married when the household pairs them; otherwise by age. */
export function marriageRecord(entry: ResidentInHousehold, today: string): RegistryRecord {
  const { resident } = entry;
  const spouse = spouseOf(entry);
  if (spouse) {
    // Both spouses draw from the couple's own stream, so each sees the same date.
    const couple = [resident.residentId, spouse.residentId].sort().join('+');
    const random = streamOf(couple, 'marriage');
    const younger = [resident.birthDate, spouse.birthDate].sort()[1] as string;
    const married = `${yearOf(younger) + 22 + random.int(8)}${younger.slice(4)}`;
    return {
      maritalStatus: 'married',
      spouseName: spouse.name,
      marriageDate: married < today ? married : today,
    };
  }
  const random = streamOf(resident.residentId, 'marriage');
  const age = ageOn(resident.birthDate, today);
  const minimum = resident.sex === 'male' ? 22 : 20; // 民法典 第1047条: the legal marriage age
  if (age < minimum) return { maritalStatus: 'unmarried', spouseName: null, marriageDate: null };
  // Not paired in the household: many are still married, the spouse registered elsewhere (人户分离).
  const draw = random.next();
  if (age >= 25 && age < 75 && draw < 0.55) {
    const spouseSex = resident.sex === 'male' ? 'female' : 'male';
    const year = yearOf(resident.birthDate) + 22 + random.int(Math.min(10, age - 22));
    const date = `${year}${resident.birthDate.slice(4)}`;
    return {
      maritalStatus: 'married',
      spouseName: randomName(random, spouseSex, yearOf(resident.birthDate) + random.int(5) - 2),
      marriageDate: date < today ? date : today,
    };
  }
  const status = age >= 70 && draw < 0.8 ? 'widowed' : age >= 30 && draw < 0.65 ? 'divorced' : 'unmarried';
  return { maritalStatus: status, spouseName: null, marriageDate: null };
}

/** 出生医学证明 — the household's children of the resident (for the head and the spouse). */
export function birthRecord(entry: ResidentInHousehold): RegistryRecord {
  const head = entry.members.find((m) => m.residentId === entry.headResidentId);
  const isParent =
    head !== undefined &&
    (entry.resident.residentId === head.residentId || spouseOf(entry)?.residentId === head.residentId);
  const children = isParent
    ? entry.members
        .filter((m) => head && relationToHead(m, head) === '子女')
        .map((child) => ({
          name: child.name,
          birthDate: child.birthDate,
          // 出生医学证明编号: a letter and nine digits.
          certificateNo: `Q${String(streamOf(child.residentId, 'birth').int(1_000_000_000)).padStart(9, '0')}`,
        }))
    : [];
  return { children };
}

const SCHOOLS: Readonly<Record<string, readonly string[]>> = {
  primary: ['实验小学', '中心小学'],
  junior: ['初级中学', '实验中学'],
  senior: ['第一中学', '第二中学', '高级中学'],
  vocational: ['衢州职业技术学院', '衢州中等专业学校'],
  bachelor: ['衢州学院', '浙江工业大学', '浙江师范大学', '杭州电子科技大学'],
  master: ['浙江大学', '浙江工业大学'],
  doctor: ['浙江大学'],
};

/** 学籍学历 — the highest level finished, by age ([assume] attainment shares rise for later birth years). */
export function educationRecord(entry: ResidentInHousehold, today: string): RegistryRecord {
  const { resident } = entry;
  const age = ageOn(resident.birthDate, today);
  if (age < 7) return { highestLevel: null, school: null, graduationYear: null };
  const random = streamOf(resident.residentId, 'education');
  const born = yearOf(resident.birthDate);
  const higher = born >= 1990 ? 0.45 : born >= 1970 ? 0.18 : 0.05;
  const draw = random.next();
  const level =
    age < 13
      ? 'primary'
      : age < 16
        ? 'junior'
        : age < 19
          ? 'senior'
          : draw < higher * 0.08
            ? 'master'
            : draw < higher * 0.6
              ? 'bachelor'
              : draw < higher
                ? 'vocational'
                : draw < higher + 0.3
                  ? 'senior'
                  : draw < higher + 0.65
                    ? 'junior'
                    : 'primary';
  const finishedAt: Record<string, number> = {
    primary: 12,
    junior: 15,
    senior: 18,
    vocational: 21,
    bachelor: 22,
    master: 25,
    doctor: 28,
  };
  const schools = SCHOOLS[level] as readonly string[];
  const school = schools[random.int(schools.length)] as string;
  const local = ['primary', 'junior', 'senior'].includes(level)
    ? `${entry.place[1] ?? entry.place[0] ?? ''}${school}`
    : school;
  const graduationYear = born + (finishedAt[level] as number);
  return {
    highestLevel: level,
    school: local,
    graduationYear: graduationYear <= yearOf(today) ? graduationYear : null,
  };
}

const EMPLOYERS = ['衢州市', '常山县', '江山市', '龙游县', '开化县', '衢江区', '柯城区'];

/** 社会保险参保 — employees in work (18-59) mostly on the employee schemes, the rest on the residents' schemes. */
export function socialInsuranceRecord(entry: ResidentInHousehold, today: string): RegistryRecord {
  const { resident } = entry;
  const age = ageOn(resident.birthDate, today);
  const random = streamOf(resident.residentId, 'social_insurance');
  const employed = age >= 18 && age < 60 && random.chance(0.55);
  const insured = employed || random.chance(0.95);
  const months = employed ? Math.min((age - 18) * 12, 6 + random.int(360)) : 0;
  const employer = employed
    ? `${EMPLOYERS[random.int(EMPLOYERS.length)]}${['机械', '化工', '纸业', '电子', '服务'][random.int(5)]}有限公司`
    : null;
  return {
    insured,
    insuranceTypes: insured
      ? employed
        ? ['pension', 'medical', 'unemployment', 'injury', 'maternity']
        : ['resident_pension', 'resident_medical']
      : [],
    contributionMonths: months,
    employerName: employer,
    cardStatus: insured ? (random.chance(0.02) ? 'lost' : 'active') : 'none',
  };
}

/** 住房公积金 — those employed under the social-insurance record have an account; a share of them a loan. */
export function providentFundRecord(entry: ResidentInHousehold, today: string): RegistryRecord {
  const insurance = socialInsuranceRecord(entry, today);
  const random = streamOf(entry.resident.residentId, 'provident_fund');
  const months = Number(insurance.contributionMonths);
  if (!insurance.employerName || !random.chance(0.7))
    return {
      accountStatus: 'none',
      balanceFen: 0,
      contributionMonths: 0,
      employerName: null,
      loanOutstanding: false,
    };
  const fundMonths = Math.min(months, 6 + random.int(240));
  return {
    accountStatus: random.chance(0.9) ? 'active' : 'sealed',
    balanceFen: fundMonths * (60_000 + random.int(90_000)),
    contributionMonths: fundMonths,
    employerName: insurance.employerName,
    loanOutstanding: random.chance(0.25),
  };
}

/** 不动产登记 — the household's home, held by the head and the spouse; a few own a second property. */
export function realEstateRecord(entry: ResidentInHousehold): RegistryRecord {
  const { resident } = entry;
  const owner = resident.residentId === entry.headResidentId || spouseOf(entry) !== null;
  if (!owner) return { propertyCount: 0, properties: [] };
  // The home belongs to the household: draw from the head's stream so both spouses see the same certificate.
  const random = streamOf(entry.headResidentId, 'real_estate');
  const count = random.chance(0.12) ? 2 : 1;
  const properties = Array.from({ length: count }, (_, i) => {
    const year = 2000 + random.int(26);
    return {
      certificateNo: `浙(${year})衢州市不动产权第${String(random.int(10_000_000)).padStart(7, '0')}号`,
      address:
        i === 0
          ? `${entry.place.join('')}${1 + random.int(120)}号`
          : `${entry.place[0] ?? ''}城区${1 + random.int(300)}幢`,
      areaM2: 60 + random.int(140),
    };
  });
  return { propertyCount: count, properties };
}

/** 市场主体登记 — the enterprise as the market registry shows it; the legal representative is synthetic. */
export function marketEntityRecord(enterprise: Enterprise, place: readonly string[]): RegistryRecord {
  const random = createRandom(20201224, `market_entity:${enterprise.uscc}`);
  const sex = random.chance(0.7) ? 'male' : 'female';
  return {
    uscc: enterprise.uscc,
    name: enterprise.name,
    legalRepresentative: randomName(random, sex, 1960 + random.int(35)),
    registeredAt: enterprise.registeredAt,
    industryCode: enterprise.industryCode,
    industryName: enterprise.industryName,
    status: 'active',
    address: `${place.join('')}${1 + random.int(300)}号`,
  };
}
