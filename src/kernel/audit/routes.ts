import { Type } from '@sinclair/typebox';
import { authorize } from '../../http/authentication';
import { errorResponses } from '../../http/schemas';
import type { Can } from '../auth';
import type { SanquApp } from '../module';
import type { AuditService } from './service';

/** /api/v1/audit: verify the hash chain (auditors and admins). */
export async function auditRoutes(app: SanquApp, audit: AuditService, can: Can) {
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
