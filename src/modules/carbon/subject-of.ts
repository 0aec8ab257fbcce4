import type { Actor } from '../../kernel/auth';
import type { SubjectType } from './accounts';

/** The carbon subject a logged-in user stands for: a resident for themself, an agent for their enterprise. */
export function subjectOf(actor: Actor): { type: SubjectType; id: string } | null {
  if (!actor.subjectId) return null;
  if (actor.role === 'resident') return { type: 'resident', id: actor.subjectId };
  if (actor.role === 'enterprise_agent') return { type: 'enterprise', id: actor.subjectId };
  return null;
}
