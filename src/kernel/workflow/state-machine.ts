import { AppError } from '../errors';

/** One transition: `action` moves a case from any of `from` to `to`. */
export interface Transition<State extends string, Action extends string> {
  action: Action;
  from: readonly State[];
  to: State;
}

/** A case state machine: its states, which are final, and its transitions. Pure data. */
export interface Workflow<State extends string, Action extends string> {
  name: string;
  states: readonly State[];
  final: readonly State[];
  transitions: readonly Transition<State, Action>[];
}

/**
 * Checks a workflow once, where it is defined: every state named in a transition exists, final states have no
 * way out, and no action leads two ways from one state (so `nextState` is a function).
 */
export function defineWorkflow<State extends string, Action extends string>(
  workflow: Workflow<State, Action>,
): Workflow<State, Action> {
  const known = new Set<string>(workflow.states);
  const seen = new Set<string>();
  for (const transition of workflow.transitions) {
    for (const state of [...transition.from, transition.to])
      if (!known.has(state))
        throw new Error(`${workflow.name}: unknown state "${state}" in "${transition.action}"`);
    for (const state of transition.from) {
      if (workflow.final.includes(state))
        throw new Error(`${workflow.name}: "${transition.action}" leaves the final state "${state}"`);
      const key = `${state} ${transition.action}`;
      if (seen.has(key))
        throw new Error(`${workflow.name}: "${transition.action}" is ambiguous from "${state}"`);
      seen.add(key);
    }
  }
  return workflow;
}

/** The actions allowed from `state`, in definition order. */
export function allowedActions<State extends string, Action extends string>(
  workflow: Workflow<State, Action>,
  state: State,
): Action[] {
  return workflow.transitions.filter((t) => t.from.includes(state)).map((t) => t.action);
}

/** Where `action` leads from `state`, or null when it is not allowed there. */
export function transitionTarget<State extends string, Action extends string>(
  workflow: Workflow<State, Action>,
  state: State,
  action: Action,
): State | null {
  return workflow.transitions.find((t) => t.action === action && t.from.includes(state))?.to ?? null;
}

/**
 * Where `action` leads from `state`; a 409 TRANSITION_NOT_ALLOWED naming the state and the actions that are
 * allowed there when it does not.
 */
export function nextState<State extends string, Action extends string>(
  workflow: Workflow<State, Action>,
  state: State,
  action: Action,
): State {
  const target = transitionTarget(workflow, state, action);
  if (target === null)
    throw new AppError(409, 'TRANSITION_NOT_ALLOWED', 'transitionNotAllowed', {
      action,
      state,
      allowed: allowedActions(workflow, state).join(', ') || '—',
    });
  return target;
}
