import { Type } from '@sinclair/typebox';
import { authorize } from '../../http/authentication';
import { errorResponses } from '../../http/schemas';
import type { Can } from '../auth';
import type { SanquApp } from '../module';
import type { AuditService } from './service';

const AuditEntrySchema = Type.Object({
  seq: Type.Integer(),
  occurredAt: Type.String({ format: 'date-time' }),
  actorId: Type.Union([Type.String(), Type.Null()], {
    description: 'null: the system (seed, scheduled jobs)',
  }),
  actorName: Type.Union([Type.String(), Type.Null()], {
    description: 'The actor’s username; null for the system',
  }),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  resourceType: Type.String(),
  resourceId: Type.String(),
  beforeDigest: Type.Union([Type.String(), Type.Null()], { description: 'SHA-256 of the state before' }),
  afterDigest: Type.Union([Type.String(), Type.Null()], { description: 'SHA-256 of the state after' }),
  requestId: Type.Union([Type.String(), Type.Null()]),
  hash: Type.String(),
});

const CODE = '^[a-z][a-z0-9_]*$';

/**
 * /api/v1/audit: read the trail and verify its hash chain (auditors and admins). `usernamesOf` names the actors
 * (the trail stores user ids; the auth kernel knows their usernames).
 */
export async function auditRoutes(
  app: SanquApp,
  audit: AuditService,
  can: Can,
  usernamesOf: (ids: readonly string[]) => Promise<Map<string, string>>,
) {
  app.get(
    '/entries',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first, filtered and a page at a time',
        querystring: Type.Object(
          {
            resourceType: Type.Optional(Type.String({ pattern: CODE, maxLength: 64 })),
            resourceId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            action: Type.Optional(
              Type.String({
                pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.?$',
                maxLength: 120,
                description: 'An action (credit.dispute.decide) or a prefix ending in a dot (credit.)',
              }),
            ),
            actorId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            from: Type.Optional(Type.String({ format: 'date-time', description: 'Inclusive' })),
            to: Type.Optional(Type.String({ format: 'date-time', description: 'Exclusive' })),
            before: Type.Optional(
              Type.Integer({ minimum: 1, description: "Cursor: the seq of the previous page's last entry" }),
            ),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            entries: Type.Array(AuditEntrySchema),
            next: Type.Union([Type.Integer(), Type.Null()], {
              description: 'Pass as `before` for the next page',
            }),
          }),
          ...errorResponses(401, 403, 422),
        },
      },
    },
    async (request) => {
      authorize(request, can, 'audit.read', { type: 'audit_log' });
      const { from, to, ...rest } = request.query;
      const limit = rest.limit ?? 100;
      const rows = await audit.entries({
        ...rest,
        // Stored instants are UTC ISO strings: the bounds are compared as such.
        ...(from === undefined ? {} : { from: new Date(from).toISOString() }),
        ...(to === undefined ? {} : { to: new Date(to).toISOString() }),
        limit,
      });
      const names = await usernamesOf(rows.flatMap((row) => (row.actor_id === null ? [] : [row.actor_id])));
      return {
        entries: rows.map((row) => ({
          seq: row.seq,
          occurredAt: row.occurred_at,
          actorId: row.actor_id,
          actorName: row.actor_id === null ? null : (names.get(row.actor_id) ?? null),
          actorRole: row.actor_role,
          action: row.action,
          resourceType: row.resource_type,
          resourceId: row.resource_id,
          beforeDigest: row.before_digest,
          afterDigest: row.after_digest,
          requestId: row.request_id,
          hash: row.hash,
        })),
        next: rows.length === limit ? rows.at(-1)!.seq : null,
      };
    },
  );

  app.get(
    '/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Walk the audit hash chain and report the first broken row',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            rows: Type.Integer(),
            seq: Type.Optional(Type.Integer()),
            reason: Type.Optional(Type.String()),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      authorize(request, can, 'audit.verify', { type: 'audit_log' });
      return audit.verify();
    },
  );
}
