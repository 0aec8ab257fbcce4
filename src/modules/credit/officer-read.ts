import type { FastifyRequest } from 'fastify';
import { authorize, requireActor } from '../../http/authentication';
import type { Actor } from '../../kernel/auth';
import { AppError, notFound } from '../../kernel/errors';
import type { Platform } from '../../platform';

/**
 * The resident an officer asks to read one person's credit data about: a 404 that shows only the ID's division
 * part when the register has no such person, then `action` authorised against the resident's division; only
 * officers pass (the resident reads their own through /me).
 */
export async function residentForOfficer(
  request: FastifyRequest,
  platform: Platform,
  residentId: string,
  action: string,
  type: string,
): Promise<{ actor: Actor; residentId: string }> {
  const actor = requireActor(request);
  const resident = await platform.registry.getResident(residentId);
  if (!resident) throw notFound('resident', residentId.slice(0, 6));
  authorize(request, platform.can, action, {
    type,
    divisionCode: resident.divisionCode,
    ownerId: resident.residentId,
  });
  if (actor.role !== 'officer') throw new AppError(403, 'FORBIDDEN', 'forbidden');
  return { actor, residentId: resident.residentId };
}
