import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPolicy } from './policy';
import { type Actor, ROLES, type Role } from './roles';

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({
  id: `u-${role}`,
  username: role,
  displayName: role,
  role,
  department: null,
  divisionCode: null,
  subjectId: null,
  ...extra,
});

const can = createPolicy([
  { action: 'case.handle', roles: ['officer'], scope: 'jurisdiction' },
  { action: 'grant.approve', roles: ['officer'], scope: 'jurisdiction', departments: ['economy'] },
  { action: 'score.read', roles: ['resident'], scope: 'own' },
  { action: 'score.read', roles: ['officer'], scope: 'jurisdiction' },
  { action: 'user.create', roles: ['admin'], scope: 'any' },
]);

describe('can(actor, action, resource)', () => {
  const changshan = actor('officer', { divisionCode: '330822', department: 'economy' });
  const city = actor('officer', { divisionCode: '330800', department: 'services' });

  it('scopes an officer to their jurisdiction', () => {
    expect(can(changshan, 'case.handle', { type: 'case', divisionCode: '330822104201' })).toBe(true);
    expect(can(changshan, 'case.handle', { type: 'case', divisionCode: '330824101201' })).toBe(false);
    expect(can(city, 'case.handle', { type: 'case', divisionCode: '330824101201' })).toBe(true);
    expect(can(city, 'case.handle', { type: 'case', divisionCode: '341002' })).toBe(false);
    expect(can(changshan, 'case.handle', { type: 'case' })).toBe(false);
  });

  it('limits by department when a rule names departments', () => {
    expect(can(changshan, 'grant.approve', { type: 'grant', divisionCode: '330822' })).toBe(true);
    expect(can(city, 'grant.approve', { type: 'grant', divisionCode: '330822' })).toBe(false);
  });

  it('lets a resident read only their own', () => {
    const resident = actor('resident', { subjectId: '330822199001011234' });
    expect(can(resident, 'score.read', { type: 'score', ownerId: '330822199001011234' })).toBe(true);
    expect(can(resident, 'score.read', { type: 'score', ownerId: '330822199001015678' })).toBe(false);
    expect(can(resident, 'score.read', { type: 'score', ownerId: null })).toBe(false);
  });

  it('denies by default: unknown actions, anonymous actors and roles not named', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), fc.string(), (role, action) => {
        expect(can(actor(role), `unknown.${action}`, { type: 'x' })).toBe(false);
        expect(can(null, 'user.create', { type: 'user' })).toBe(false);
        expect(can(actor(role), 'user.create', { type: 'user' })).toBe(role === 'admin');
      }),
    );
  });
});
