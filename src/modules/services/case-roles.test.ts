import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../kernel/auth';
import { actingRole, type CaseParties, caseRolesOf, SERVICES_DEPARTMENT } from './case-roles';
import { ACTION_ROLES, CASE_ACTIONS, CASE_STATES, type CaseRole } from './case-workflow';

const QUZHOU_COUNTIES = ['330802', '330803', '330822', '330824', '330825', '330881'];
const APPLICANT = '330822199001011234';

const actor = (role: Role, fields: Partial<Actor> = {}): Actor => ({
  id: `user-${role}`,
  username: role,
  displayName: role,
  role,
  department: null,
  divisionCode: null,
  subjectId: null,
  ...fields,
});
const officer = (department: string, divisionCode: string) => actor('officer', { department, divisionCode });

/** A 常山县 civil-affairs case with the health department as joint department, taken online. */
const parties = (overrides: Partial<CaseParties> = {}): CaseParties => ({
  applicantId: APPLICANT,
  department: 'civil_affairs',
  jointDepartments: ['health'],
  handlingDivision: '330822',
  receivingDivision: '330822',
  mode: 'local',
  channel: 'online',
  state: 'submitted',
  delivery: null,
  ...overrides,
});

describe('caseRolesOf: applicants', () => {
  it('makes the resident or enterprise the case is for its applicant', () => {
    expect(caseRolesOf(actor('resident', { subjectId: APPLICANT }), parties())).toEqual(['applicant']);
    const uscc = '91330822MA2A0B1C2X';
    expect(
      caseRolesOf(actor('enterprise_agent', { subjectId: uscc }), parties({ applicantId: uscc })),
    ).toEqual(['applicant']);
  });

  it('gives another resident, or another kind of user with the same subject, no role', () => {
    expect(caseRolesOf(actor('resident', { subjectId: '330822199001015678' }), parties())).toEqual([]);
    expect(caseRolesOf(actor('resident'), parties())).toEqual([]);
    for (const role of ['collective', 'bank', 'auditor', 'admin'] as const)
      expect(caseRolesOf(actor(role, { subjectId: APPLICANT }), parties())).toEqual([]);
  });

  it('does not make an officer the applicant, even of their own ID', () => {
    const self = actor('officer', { subjectId: APPLICANT, department: 'market', divisionCode: '330822' });
    expect(caseRolesOf(self, parties())).toEqual([]);
  });
});

describe('caseRolesOf: officers by division', () => {
  it('lets a county officer handle the cases of their county only', () => {
    const changshan = officer('civil_affairs', '330822');
    expect(caseRolesOf(changshan, parties())).toEqual(['handling']);
    for (const county of QUZHOU_COUNTIES.filter((c) => c !== '330822'))
      expect(caseRolesOf(changshan, parties({ handlingDivision: county }))).toEqual([]);
    expect(caseRolesOf(changshan, parties({ handlingDivision: '330800' }))).toEqual([]);
  });

  it('lets a city officer handle the cases of every county of the city, and the city’s own', () => {
    const quzhou = officer('civil_affairs', '330800');
    for (const division of [...QUZHOU_COUNTIES, '330800'])
      expect(caseRolesOf(quzhou, parties({ handlingDivision: division }))).toEqual(['handling']);
  });

  it('gives an officer of another alliance city no role as handler', () => {
    for (const division of ['361100', '361102', '341000', '350700'])
      for (const handlingDivision of [...QUZHOU_COUNTIES, '330800'])
        expect(caseRolesOf(officer('civil_affairs', division), parties({ handlingDivision }))).toEqual([]);
  });

  it('gives an officer of another department no role', () => {
    for (const department of ['market', 'public_security', 'human_resources'])
      expect(caseRolesOf(officer(department, '330800'), parties())).toEqual([]);
  });

  it('gives an officer without a division or a department no role', () => {
    expect(caseRolesOf(actor('officer', { department: 'civil_affairs' }), parties())).toEqual([]);
    expect(caseRolesOf(actor('officer', { divisionCode: '330822' }), parties())).toEqual([]);
  });
});

describe('caseRolesOf: joint departments, windows and supervisors', () => {
  it('makes a joint department of the handling division a joint party', () => {
    expect(caseRolesOf(officer('health', '330822'), parties())).toEqual(['joint']);
    expect(caseRolesOf(officer('health', '330800'), parties())).toEqual(['joint']);
    expect(caseRolesOf(officer('health', '330802'), parties())).toEqual([]);
    expect(caseRolesOf(officer('health', '361100'), parties())).toEqual([]);
  });

  it('makes the window where a window case came in its receiving party', () => {
    const shangrao = officer(SERVICES_DEPARTMENT, '361100');
    const proxy = parties({ channel: 'window', mode: 'proxy', receivingDivision: '361102' });
    expect(caseRolesOf(shangrao, proxy)).toEqual(['receiving']);
    expect(caseRolesOf(officer(SERVICES_DEPARTMENT, '361102'), proxy)).toEqual(['receiving']);
    expect(caseRolesOf(officer(SERVICES_DEPARTMENT, '361103'), proxy)).toEqual([]);
  });

  it('has no receiving party for an online case', () => {
    const online = parties({ channel: 'online', mode: 'full_online', receivingDivision: '361100' });
    expect(caseRolesOf(officer(SERVICES_DEPARTMENT, '361100'), online)).toEqual([]);
  });

  it('makes the services office of the handling division its supervisor', () => {
    expect(caseRolesOf(officer(SERVICES_DEPARTMENT, '330800'), parties())).toEqual(['supervisor']);
    expect(caseRolesOf(officer(SERVICES_DEPARTMENT, '330822'), parties())).toEqual(['supervisor']);
    expect(caseRolesOf(officer(SERVICES_DEPARTMENT, '330881'), parties())).toEqual([]);
  });

  it('lets a local window clerk be receiving window and supervisor at once', () => {
    const local = parties({ channel: 'window', receivingDivision: '330822' });
    expect(caseRolesOf(officer(SERVICES_DEPARTMENT, '330822'), local)).toEqual(['receiving', 'supervisor']);
  });
});

describe('actingRole', () => {
  const ROLES: CaseRole[] = ['applicant', 'receiving', 'handling', 'joint', 'supervisor'];
  // Parties under which the window's extra rules all allow it.
  const open = parties({ channel: 'window', mode: 'proxy', state: 'submitted', delivery: 'window' });

  it('follows the action table for a single role', () => {
    for (const action of CASE_ACTIONS)
      for (const role of ROLES)
        expect(actingRole(action, [role], open)).toBe(ACTION_ROLES[action].includes(role) ? role : null);
  });

  it('never lets a joint department or a supervisor act alone', () => {
    for (const action of CASE_ACTIONS) expect(actingRole(action, ['joint', 'supervisor'], open)).toBeNull();
  });

  it('lets a window forward only a 异地代收代办 case', () => {
    for (const mode of ['local', 'full_online', 'joint'])
      expect(actingRole('forward', ['receiving'], { ...open, mode })).toBeNull();
    expect(actingRole('forward', ['receiving'], open)).toBe('receiving');
  });

  it('lets a window return a case only before forwarding it', () => {
    for (const state of CASE_STATES)
      expect(actingRole('return', ['receiving'], { ...open, state })).toBe(
        state === 'submitted' ? 'receiving' : null,
      );
    expect(actingRole('return', ['handling'], { ...open, state: 'forwarded' })).toBe('handling');
  });

  it('lets a window deliver only a result collected there', () => {
    for (const delivery of ['electronic', 'post', null])
      expect(actingRole('deliver', ['receiving'], { ...open, delivery })).toBeNull();
    expect(actingRole('deliver', ['receiving'], open)).toBe('receiving');
    expect(actingRole('deliver', ['handling'], { ...open, delivery: 'post' })).toBe('handling');
  });

  it('falls back to another role the actor plays when the first is not allowed', () => {
    const forwarded = { ...open, state: 'forwarded' as const };
    expect(actingRole('return', ['receiving', 'handling'], forwarded)).toBe('handling');
    expect(actingRole('resubmit', ['receiving', 'applicant'], open)).toBe('applicant');
  });

  it('lets the applicant resubmit, supplement and withdraw only', () => {
    const allowed = CASE_ACTIONS.filter((action) => actingRole(action, ['applicant'], open) !== null);
    expect(allowed).toEqual(['resubmit', 'supplement', 'withdraw']);
  });
});

describe('roles (property)', () => {
  const divisions = ['330800', ...QUZHOU_COUNTIES, '361100', '361102', '341000', '341021', '350700'];
  const departments = ['civil_affairs', 'health', 'market', SERVICES_DEPARTMENT];
  const anyActor = fc.record({
    id: fc.constant('user-x'),
    username: fc.constant('x'),
    displayName: fc.constant('x'),
    role: fc.constantFrom<Role>(
      'resident',
      'enterprise_agent',
      'collective',
      'officer',
      'bank',
      'auditor',
      'admin',
    ),
    department: fc.option(fc.constantFrom(...departments)),
    divisionCode: fc.option(fc.constantFrom(...divisions)),
    subjectId: fc.option(fc.constantFrom(APPLICANT, '330822199001015678')),
  });
  const anyParties = fc.record({
    applicantId: fc.constant(APPLICANT),
    department: fc.constantFrom('civil_affairs', 'market'),
    jointDepartments: fc.subarray(['health', 'medical_insurance']),
    handlingDivision: fc.constantFrom('330800', ...QUZHOU_COUNTIES),
    receivingDivision: fc.constantFrom(...divisions),
    mode: fc.constantFrom('local', 'full_online', 'proxy', 'joint'),
    channel: fc.constantFrom('online', 'window'),
    state: fc.constantFrom(...CASE_STATES),
    delivery: fc.option(fc.constantFrom('electronic', 'post', 'window')),
  });

  it('an actor with no role in a case never gets an acting role (property)', () => {
    fc.assert(
      fc.property(anyActor, anyParties, (who, theCase) => {
        const roles = caseRolesOf(who, theCase);
        for (const action of CASE_ACTIONS) {
          const role = actingRole(action, roles, theCase);
          if (roles.length === 0) expect(role).toBeNull();
          else if (role !== null) {
            expect(roles).toContain(role);
            expect(ACTION_ROLES[action]).toContain(role);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('handles only inside the officer’s own division, and only for the item’s department (property)', () => {
    fc.assert(
      fc.property(anyActor, anyParties, (who, theCase) => {
        const handling = caseRolesOf(who, theCase).includes('handling');
        const division = who.divisionCode ?? '';
        const inside =
          division === theCase.handlingDivision ||
          (division.endsWith('00') && theCase.handlingDivision.startsWith(division.slice(0, 4)));
        expect(handling).toBe(who.role === 'officer' && who.department === theCase.department && inside);
      }),
      { numRuns: 1000 },
    );
  });
});
