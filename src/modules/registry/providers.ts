import { shanghaiDate } from '../../kernel/calendar';
import type { DivisionService } from '../../kernel/divisions';
import type { Label, RegistryProvider } from '../../kernel/exchange';
import {
  birthRecord,
  educationRecord,
  householdRecord,
  marketEntityRecord,
  marriageRecord,
  providentFundRecord,
  type RegistryRecord,
  type ResidentInHousehold,
  realEstateRecord,
  socialInsuranceRecord,
} from './derived-registries';
import type { RegistryService } from './service';

const label = (zh: string, en: string): Label => ({ zh, en });

/** The fields of each registry dataset, named in both languages (what a citizen sees in 数据使用记录). */
export const REGISTRY_FIELDS = {
  household: {
    name: label('姓名', 'Name'),
    sex: label('性别', 'Sex'),
    birthDate: label('出生日期', 'Date of birth'),
    ethnicity: label('民族', 'Ethnicity'),
    householdId: label('户号', 'Household number'),
    divisionCode: label('户籍地区划', 'Place of registration'),
    address: label('户籍地址', 'Registered address'),
    relationToHead: label('与户主关系', 'Relation to the head of household'),
  },
  market_entity: {
    uscc: label('统一社会信用代码', 'Unified social credit code'),
    name: label('名称', 'Name'),
    legalRepresentative: label('法定代表人', 'Legal representative'),
    registeredAt: label('成立日期', 'Date of establishment'),
    industryCode: label('行业代码', 'Industry code'),
    industryName: label('行业', 'Industry'),
    status: label('登记状态', 'Registration status'),
    address: label('住所', 'Registered address'),
  },
  real_estate: {
    propertyCount: label('不动产数量', 'Number of properties'),
    properties: label('不动产权证明', 'Property certificates'),
  },
  social_insurance: {
    insured: label('参保状态', 'Insured'),
    insuranceTypes: label('参保险种', 'Insurance schemes'),
    contributionMonths: label('缴费月数', 'Months contributed'),
    employerName: label('参保单位', 'Employer'),
    cardStatus: label('社保卡状态', 'Social security card status'),
  },
  marriage: {
    maritalStatus: label('婚姻状况', 'Marital status'),
    spouseName: label('配偶姓名', 'Spouse’s name'),
    marriageDate: label('登记日期', 'Date of marriage'),
  },
  birth: { children: label('子女出生医学证明', 'Children’s birth certificates') },
  education: {
    highestLevel: label('最高学历', 'Highest level of education'),
    school: label('毕业学校', 'School'),
    graduationYear: label('毕业年份', 'Year of graduation'),
  },
  provident_fund: {
    accountStatus: label('账户状态', 'Account status'),
    balanceFen: label('账户余额', 'Balance'),
    contributionMonths: label('缴存月数', 'Months contributed'),
    employerName: label('缴存单位', 'Employer'),
    loanOutstanding: label('未结清贷款', 'Loan outstanding'),
  },
} as const satisfies Record<string, Record<string, Label>>;

export type RegistryDataset = keyof typeof REGISTRY_FIELDS;

const NAMES: Record<RegistryDataset, { name: Label; keeper: Label }> = {
  household: {
    name: label('户籍信息', 'Household registration'),
    keeper: label('公安机关', 'Public security'),
  },
  market_entity: {
    name: label('市场主体登记信息', 'Market entity registration'),
    keeper: label('市场监督管理局', 'Market regulation'),
  },
  real_estate: {
    name: label('不动产登记信息', 'Real estate registration'),
    keeper: label('自然资源和规划局', 'Natural resources'),
  },
  social_insurance: {
    name: label('社会保险参保信息', 'Social insurance'),
    keeper: label('人力资源和社会保障局', 'Human resources and social security'),
  },
  marriage: {
    name: label('婚姻登记信息', 'Marriage registration'),
    keeper: label('民政局', 'Civil affairs'),
  },
  birth: { name: label('出生医学证明信息', 'Birth certificates'), keeper: label('卫生健康委员会', 'Health') },
  education: { name: label('学籍学历信息', 'Education records'), keeper: label('教育局', 'Education') },
  provident_fund: {
    name: label('住房公积金信息', 'Housing provident fund'),
    keeper: label('住房公积金中心', 'Provident fund centre'),
  },
};

/**
 * The registries of the synthetic city as exchange providers: 户籍 and 市场主体 from the registry's tables, the
 * departmental ones derived from them (derived-registries.ts). `today` dates what depends on age.
 */
export function registryProviders(
  registry: RegistryService,
  divisions: DivisionService,
  now: () => Date = () => new Date(),
): RegistryProvider[] {
  const placeOf = (code: string) =>
    divisions
      .path(code)
      .filter((d) => d.level !== 'province')
      .map((d) => d.name);

  async function inHousehold(residentId: string): Promise<ResidentInHousehold | null> {
    const resident = await registry.getResident(residentId);
    if (!resident) return null;
    const household = await registry.getHousehold(resident.householdId);
    return {
      resident,
      members: household?.members ?? [resident],
      headResidentId: household?.household.headResidentId ?? resident.residentId,
      place: placeOf(resident.divisionCode),
    };
  }

  const personal = (
    dataset: Exclude<RegistryDataset, 'market_entity'>,
    derive: (entry: ResidentInHousehold, today: string) => RegistryRecord,
  ): RegistryProvider => ({
    dataset,
    ...NAMES[dataset],
    subjectType: 'resident',
    fields: REGISTRY_FIELDS[dataset],
    async lookup(subjectId) {
      const entry = await inHousehold(subjectId);
      return entry ? derive(entry, shanghaiDate(now())) : null;
    },
  });

  return [
    personal('household', householdRecord),
    personal('marriage', marriageRecord),
    personal('birth', birthRecord),
    personal('education', educationRecord),
    personal('social_insurance', socialInsuranceRecord),
    personal('provident_fund', providentFundRecord),
    personal('real_estate', realEstateRecord),
    {
      dataset: 'market_entity',
      ...NAMES.market_entity,
      subjectType: 'enterprise',
      fields: REGISTRY_FIELDS.market_entity,
      async lookup(subjectId) {
        const enterprise = await registry.getEnterprise(subjectId);
        return enterprise ? marketEntityRecord(enterprise, placeOf(enterprise.townshipCode)) : null;
      },
    },
  ];
}
