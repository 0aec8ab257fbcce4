/** Case state machines and statutory deadlines (SLA) on the working-day calendar. */

export {
  type Pause,
  pausedDays,
  type SlaClock,
  type SlaState,
  type SlaStatus,
  slaStatus,
  WARNING_SHARE,
  warningDay,
} from './sla';
export {
  allowedActions,
  defineWorkflow,
  nextState,
  type Transition,
  transitionTarget,
  type Workflow,
} from './state-machine';
