import type { Actor } from '../../kernel/auth';
import { AppError } from '../../kernel/errors';
import { type ExchangeService, exchangeActorOf } from '../../kernel/exchange';
import { ELIGIBILITY_DATASET, ELIGIBILITY_PURPOSE } from './measure-service';
import type { Measure } from './measures';
import type { RecordService } from './record-service';
import type { ScoreService } from './score-service';

/** Why an officer reads a resident's credit data; the resident sees it in their data-use log. */
export const OFFICER_PURPOSES = ['record_verification', 'credit_administration'] as const;
export type OfficerPurpose = (typeof OFFICER_PURPOSES)[number];

/**
 * Reads of a resident's credit data by anyone but the resident go through the exchange: logged with who, why
 * and which fields, and listed for the resident (数据使用记录). An officer reads only their department's record
 * types (the records service filters); the law allows these reads without consent, so none is asked.
 */
export function createCreditAccessService(
  exchange: ExchangeService,
  records: RecordService,
  scores: ScoreService,
) {
  const subject = (residentId: string) => ({ type: 'resident' as const, id: residentId.toUpperCase() });

  return {
    /** The records of the officer's department about one resident. */
    recordsForOfficer(actor: Actor, residentId: string, purpose: OfficerPurpose, requestId: string | null) {
      return exchange.read(
        {
          actor: exchangeActorOf(actor),
          subject: subject(residentId),
          dataset: 'credit.records',
          purpose,
          fields: ['type', 'quantity', 'occurredOn', 'validUntil', 'status', 'evidenceRef'],
          requiresConsent: false,
          requestId,
        },
        async () => (await records.ofResident(residentId)).filter((r) => r.department === actor.department),
      );
    },

    /** A resident's score as the credit office (信用办) sees it: number, tier and model, not the records. */
    scoreForOfficer(actor: Actor, residentId: string, purpose: OfficerPurpose, requestId: string | null) {
      return exchange.read(
        {
          actor: exchangeActorOf(actor),
          subject: subject(residentId),
          dataset: 'credit.score',
          purpose,
          fields: ['score', 'tier', 'modelVersion'],
          requiresConsent: false,
          requestId,
        },
        async () => {
          const { model: _, ...view } = await scores.current(residentId);
          return view;
        },
      );
    },

    /** The officer handling a dispute reads the disputed record: logged with the case id. */
    recordForCase<T>(
      actor: Actor,
      residentId: string,
      caseId: string,
      fetch: () => Promise<T>,
      requestId: string | null,
    ) {
      return exchange.read(
        {
          actor: exchangeActorOf(actor),
          subject: subject(residentId),
          dataset: 'credit.records',
          purpose: 'credit_dispute',
          fields: ['type', 'quantity', 'occurredOn', 'validUntil', 'status', 'evidenceRef', 'reason'],
          requiresConsent: false,
          caseId,
          requestId,
        },
        fetch,
      );
    },

    /** The resident consents to one provider asking about its measures (at most a year, revocable at once). */
    async grantEligibility(
      actor: Actor,
      providerId: string,
      expiresAt: Date,
      measures: readonly Measure[],
      requestId: string | null,
    ) {
      if (!measures.some((m) => m.providerId === providerId))
        throw new AppError(422, 'UNKNOWN_PROVIDER', 'creditUnknownProvider', { id: providerId });
      return exchange.grant(
        {
          subject: subject(actor.subjectId!),
          grantee: { type: 'organisation', id: providerId },
          purpose: ELIGIBILITY_PURPOSE,
          dataset: ELIGIBILITY_DATASET,
          expiresAt,
        },
        { id: actor.id, role: actor.role },
        requestId,
      );
    },

    revokeEligibility: (actor: Actor, consentId: string, requestId: string | null) =>
      exchange.revoke(consentId, subject(actor.subjectId!), { id: actor.id, role: actor.role }, requestId),

    consentsOf: (residentId: string) => exchange.consentsOf(subject(residentId), ELIGIBILITY_DATASET),

    accessLogOf: (residentId: string, page: { limit: number; before?: number }) =>
      exchange.accessLog(subject(residentId), page),
  };
}
