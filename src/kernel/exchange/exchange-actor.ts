import type { Actor } from '../auth';

/** Who reads through the exchange, as the access log records them. */
export interface ExchangeActor {
  id: string;
  role: string;
  /** The body the user acts for: a bank's or enterprise's USCC, a village code, or `<division>/<department>`. */
  organisation: string | null;
}

/**
 * The exchange's view of a logged-in user. Banks, enterprises and collectives act for the body in `subjectId`;
 * an officer acts for their department in their division; a resident acts for nobody but themself.
 */
export function exchangeActorOf(actor: Actor): ExchangeActor {
  const { id, role } = actor;
  if (role === 'officer')
    return {
      id,
      role,
      organisation:
        actor.divisionCode && actor.department ? `${actor.divisionCode}/${actor.department}` : null,
    };
  if (role === 'bank' || role === 'enterprise_agent' || role === 'collective')
    return { id, role, organisation: actor.subjectId };
  return { id, role, organisation: null };
}
