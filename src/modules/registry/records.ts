import type {
  LeadIndustry,
  RegistryCollectiveTable,
  RegistryEnterpriseTable,
  RegistryFarmTable,
  RegistryHouseholdTable,
  RegistryResidentTable,
} from './registry.tables';

/** The registries' records as services and routes present them (camelCase, booleans, numbers). */
export interface Resident {
  residentId: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  householdId: string;
  divisionCode: string;
  phone: string | null;
  createdAt: string;
}

export interface Household {
  id: string;
  divisionCode: string;
  headResidentId: string;
  size: number;
}

export interface Enterprise {
  uscc: string;
  name: string;
  industryCode: string;
  industryName: string;
  leadIndustry: LeadIndustry | null;
  countyCode: string;
  townshipCode: string;
  aboveScale: boolean;
  outputValueFen: number;
  employees: number;
  registeredAt: string;
}

export interface Collective {
  code: string;
  name: string;
  uscc: string;
  countyCode: string;
  townshipCode: string;
  members: number;
  collectiveIncomeFen: number;
}

export interface Farm {
  id: number;
  name: string;
  operatorType: 'resident' | 'enterprise';
  operatorId: string;
  divisionCode: string;
  mainProduct: string;
  areaMu: number;
}

export function toResident(row: RegistryResidentTable): Resident {
  return {
    residentId: row.resident_id,
    name: row.name,
    sex: row.sex,
    birthDate: row.birth_date,
    householdId: row.household_id,
    divisionCode: row.division_code,
    phone: row.phone,
    createdAt: row.created_at,
  };
}

export function toHousehold(row: RegistryHouseholdTable): Household {
  return {
    id: row.id,
    divisionCode: row.division_code,
    headResidentId: row.head_resident_id,
    size: Number(row.size),
  };
}

export function toEnterprise(row: RegistryEnterpriseTable): Enterprise {
  return {
    uscc: row.uscc,
    name: row.name,
    industryCode: row.industry_code,
    industryName: row.industry_name,
    leadIndustry: row.lead_industry,
    countyCode: row.county_code,
    townshipCode: row.township_code,
    aboveScale: Number(row.above_scale) === 1,
    outputValueFen: Number(row.output_value_fen),
    employees: Number(row.employees),
    registeredAt: row.registered_at,
  };
}

export function toCollective(row: RegistryCollectiveTable): Collective {
  return {
    code: row.code,
    name: row.name,
    uscc: row.uscc,
    countyCode: row.county_code,
    townshipCode: row.township_code,
    members: Number(row.members),
    collectiveIncomeFen: Number(row.collective_income_fen),
  };
}

export function toFarm(row: RegistryFarmTable): Farm {
  return {
    id: Number(row.id),
    name: row.name,
    operatorType: row.operator_type,
    operatorId: row.operator_id,
    divisionCode: row.division_code,
    mainProduct: row.main_product,
    areaMu: Number(row.area_mu),
  };
}
