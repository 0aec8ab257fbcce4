import type { NewUser, Role } from '../kernel/auth';
import { demoLoginBank } from '../modules/carbon/green-finance-config';
import type { DemoSubjects } from '../modules/registry';

/** The one password of every demo login (printed by the CLI; never use a seeded database in production). */
export const DEMO_PASSWORD = 'Sanqu@2026';

export interface DemoLogin {
  username: string;
  role: Role;
  description: { zh: string; en: string };
}

/**
 * The demo logins the CLI prints. Every officer account per division and department (OFFICER_LOGINS) is created
 * too; two of them are listed here to show the pattern.
 */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    username: 'resident',
    role: 'resident',
    description: { zh: '居民（村民，户主）', en: 'Resident: a villager, head of household' },
  },
  {
    username: 'enterprise',
    role: 'enterprise_agent',
    description: { zh: '企业经办人（规上企业）', en: 'Enterprise agent of an above-scale company' },
  },
  {
    username: 'village',
    role: 'collective',
    description: { zh: '村集体经济组织', en: 'Village collective (the resident’s village)' },
  },
  {
    username: 'officer',
    role: 'officer',
    description: { zh: '市级干部（衢州市，综合）', en: 'City officer (Quzhou, general office)' },
  },
  {
    username: 'officer-changshan',
    role: 'officer',
    description: { zh: '县级干部（常山县，综合）', en: 'County officer (Changshan, general office)' },
  },
  {
    username: 'officer-330822-market',
    role: 'officer',
    description: {
      zh: '常山县市场监管干部（每个区划、每个部门各一个：officer-<区划>-<部门>）',
      en: 'Changshan market-regulation officer (one per division and department: officer-<division>-<department>)',
    },
  },
  {
    username: 'officer-361100-services',
    role: 'officer',
    description: {
      zh: '上饶市政务服务窗口（跨省通办：异地代收代办衢州事项）',
      en: 'Shangrao service-hall window (cross-province: receives Quzhou applications on Quzhou’s behalf)',
    },
  },
  {
    username: 'bank',
    role: 'bank',
    description: { zh: '合作银行客户经理', en: 'Partner bank loan officer' },
  },
  {
    username: 'auditor',
    role: 'auditor',
    description: { zh: '审计员（只读，核验审计链）', en: 'Auditor: read-only, verifies the audit chain' },
  },
  { username: 'admin', role: 'admin', description: { zh: '系统管理员', en: 'Platform administrator' } },
];

/** Departments officers belong to; `city_admin` / `county_admin` are the general offices (政府办). */
export const OFFICER_DEPARTMENTS: readonly { code: string; zh: string; en: string }[] = [
  { code: 'development_reform', zh: '发展改革', en: 'Development and reform' },
  { code: 'economy', zh: '经济和信息化', en: 'Economy and information technology' },
  { code: 'ecology', zh: '生态环境', en: 'Ecology and environment' },
  { code: 'market', zh: '市场监管', en: 'Market regulation' },
  { code: 'agriculture', zh: '农业农村', en: 'Agriculture and rural affairs' },
  { code: 'civil_affairs', zh: '民政', en: 'Civil affairs' },
  { code: 'services', zh: '政务服务', en: 'Government services' },
  { code: 'governance', zh: '社会治理', en: 'Social governance' },
  // The source departments of 信安分 records (credit module): courts, tax, police, health, human resources and
  // social security, the provident fund centre, and the civilisation office that runs 衢州有礼 and volunteering.
  { code: 'court', zh: '法院', en: 'People’s court' },
  { code: 'tax', zh: '税务', en: 'Taxation' },
  { code: 'public_security', zh: '公安', en: 'Public security' },
  { code: 'health', zh: '卫生健康', en: 'Health' },
  { code: 'human_resources', zh: '人力社保', en: 'Human resources and social security' },
  { code: 'provident_fund', zh: '住房公积金', en: 'Housing provident fund' },
  { code: 'civilization', zh: '文明办', en: 'Civilisation office' },
  // The departments that handle service items besides those above (一网通办, services module).
  { code: 'education', zh: '教育', en: 'Education' },
  { code: 'medical_insurance', zh: '医疗保障', en: 'Medical insurance' },
];

/** The city and its six counties, for the per-department officer accounts. */
export const OFFICER_DIVISIONS: readonly { code: string; name: string }[] = [
  { code: '330800', name: '衢州市' },
  { code: '330802', name: '柯城区' },
  { code: '330803', name: '衢江区' },
  { code: '330822', name: '常山县' },
  { code: '330824', name: '开化县' },
  { code: '330825', name: '龙游县' },
  { code: '330881', name: '江山市' },
];

/** The three other cities of the 跨省通办 alliance (衢州·黄山·南平·上饶). */
export const ALLIANCE_OFFICER_CITIES: readonly { code: string; name: string }[] = [
  { code: '341000', name: '黄山市' },
  { code: '350700', name: '南平市' },
  { code: '361100', name: '上饶市' },
];

/** Their departments with demo logins: the service hall's windows and the departments that handle items. */
const ALLIANCE_DEPARTMENTS = ['services', 'human_resources', 'public_security', 'market', 'provident_fund'];

/**
 * `officer-<division>-<department>`, e.g. `officer-330822-market`: one per Quzhou division and department, and
 * for the alliance cities their windows and main item departments (`officer-361100-services`: 上饶 service hall).
 */
export const OFFICER_LOGINS: readonly {
  username: string;
  divisionCode: string;
  department: string;
  displayName: string;
}[] = [
  ...OFFICER_DIVISIONS.flatMap((division) =>
    OFFICER_DEPARTMENTS.map((department) => ({
      username: `officer-${division.code}-${department.code}`,
      divisionCode: division.code,
      department: department.code,
      displayName: `${division.name}${department.zh}干部`,
    })),
  ),
  ...ALLIANCE_OFFICER_CITIES.flatMap((city) =>
    ALLIANCE_DEPARTMENTS.map((code) => {
      const department = OFFICER_DEPARTMENTS.find((d) => d.code === code) as { code: string; zh: string };
      return {
        username: `officer-${city.code}-${code}`,
        divisionCode: city.code,
        department: code,
        displayName: `${city.name}${department.zh}干部`,
      };
    }),
  ),
];

/** Every demo user to create, bound to the seeded subjects. */
export function demoUsers(subjects: DemoSubjects): NewUser[] {
  const password = DEMO_PASSWORD;
  const core: NewUser[] = [
    {
      username: 'resident',
      password,
      role: 'resident',
      displayName: subjects.resident.name,
      subjectId: subjects.resident.residentId,
      divisionCode: subjects.resident.villageCode,
    },
    {
      username: 'enterprise',
      password,
      role: 'enterprise_agent',
      displayName: `${subjects.enterprise.name}经办人`,
      subjectId: subjects.enterprise.uscc,
      divisionCode: subjects.enterprise.townshipCode,
    },
    {
      username: 'village',
      password,
      role: 'collective',
      displayName: subjects.village.collectiveName,
      subjectId: subjects.village.code,
      divisionCode: subjects.village.code,
    },
    {
      username: 'officer',
      password,
      role: 'officer',
      displayName: '衢州市政府办干部',
      department: 'city_admin',
      divisionCode: '330800',
    },
    {
      username: 'officer-changshan',
      password,
      role: 'officer',
      displayName: '常山县政府办干部',
      department: 'county_admin',
      divisionCode: '330822',
    },
    {
      username: 'bank',
      password,
      role: 'bank',
      displayName: '衢州合作银行客户经理（演示）',
      divisionCode: '330800',
      // The bank the user acts for (its USCC): consents name the bank, so every loan officer of it may read.
      subjectId: demoLoginBank().uscc,
    },
    { username: 'auditor', password, role: 'auditor', displayName: '审计员（演示）' },
    { username: 'admin', password, role: 'admin', displayName: '系统管理员' },
  ];
  const officers: NewUser[] = OFFICER_LOGINS.map((officer) => ({
    username: officer.username,
    password,
    role: 'officer',
    displayName: officer.displayName,
    department: officer.department,
    divisionCode: officer.divisionCode,
  }));
  return [...core, ...officers];
}
