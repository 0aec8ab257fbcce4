import { PASSWORD, startTestApp, type TestApp } from '../../../test/api/support';
import type { Actor, Role } from '../../kernel/auth';
import type { DialectName } from '../../kernel/db';
import { silentProgress } from '../../kernel/progress';
import { seedCity } from '../../seed';
import type { ServicesService } from './service';

export interface ServicesFixture {
  t: TestApp;
  /** The platform's services, on the clock the test moves (`clock.now`). */
  services: ServicesService;
  clock: { now: Date };
  /** Two adult residents of 常山县 (330822). */
  residents: [string, string];
  enterprise: string;
  actors: Record<string, Actor>;
  headers(username: string): Promise<{ authorization: string }>;
}

const USERS: {
  username: string;
  role: Role;
  department?: string;
  divisionCode?: string;
  subject?: 'a' | 'b' | 'enterprise';
}[] = [
  { username: 'resident-a', role: 'resident', subject: 'a' },
  { username: 'resident-b', role: 'resident', subject: 'b' },
  { username: 'enterprise-agent', role: 'enterprise_agent', subject: 'enterprise' },
  { username: 'hpf-city', role: 'officer', department: 'provident_fund', divisionCode: '330800' },
  { username: 'hpf-huangshan', role: 'officer', department: 'provident_fund', divisionCode: '341000' },
  { username: 'ps-changshan', role: 'officer', department: 'public_security', divisionCode: '330822' },
  { username: 'ps-kecheng', role: 'officer', department: 'public_security', divisionCode: '330802' },
  { username: 'civil-changshan', role: 'officer', department: 'civil_affairs', divisionCode: '330822' },
  { username: 'health-changshan', role: 'officer', department: 'health', divisionCode: '330822' },
  { username: 'mi-changshan', role: 'officer', department: 'medical_insurance', divisionCode: '330822' },
  { username: 'hr-changshan', role: 'officer', department: 'human_resources', divisionCode: '330822' },
  { username: 'window-shangrao', role: 'officer', department: 'services', divisionCode: '361100' },
  { username: 'window-quzhou', role: 'officer', department: 'services', divisionCode: '330800' },
  { username: 'auditor-x', role: 'auditor' },
];

/** 2026-06-01 (a Monday) 10:00 in Quzhou: far from holidays, inside the calendar's years. */
export const MONDAY = new Date('2026-06-01T02:00:00Z');

/** A small seeded city with residents, an enterprise, officers of four cities and services on a test clock. */
export async function startServicesFixture(dialect: DialectName): Promise<ServicesFixture> {
  const clock = { now: MONDAY };
  const t = await startTestApp(dialect, { users: [], now: () => clock.now });
  await seedCity(t.platform, {
    scale: 'demo',
    seed: 7,
    sizes: { residents: 400, enterprises: 3 },
    progress: silentProgress,
  });
  const adults = (await t.platform.registry.residentsAfter({ countyCode: '330822', limit: 500 })).filter(
    (r) => r.birthDate < '1990-01-01',
  );
  // Resident A has a live provident-fund account and insurance, so fund and insurance items pass their conditions.
  const funded: typeof adults = [];
  for (const adult of adults) {
    const fund = await t.platform.registries.fetch('provident_fund', adult.residentId, ['accountStatus']);
    if (fund?.accountStatus === 'active') funded.push(adult);
    if (funded.length > 0) break;
  }
  const others = adults.filter((a) => a.residentId !== funded[0]?.residentId);
  const residents = [funded[0]?.residentId, others[0]?.residentId] as [string, string];
  const [enterprise] = await t.platform.registry.enterprisesAfter({ limit: 1 });
  if (!residents[0] || !residents[1] || !enterprise)
    throw new Error('fixture city lacks adults in 330822 or an enterprise');
  const subjects = { a: residents[0], b: residents[1], enterprise: enterprise.uscc };
  const actors: Record<string, Actor> = {};
  for (const user of USERS) {
    const subjectId = user.subject ? subjects[user.subject] : undefined;
    const resident =
      user.role === 'resident' ? await t.platform.registry.getResident(subjectId as string) : null;
    actors[user.username] = await t.platform.auth.createUser(
      {
        username: user.username,
        password: PASSWORD,
        role: user.role,
        displayName: user.username,
        department: user.department,
        divisionCode:
          user.divisionCode ??
          resident?.divisionCode ??
          (user.subject === 'enterprise' ? enterprise.countyCode : undefined),
        subjectId,
      },
      null,
    );
  }
  const services = t.platform.services;
  const tokens = new Map<string, string>();
  return {
    t,
    services,
    clock,
    residents,
    enterprise: enterprise.uscc,
    actors,
    async headers(username) {
      const token = tokens.get(username) ?? (await t.login(username));
      tokens.set(username, token);
      return { authorization: `Bearer ${token}` };
    },
  };
}

/** Moves the clock by whole days. */
export const later = (fixture: ServicesFixture, days: number) => {
  fixture.clock.now = new Date(fixture.clock.now.getTime() + days * 86_400_000);
};

export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
