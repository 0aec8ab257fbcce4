import { type BulkValue, bulkInsert, type SanquDatabase } from '../../kernel/db';
import { makeUscc } from '../../kernel/identity';

/** Test enterprises written straight into the registry table (tests only; module code reads the registry service). */
export interface TestEnterprise {
  uscc: string;
  industryCode: string;
  countyCode: string;
  employees: number;
  outputYuan: number;
}

export const testUscc = (county: string, body: string) =>
  makeUscc({ department: '9', type: '1', divisionCode: county, organisationBody: body });

export const TEST_ENTERPRISES = {
  /** The fixture's pharmaceutical company (化学药品制剂制造), 常山县. */
  pharma: {
    uscc: testUscc('330822', 'MA2PH001'),
    industryCode: 'C2720',
    countyCode: '330822',
    employees: 300,
    outputYuan: 200_000_000,
  },
  pharmaB: {
    uscc: testUscc('330822', 'MA2PH002'),
    industryCode: 'C2720',
    countyCode: '330822',
    employees: 200,
    outputYuan: 100_000_000,
  },
  pharmaC: {
    uscc: testUscc('330802', 'MA2PH003'),
    industryCode: 'C2720',
    countyCode: '330802',
    employees: 150,
    outputYuan: 80_000_000,
  },
  cement: {
    uscc: testUscc('330803', 'MA2CE001'),
    industryCode: 'C3011',
    countyCode: '330803',
    employees: 400,
    outputYuan: 300_000_000,
  },
  /** A workshop of five: a million tonnes of coal from it is implausible. */
  tiny: {
    uscc: testUscc('330822', 'MA2TY001'),
    industryCode: 'C3311',
    countyCode: '330822',
    employees: 5,
    outputYuan: 3_000_000,
  },
} satisfies Record<string, TestEnterprise>;

export async function insertTestEnterprises(database: SanquDatabase, enterprises: readonly TestEnterprise[]) {
  const rows: BulkValue[][] = enterprises.map((e, i) => [
    e.uscc,
    `测试企业${i}有限公司`,
    e.industryCode,
    'test class',
    null,
    e.countyCode,
    `${e.countyCode}100`,
    1,
    e.outputYuan * 100,
    e.employees,
    '2015-01-01',
  ]);
  await bulkInsert(
    database,
    'registry_enterprises',
    [
      'uscc',
      'name',
      'industry_code',
      'industry_name',
      'lead_industry',
      'county_code',
      'township_code',
      'above_scale',
      'output_value_fen',
      'employees',
      'registered_at',
    ],
    rows,
  );
}
