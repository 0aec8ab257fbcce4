import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { allowedActions, defineWorkflow, nextState, transitionTarget } from './state-machine';

const approval = defineWorkflow({
  name: 'approval',
  states: ['submitted', 'review', 'approved', 'denied'] as const,
  final: ['approved', 'denied'] as const,
  transitions: [
    { action: 'accept', from: ['submitted'], to: 'review' },
    { action: 'approve', from: ['review'], to: 'approved' },
    { action: 'deny', from: ['submitted', 'review'], to: 'denied' },
  ] as const,
});

describe('workflow', () => {
  it('moves along the defined transitions', () => {
    expect(nextState(approval, 'submitted', 'accept')).toBe('review');
    expect(nextState(approval, 'review', 'approve')).toBe('approved');
    expect(allowedActions(approval, 'submitted')).toEqual(['accept', 'deny']);
    expect(allowedActions(approval, 'approved')).toEqual([]);
  });

  it('refuses a transition not allowed from the state with a 409 naming the allowed ones', () => {
    expect(transitionTarget(approval, 'submitted', 'approve')).toBeNull();
    try {
      nextState(approval, 'submitted', 'approve');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        status: 409,
        code: 'TRANSITION_NOT_ALLOWED',
        params: { allowed: 'accept, deny' },
      });
    }
  });

  it('rejects definitions with unknown states, exits from final states or ambiguous actions', () => {
    const base = { name: 'x', states: ['a', 'b'], final: ['b'] };
    expect(() => defineWorkflow({ ...base, transitions: [{ action: 'go', from: ['a'], to: 'c' }] })).toThrow(
      /unknown state "c"/,
    );
    expect(() => defineWorkflow({ ...base, transitions: [{ action: 'go', from: ['b'], to: 'a' }] })).toThrow(
      /final state/,
    );
    expect(() =>
      defineWorkflow({
        ...base,
        transitions: [
          { action: 'go', from: ['a'], to: 'b' },
          { action: 'go', from: ['a'], to: 'a' },
        ],
      }),
    ).toThrow(/ambiguous/);
  });
});
