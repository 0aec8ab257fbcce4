import type { Actor } from '../../kernel/auth';
import { type HolidayCalendar, loadHolidayCalendar, shanghaiDate } from '../../kernel/calendar';
import { type SanquDatabase, tablesOf } from '../../kernel/db';
import { type ExchangeService, exchangeActorOf } from '../../kernel/exchange';
import { maskResidentId } from '../../kernel/identity';
import { allowedActions, type SlaStatus, slaStatus } from '../../kernel/workflow';
import { type CaseRecord, overVisits, toCase } from './case-record';
import { actingRole, type CaseParties } from './case-roles';
import type { CaseService } from './case-service';
import { applicantRecipient, officeRecipient } from './case-store';
import { type CaseAction, type CaseRole, caseWorkflow } from './case-workflow';
import type { ItemDefinition } from './catalogue';
import type { ServicesTables } from './services.tables';

/** One step of the timeline as anyone with a role in the case sees it (who by role and office, not by name). */
export interface TimelineStep {
  at: string;
  action: string;
  fromState: string | null;
  toState: string;
  actorRole: string;
  actorOffice: string | null;
  visit: boolean;
  detail: Record<string, unknown>;
}

export interface CaseMaterialView {
  key: string;
  source: 'applicant' | 'registry';
  fileName: string | null;
  mediaType: string | null;
  size: number | null;
  /** The fetched fields, for those whose role needs them (applicant, deciding and joint departments). */
  proof: Record<string, unknown> | null;
}

export interface CaseView {
  record: CaseRecord;
  roles: CaseRole[];
  item: ItemDefinition;
  /** Where the clock stands today; null before acceptance and after the decision. */
  sla: SlaStatus | null;
  /** The actions this viewer may take now. */
  actions: CaseAction[];
  materials: CaseMaterialView[];
  opinions: { department: string; opinion: string; reason: string; at: string }[];
  timeline: TimelineStep[];
  /** True when the case cost more visits than the item promises (最多跑一次 broken). */
  overVisits: boolean;
}

/** A resident applicant's ID masked (脱敏); an enterprise's USCC is public. */
const maskApplicant = (record: CaseRecord) =>
  record.applicantType === 'resident' ? maskResidentId(record.applicantId) : record.applicantId;

/** Roles that need the registry proofs to decide; a receiving window checks form and identity only. */
const PROOF_ROLES: readonly CaseRole[] = ['applicant', 'handling', 'joint'];
/** Roles that see the applicant's full ID number: the applicant, the window that checks it, the deciding office. */
const FULL_ID_ROLES: readonly CaseRole[] = ['applicant', 'receiving', 'handling'];

/**
 * A case as one viewer may see it: the applicant everything; the receiving window the form, identity and uploads;
 * the deciding and joint departments also the fetched proofs — each such read by an officer is logged on the
 * exchange for the applicant's 数据使用记录; the supervisor the progress only, ID masked.
 */
export function createCaseViewService(
  database: SanquDatabase,
  cases: CaseService,
  exchange: ExchangeService,
  now: () => Date,
  calendar: () => HolidayCalendar = loadHolidayCalendar,
) {
  const db = tablesOf<ServicesTables>(database.db);

  function slaOf(record: CaseRecord): SlaStatus | null {
    if (!record.acceptedOn || !['accepted', 'in_review', 'suspended'].includes(record.state)) return null;
    try {
      return slaStatus(
        calendar(),
        { startedOn: record.acceptedOn, limitDays: record.limitDays, pauses: record.pauses },
        shanghaiDate(now()),
      );
    } catch {
      return null; // a year without holiday data: the deadline columns still show the due date
    }
  }

  return {
    slaOf,

    async view(actor: Actor, caseId: string, requestId: string | null = null): Promise<CaseView> {
      const { record, roles, item } = await cases.access(actor, caseId);
      const seesProofs = roles.some((role) => PROOF_ROLES.includes(role));
      const [materialRows, opinionRows, eventRows] = await Promise.all([
        db
          .selectFrom('services_case_materials')
          .selectAll()
          .where('case_id', '=', caseId)
          .orderBy('material_key')
          .execute(),
        db.selectFrom('services_opinions').selectAll().where('case_id', '=', caseId).orderBy('at').execute(),
        db
          .selectFrom('services_case_events')
          .selectAll()
          .where('case_id', '=', caseId)
          .orderBy('seq')
          .execute(),
      ]);
      const proofRows = materialRows.filter((row) => row.source === 'registry' && row.proof);
      const load = () =>
        Promise.resolve(
          materialRows.map<CaseMaterialView>((row) => ({
            key: row.material_key,
            source: row.source as CaseMaterialView['source'],
            fileName: row.file_name,
            mediaType: row.media_type,
            size: row.size,
            proof: seesProofs && row.proof ? (JSON.parse(row.proof) as Record<string, unknown>) : null,
          })),
        );
      // An officer reading the proofs is a read of the applicant's data: logged, with the case, no consent needed
      // (the law lets the handling office read what the case declares).
      const officerReadsProofs = seesProofs && !roles.includes('applicant') && proofRows.length > 0;
      const materials = officerReadsProofs
        ? await exchange.read(
            {
              actor: exchangeActorOf(actor),
              subject: { type: record.applicantType, id: record.applicantId },
              dataset: 'services.case_proofs',
              purpose: `services.case:${caseId}`,
              fields: proofRows.map((row) => row.material_key),
              requiresConsent: false,
              caseId,
              requestId,
            },
            load,
          )
        : await load();
      const parties = (delivery: string | null): CaseParties => ({
        applicantId: record.applicantId,
        department: record.department,
        jointDepartments: item.jointDepartments,
        handlingDivision: record.handlingDivision,
        receivingDivision: record.receivingDivision,
        mode: record.mode,
        channel: record.channel,
        state: record.state,
        delivery,
      });
      // Delivery depends on how: offer it when this viewer may deliver in at least one of the item's ways.
      const actions = allowedActions(caseWorkflow, record.state).filter((action) =>
        action === 'deliver'
          ? item.result.delivery.some((way) => actingRole(action, roles, parties(way)) !== null)
          : actingRole(action, roles, parties(record.delivery)) !== null,
      );
      const showId = roles.some((role) => FULL_ID_ROLES.includes(role));
      return {
        record: showId ? record : { ...record, applicantId: maskApplicant(record), form: {} },
        roles,
        item,
        sla: slaOf(record),
        actions,
        materials,
        opinions: opinionRows.map((row) => ({
          department: row.department,
          opinion: row.opinion,
          reason: row.reason,
          at: row.at,
        })),
        timeline: eventRows.map((row) => ({
          at: row.at,
          action: row.action,
          fromState: row.from_state,
          toState: row.to_state,
          actorRole: row.actor_role,
          actorOffice:
            row.actor_division && row.actor_department
              ? `${row.actor_division}/${row.actor_department}`
              : null,
          visit: row.visit === 1,
          detail: JSON.parse(row.detail) as Record<string, unknown>,
        })),
        overVisits: overVisits(record),
      };
    },

    /** Notices about the user's cases (applicant) or their office's (officer), newest first. */
    async notices(actor: Actor) {
      const recipient =
        actor.role === 'officer'
          ? officeRecipient(actor.divisionCode ?? '', actor.department ?? '')
          : actor.subjectId
            ? applicantRecipient({ applicantId: actor.subjectId })
            : null;
      if (!recipient) return [];
      const rows = await db
        .selectFrom('services_notices')
        .selectAll()
        .where('recipient', '=', recipient)
        .orderBy('id', 'desc')
        .limit(50)
        .execute();
      return rows.map((row) => ({
        id: Number(row.id),
        caseId: row.case_id,
        kind: row.kind,
        createdAt: row.created_at,
        read: row.read_at !== null,
      }));
    },

    /** The applicant's own cases, newest first. */
    async mine(actor: Actor, limit = 50): Promise<CaseRecord[]> {
      if (!actor.subjectId) return [];
      const rows = await db
        .selectFrom('services_cases')
        .selectAll()
        .where('applicant_id', '=', actor.subjectId)
        .orderBy('submitted_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toCase);
    },
  };
}
