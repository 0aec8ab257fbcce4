/** 人口库: one registered resident (户籍人口). */
export interface RegistryResidentTable {
  /** 18-character resident ID (GB 11643-1999); unique. Its 6-digit division is the county of registration. */
  resident_id: string;
  name: string;
  sex: 'male' | 'female';
  /** 'YYYY-MM-DD' */
  birth_date: string;
  household_id: string;
  /** Where the resident is registered: the village (12 digits), or the street (9 digits) for urban residents. */
  division_code: string;
  /** Mainland mobile number, 11 digits; null for children without their own. */
  phone: string | null;
  created_at: string;
}

/** 户: a household on the register; `id` (户号) starts with its division code. */
export interface RegistryHouseholdTable {
  id: string;
  division_code: string;
  head_resident_id: string;
  size: number;
}

/** The lead industries of Quzhou's manufacturing programme (六大标志性产业链). */
export type LeadIndustry =
  | 'new_materials'
  | 'new_energy'
  | 'integrated_circuits'
  | 'smart_equipment'
  | 'life_health'
  | 'special_paper';

/** 法人库: one enterprise, individual business or farmer cooperative on the market registry. */
export interface RegistryEnterpriseTable {
  /** 统一社会信用代码, GB 32100-2015. */
  uscc: string;
  name: string;
  /** GB/T 4754-2017 class, e.g. 'C2221'. */
  industry_code: string;
  industry_name: string;
  lead_industry: LeadIndustry | null;
  county_code: string;
  township_code: string;
  /** 1 for 规模以上 (above designated size), else 0. */
  above_scale: number;
  /** Annual output value (or revenue) in fen. */
  output_value_fen: number;
  employees: number;
  /** 'YYYY-MM-DD' */
  registered_at: string;
}

/** 村集体经济组织: the collective of one administrative village. */
export interface RegistryCollectiveTable {
  /** The village's 12-digit division code. */
  code: string;
  name: string;
  /** USCC of the collective economic organisation (registration department N, type 2). */
  uscc: string;
  county_code: string;
  township_code: string;
  members: number;
  /** Annual collective income in fen. */
  collective_income_fen: number;
}

/** 农场: a family farm or a cooperative's farm base. */
export interface RegistryFarmTable {
  id: number;
  name: string;
  operator_type: 'resident' | 'enterprise';
  /** Resident ID or USCC of the operator. */
  operator_id: string;
  /** The village the farm lies in. */
  division_code: string;
  main_product: string;
  /** Area in whole mu (亩, 1/15 ha). */
  area_mu: number;
}

export interface RegistryTables {
  registry_residents: RegistryResidentTable;
  registry_households: RegistryHouseholdTable;
  registry_enterprises: RegistryEnterpriseTable;
  registry_collectives: RegistryCollectiveTable;
  registry_farms: RegistryFarmTable;
}
