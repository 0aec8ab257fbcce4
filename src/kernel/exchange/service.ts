import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { AuditActor, AuditService } from '../audit';
import { type SanquDatabase, serializeWithinTransaction, tablesOf } from '../db';
import { AppError, notFound } from '../errors';
import { maskResidentId } from '../identity';
import {
  type Consent,
  type ConsentVerdict,
  consentStatus,
  consentVerdict,
  type ExchangeSubject,
  type ExchangeSubjectType,
  expiryProblem,
  type Grantee,
  type GranteeType,
  latestExpiry,
} from './consent';
import { chinaTime, consentRefusal } from './consent-errors';
import type { ExchangeAccessLogTable, ExchangeConsentTable, ExchangeTables } from './exchange.tables';
import type { ExchangeActor } from './exchange-actor';

export interface GrantRequest {
  subject: ExchangeSubject;
  grantee: Grantee;
  purpose: string;
  dataset: string;
  expiresAt: Date;
}

export interface ReadRequest {
  actor: ExchangeActor;
  subject: ExchangeSubject;
  dataset: string;
  purpose: string;
  /** The fields the fetch returns, as the subject will see them listed. */
  fields: readonly string[];
  /** False only where the law itself allows the read (an officer handling the subject's own case). */
  requiresConsent: boolean;
  caseId?: string | null;
  requestId?: string | null;
}

/** 数据使用记录 — one logged read. */
export interface AccessRecord {
  seq: number;
  occurredAt: string;
  actor: ExchangeActor;
  subject: ExchangeSubject;
  dataset: string;
  fields: string[];
  purpose: string;
  consentId: string | null;
  caseId: string | null;
  requestId: string | null;
}

export interface AccessLogPage {
  items: AccessRecord[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: number | null;
}

const toConsent = (row: ExchangeConsentTable): Consent => ({
  id: row.id,
  subject: { type: row.subject_type as ExchangeSubjectType, id: row.subject_id },
  grantee: { type: row.grantee_type as GranteeType, id: row.grantee_id },
  purpose: row.purpose,
  dataset: row.dataset,
  grantedBy: row.granted_by,
  grantedAt: row.granted_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  revokedBy: row.revoked_by,
});

const toRecord = (row: Selectable<ExchangeAccessLogTable>): AccessRecord => ({
  seq: Number(row.seq),
  occurredAt: row.occurred_at,
  actor: { id: row.actor_id, role: row.actor_role, organisation: row.actor_organisation },
  subject: { type: row.subject_type as ExchangeSubjectType, id: row.subject_id },
  dataset: row.dataset,
  fields: JSON.parse(row.fields) as string[],
  purpose: row.purpose,
  consentId: row.consent_id,
  caseId: row.case_id,
  requestId: row.request_id,
});

/**
 * A row as the audit trail may take it: a resident's ID number masked (脱敏), so the entry's digest cannot be
 * matched against guessed ID numbers once the row itself is gone; an enterprise's USCC is public and stays whole.
 */
function forAudit<T extends { subject_type: string; subject_id: string }>(row: T): T {
  return row.subject_type === 'resident' ? { ...row, subject_id: maskResidentId(row.subject_id) } : row;
}

export type ExchangeService = ReturnType<typeof createExchangeService>;

/**
 * 数据共享交换 — consents (授权) and the access log (数据使用记录). Every read of a subject's data by someone else goes
 * through `read`, which checks consent, and logs and audits the read in one transaction before the data is returned.
 */
export function createExchangeService(
  database: SanquDatabase,
  audit: AuditService,
  now: () => Date = () => new Date(),
) {
  const db = tablesOf<ExchangeTables>(database.db);

  /** The consents that could let `actor` read: granted to the actor's organisation or to the user. */
  async function consentsFor(
    from: Kysely<ExchangeTables>,
    actor: ExchangeActor,
    subject: ExchangeSubject,
    dataset: string,
    purpose: string,
  ): Promise<Consent[]> {
    const rows = await from
      .selectFrom('exchange_consents')
      .selectAll()
      .where('subject_type', '=', subject.type)
      .where('subject_id', '=', subject.id)
      .where('dataset', '=', dataset)
      .where('purpose', '=', purpose)
      .where((eb) =>
        eb.or([
          eb.and([eb('grantee_type', '=', 'user'), eb('grantee_id', '=', actor.id)]),
          ...(actor.organisation
            ? [eb.and([eb('grantee_type', '=', 'organisation'), eb('grantee_id', '=', actor.organisation)])]
            : []),
        ]),
      )
      .execute();
    return rows.map(toConsent);
  }

  async function verdictFor(from: Kysely<ExchangeTables>, request: ReadRequest): Promise<ConsentVerdict> {
    const consents = await consentsFor(
      from,
      request.actor,
      request.subject,
      request.dataset,
      request.purpose,
    );
    return consentVerdict(consents, now());
  }

  return {
    /**
     * Records a consent. The expiry is required and at most a year ahead; a second active consent for the same
     * grantee, purpose and dataset is a 409 (revoke it first), so the subject's list never holds duplicates.
     */
    async grant(request: GrantRequest, by: AuditActor, requestId: string | null = null): Promise<Consent> {
      const grantedAt = now();
      const problem = expiryProblem(request.expiresAt, grantedAt);
      if (problem)
        throw new AppError(422, 'INVALID_CONSENT_EXPIRY', 'consentExpiryInvalid', {
          latest: chinaTime(latestExpiry(grantedAt).toISOString()),
        });
      const row: ExchangeConsentTable = {
        id: randomUUID(),
        subject_type: request.subject.type,
        subject_id: request.subject.id,
        grantee_type: request.grantee.type,
        grantee_id: request.grantee.id,
        purpose: request.purpose,
        dataset: request.dataset,
        granted_by: by.id,
        granted_at: grantedAt.toISOString(),
        expires_at: request.expiresAt.toISOString(),
        revoked_at: null,
        revoked_by: null,
      };
      await audit.transaction(db, async (trx) => {
        await serializeWithinTransaction(trx, database.dialect, 'exchange_consents');
        const existing = await trx
          .selectFrom('exchange_consents')
          .selectAll()
          .where('subject_type', '=', row.subject_type)
          .where('subject_id', '=', row.subject_id)
          .where('grantee_type', '=', row.grantee_type)
          .where('grantee_id', '=', row.grantee_id)
          .where('dataset', '=', row.dataset)
          .where('purpose', '=', row.purpose)
          .execute();
        const active = existing.map(toConsent).find((c) => consentStatus(c, grantedAt) === 'active');
        if (active) throw new AppError(409, 'CONSENT_EXISTS', 'consentExists', { id: active.id });
        await trx.insertInto('exchange_consents').values(row).execute();
        await audit.record(trx, {
          actor: by,
          action: 'exchange.consent.grant',
          resourceType: 'exchange_consent',
          resourceId: row.id,
          after: forAudit(row),
          requestId,
        });
      });
      return toConsent(row);
    },

    /** Withdraws a consent of `subject` at once; another subject's consent is a 404, a finished one a 409. */
    async revoke(
      id: string,
      subject: ExchangeSubject,
      by: AuditActor,
      requestId: string | null = null,
    ): Promise<Consent> {
      const revokedAt = now();
      return audit.transaction(db, async (trx) => {
        const row = await trx
          .selectFrom('exchange_consents')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row || row.subject_type !== subject.type || row.subject_id !== subject.id)
          throw notFound('consent', id);
        const before = toConsent(row);
        const status = consentStatus(before, revokedAt);
        if (status !== 'active')
          throw new AppError(
            409,
            'CONSENT_NOT_ACTIVE',
            status === 'revoked' ? 'consentAlreadyRevoked' : 'consentAlreadyExpired',
            { id },
          );
        const changes = { revoked_at: revokedAt.toISOString(), revoked_by: by.id };
        // Conditional, so two concurrent revocations cannot both succeed.
        const updated = await trx
          .updateTable('exchange_consents')
          .set(changes)
          .where('id', '=', id)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1)
          throw new AppError(409, 'CONSENT_NOT_ACTIVE', 'consentAlreadyRevoked', { id });
        await audit.record(trx, {
          actor: by,
          action: 'exchange.consent.revoke',
          resourceType: 'exchange_consent',
          resourceId: id,
          before: forAudit(row),
          after: forAudit({ ...row, ...changes }),
          requestId,
        });
        return toConsent({ ...row, ...changes });
      });
    },

    /** The subject's consents, newest first, optionally for one dataset. */
    async consentsOf(subject: ExchangeSubject, dataset?: string): Promise<Consent[]> {
      let query = db
        .selectFrom('exchange_consents')
        .selectAll()
        .where('subject_type', '=', subject.type)
        .where('subject_id', '=', subject.id);
      if (dataset) query = query.where('dataset', '=', dataset);
      const rows = await query.orderBy('granted_at', 'desc').orderBy('id').execute();
      return rows.map(toConsent);
    },

    /** The consent in force now from `subject` to exactly `grantee` for `purpose` and `dataset`, or null. */
    async activeConsent(
      subject: ExchangeSubject,
      grantee: Grantee,
      purpose: string,
      dataset: string,
    ): Promise<Consent | null> {
      const rows = await db
        .selectFrom('exchange_consents')
        .selectAll()
        .where('subject_type', '=', subject.type)
        .where('subject_id', '=', subject.id)
        .where('grantee_type', '=', grantee.type)
        .where('grantee_id', '=', grantee.id)
        .where('dataset', '=', dataset)
        .where('purpose', '=', purpose)
        .execute();
      const verdict = consentVerdict(rows.map(toConsent), now());
      return verdict.ok ? verdict.consent : null;
    },

    /** The consent that lets `actor` read `dataset` of `subject` for `purpose` now, or why none does. */
    check(actor: ExchangeActor, subject: ExchangeSubject, dataset: string, purpose: string) {
      return verdictFor(db, { actor, subject, dataset, purpose, fields: [], requiresConsent: true });
    },

    /**
     * Reads a subject's data on someone else's behalf: refuses with a 403 naming the reason (no consent, expired,
     * revoked), runs `fetch`, then logs the read and audits it in one transaction, and only then returns the data.
     * `fetch` runs outside that transaction (on SQLite the one connection is busy inside it); consent is checked
     * again inside, so a revocation that lands during the fetch still refuses the read and nothing is returned.
     * @example exchange.read({ actor, subject, dataset: 'carbon.credit_report', purpose: 'loan_assessment',
     *   fields: ['emissions'], requiresConsent: true }, () => buildReport(uscc))
     */
    async read<T>(request: ReadRequest, fetch: () => Promise<T>): Promise<T> {
      if (request.requiresConsent) {
        const verdict = await verdictFor(db, request);
        if (!verdict.ok) throw consentRefusal(verdict, request.dataset, request.purpose);
      }
      const data = await fetch();
      await audit.transaction(db, async (trx) => {
        let consentId: string | null = null;
        if (request.requiresConsent) {
          const verdict = await verdictFor(trx, request);
          if (!verdict.ok) throw consentRefusal(verdict, request.dataset, request.purpose);
          consentId = verdict.consent.id;
        }
        const row = {
          occurred_at: now().toISOString(),
          actor_id: request.actor.id,
          actor_role: request.actor.role,
          actor_organisation: request.actor.organisation,
          subject_type: request.subject.type,
          subject_id: request.subject.id,
          dataset: request.dataset,
          fields: JSON.stringify(request.fields),
          purpose: request.purpose,
          consent_id: consentId,
          case_id: request.caseId ?? null,
          request_id: request.requestId ?? null,
        };
        const { seq } = await trx
          .insertInto('exchange_access_log')
          .values(row)
          .returning('seq')
          .executeTakeFirstOrThrow();
        // The audit entry names the log row; its payload (kept as a digest) has a resident's ID number masked.
        await audit.record(trx, {
          actor: { id: request.actor.id, role: request.actor.role },
          action: 'exchange.read',
          resourceType: 'exchange_access_log',
          resourceId: String(seq),
          after: forAudit(row),
          requestId: request.requestId ?? null,
        });
      });
      return data;
    },

    /** 数据使用记录 — who read the subject's data, newest first, a page at a time. */
    async accessLog(
      subject: ExchangeSubject,
      page: { limit: number; before?: number },
    ): Promise<AccessLogPage> {
      let query = db
        .selectFrom('exchange_access_log')
        .selectAll()
        .where('subject_type', '=', subject.type)
        .where('subject_id', '=', subject.id);
      if (page.before !== undefined) query = query.where('seq', '<', page.before);
      const rows = await query
        .orderBy('seq', 'desc')
        .limit(page.limit + 1)
        .execute();
      const items = rows.slice(0, page.limit).map(toRecord);
      return { items, next: rows.length > page.limit ? (items.at(-1)?.seq ?? null) : null };
    },
  };
}
