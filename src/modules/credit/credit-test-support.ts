import { PASSWORD, startTestApp, type TestApp } from '../../../test/api/support';
import type { Actor, Role } from '../../kernel/auth';
import type { DialectName } from '../../kernel/db';
import { silentProgress } from '../../kernel/progress';
import { seedCity } from '../../seed';

export const LIBRARY = '12330800DEMLBRY137';
export const BANK = '91330800DEMBANK19H';

export interface CreditFixture {
  t: TestApp;
  /** Two residents of 常山县 (330822) and one of 柯城区 (330802). */
  changshan: [string, string];
  kecheng: string;
  actors: Record<string, Actor>;
  /** Bearer headers per username. */
  headers(username: string): Promise<{ authorization: string }>;
}

const USERS: {
  username: string;
  role: Role;
  department?: string;
  divisionCode?: string;
  subject?: 'a' | 'b' | 'library' | 'bank';
}[] = [
  { username: 'court-city', role: 'officer', department: 'court', divisionCode: '330800' },
  { username: 'court-kecheng', role: 'officer', department: 'court', divisionCode: '330802' },
  { username: 'civil-changshan', role: 'officer', department: 'civilization', divisionCode: '330822' },
  { username: 'utility-city', role: 'officer', department: 'development_reform', divisionCode: '330800' },
  { username: 'devref-changshan', role: 'officer', department: 'development_reform', divisionCode: '330822' },
  { username: 'market-city', role: 'officer', department: 'market', divisionCode: '330800' },
  { username: 'resident-a', role: 'resident', subject: 'a' },
  { username: 'resident-b', role: 'resident', subject: 'b' },
  { username: 'library-agent', role: 'enterprise_agent', subject: 'library' },
  { username: 'bank-agent', role: 'bank', subject: 'bank' },
  { username: 'auditor-x', role: 'auditor' },
];

/** A small seeded city (no credit seed: tests plant their records) with officers, residents and providers. */
export async function startCreditFixture(dialect: DialectName): Promise<CreditFixture> {
  const t = await startTestApp(dialect, { users: [] });
  await seedCity(t.platform, {
    scale: 'demo',
    seed: 7,
    sizes: { residents: 400, enterprises: 2 },
    progress: silentProgress,
  });
  const inCounty = async (county: string, n: number) =>
    (await t.platform.registry.residentsAfter({ countyCode: county, limit: 500 }))
      .filter((r) => r.birthDate < '2000-01-01')
      .slice(0, n)
      .map((r) => r.residentId);
  const changshan = (await inCounty('330822', 2)) as [string, string];
  const [kecheng] = await inCounty('330802', 1);
  if (changshan.length < 2 || !kecheng)
    throw new Error('fixture city lacks adult residents in 330822/330802');
  const subjects = { a: changshan[0], b: changshan[1], library: LIBRARY, bank: BANK };
  const actors: Record<string, Actor> = {};
  for (const user of USERS) {
    const subjectId = user.subject ? subjects[user.subject] : undefined;
    const resident = user.role === 'resident' ? await t.platform.registry.getResident(subjectId!) : null;
    actors[user.username] = await t.platform.auth.createUser(
      {
        username: user.username,
        password: PASSWORD,
        role: user.role,
        displayName: user.username,
        department: user.department,
        divisionCode: user.divisionCode ?? resident?.divisionCode,
        subjectId,
      },
      null,
    );
  }
  const tokens = new Map<string, string>();
  return {
    t,
    changshan,
    kecheng,
    actors,
    async headers(username) {
      let token = tokens.get(username);
      if (!token) {
        token = await t.login(username);
        tokens.set(username, token);
      }
      return { authorization: `Bearer ${token}` };
    },
  };
}
