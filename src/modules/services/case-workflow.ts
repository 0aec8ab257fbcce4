import { defineWorkflow } from '../../kernel/workflow';

/**
 * 办件流程 — the life of a case: 申请 → 预审 (materials complete, acceptance conditions) → 受理, or 退回 with every
 * problem listed at once (一次性告知) → 审查 → 办结 (准予 / 不予) → 送达. 异地代收代办 adds 转交: the receiving
 * window checks form and identity and forwards the file; the handling department accepts and decides.
 */
export const CASE_STATES = [
  'submitted',
  'returned',
  'forwarded',
  'accepted',
  'in_review',
  'suspended',
  'approved',
  'denied',
  'delivered',
  'withdrawn',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_ACTIONS = [
  'accept',
  'return',
  'resubmit',
  'forward',
  'claim',
  'transfer',
  'request_supplement',
  'supplement',
  'approve',
  'deny',
  'deliver',
  'withdraw',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const caseWorkflow = defineWorkflow<CaseState, CaseAction>({
  name: 'services.case',
  states: CASE_STATES,
  final: ['denied', 'delivered', 'withdrawn'],
  transitions: [
    { action: 'accept', from: ['submitted', 'forwarded'], to: 'accepted' },
    { action: 'return', from: ['submitted', 'forwarded'], to: 'returned' },
    { action: 'resubmit', from: ['returned'], to: 'submitted' },
    { action: 'forward', from: ['submitted'], to: 'forwarded' },
    { action: 'claim', from: ['accepted'], to: 'in_review' },
    { action: 'transfer', from: ['accepted', 'in_review'], to: 'accepted' },
    { action: 'request_supplement', from: ['in_review'], to: 'suspended' },
    { action: 'supplement', from: ['suspended'], to: 'in_review' },
    { action: 'approve', from: ['in_review'], to: 'approved' },
    { action: 'deny', from: ['submitted', 'forwarded', 'in_review'], to: 'denied' },
    { action: 'deliver', from: ['approved'], to: 'delivered' },
    {
      action: 'withdraw',
      from: ['submitted', 'returned', 'forwarded', 'accepted', 'in_review', 'suspended'],
      to: 'withdrawn',
    },
  ],
});

/** States in which the statutory clock runs (from acceptance until the decision). */
export const CLOCK_STATES: readonly CaseState[] = ['accepted', 'in_review', 'suspended'];
/** States an office still has to act on. */
export const OPEN_STATES: readonly CaseState[] = [
  'submitted',
  'forwarded',
  'accepted',
  'in_review',
  'suspended',
  'approved',
];

/**
 * What part a user plays in one case. An officer may play several (a county window clerk of the handling county
 * is both receiving window and supervisor of its cases).
 * - applicant: the resident or enterprise the case is for;
 * - receiving: the window (政务服务 department) where the case came in, for window and 异地代收代办 cases;
 * - handling: the item's department in the handling division — the only one that accepts and decides;
 * - joint: another department that must give its opinion on a 多地联办 case;
 * - supervisor: the handling city's 政务服务 office, which overdue cases escalate to.
 */
export type CaseRole = 'applicant' | 'receiving' | 'handling' | 'joint' | 'supervisor';

/** Which role may take each action. `return` and `deny` at pre-check belong to the handling department too. */
export const ACTION_ROLES: Readonly<Record<CaseAction, readonly CaseRole[]>> = {
  accept: ['handling'],
  return: ['handling', 'receiving'],
  resubmit: ['applicant', 'receiving'],
  forward: ['receiving'],
  claim: ['handling'],
  transfer: ['handling'],
  request_supplement: ['handling'],
  supplement: ['applicant', 'receiving'],
  approve: ['handling'],
  deny: ['handling'],
  deliver: ['handling', 'receiving'],
  withdraw: ['applicant'],
};

/** A window officer acting for the applicant in person means a visit (跑一次). */
export const isVisit = (action: CaseAction, role: CaseRole): boolean =>
  role === 'receiving' && ['resubmit', 'supplement', 'deliver'].includes(action);
