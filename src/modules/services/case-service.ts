import type { AuditService } from '../../kernel/audit';
import type { Actor, AuthService } from '../../kernel/auth';
import { type HolidayCalendar, loadHolidayCalendar } from '../../kernel/calendar';
import { type SanquDatabase, tablesOf } from '../../kernel/db';
import type { DivisionService } from '../../kernel/divisions';
import { AppError, notFound } from '../../kernel/errors';
import type { ExchangeService, ProviderDirectory } from '../../kernel/exchange';
import type { RegistryService } from '../../modules/registry';
import { createApplicationService } from './application-service';
import {
  applicantFactsOrThrow,
  checkUploads,
  intakeOutcome,
  SYSTEM_ACTOR,
  systemContext,
  uploadRows,
} from './case-papers';
import type { CaseRecord } from './case-record';
import { caseRolesOf } from './case-roles';
import { noticesFor, partiesOf, prepareStep, type StepDependencies, withCalendar } from './case-steps';
import { applicantRecipient, type CaseStep, loadCase, officeRecipient, saveCase } from './case-store';
import { type ActionInput, transition } from './case-transition';
import type { CaseAction, CaseRole } from './case-workflow';
import type { ItemDefinition } from './catalogue';
import type { ItemService } from './item-service';
import { precheck } from './precheck';
import type { Proofs } from './proofs';
import type { ServicesTables } from './services.tables';

export type CaseService = ReturnType<typeof createCaseService>;

/**
 * 办件 — applications (application-service.ts) and every later step: one by one (`act`), 会签 opinions, and the
 * role check behind every read of a case (`access`).
 */
export function createCaseService(
  database: SanquDatabase,
  audit: AuditService,
  exchange: ExchangeService,
  directory: ProviderDirectory,
  items: ItemService,
  registry: RegistryService,
  auth: Pick<AuthService, 'findByUsername'>,
  divisions: DivisionService,
  now: () => Date,
  calendar: () => HolidayCalendar = loadHolidayCalendar,
) {
  const db = tablesOf<ServicesTables>(database.db);
  const counties = (city: string) => divisions.counties(city).map((d) => d.code);

  /** Where the register has the applicant now (county), for the conditions' `applicant.registeredCity`. */
  async function registeredCountyOf(record: CaseRecord): Promise<string | null> {
    if (record.applicantType === 'resident')
      return (await registry.getResident(record.applicantId))?.divisionCode.slice(0, 6) ?? null;
    return (await registry.getEnterprise(record.applicantId))?.countyCode ?? null;
  }

  const stepDependencies: StepDependencies = { items, auth, counties, calendar };
  const applications = createApplicationService(
    database,
    audit,
    exchange,
    directory,
    items,
    registry,
    divisions,
    now,
    calendar,
  );
  /**
   * The corrected form and new uploads of a resubmission or supplement, checked like an application's (unknown or
   * malformed fields are a 422), with what the pre-check needs: all uploads so far and the stored proofs.
   */
  async function applicantPapers(
    actor: Actor,
    record: CaseRecord,
    item: ItemDefinition,
    input: { form?: Record<string, unknown>; materials?: Record<string, string> },
  ) {
    const form = { ...record.form, ...(input.form ?? {}) };
    const unknownFields = Object.keys(input.form ?? {}).filter(
      (key) => !item.form.some((f) => f.key === key),
    );
    if (unknownFields.length > 0)
      throw new AppError(422, 'UNKNOWN_FORM_FIELD', 'serviceUnknownFormField', {
        fields: unknownFields.join(', '),
      });
    const uploads = await checkUploads(db, actor, item, input.materials ?? {});
    const stored = await db
      .selectFrom('services_case_materials')
      .select(['material_key', 'source', 'proof'])
      .where('case_id', '=', record.id)
      .execute();
    const proofs: Proofs = new Map();
    for (const row of stored) {
      const material = item.materials.find((m) => m.key === row.material_key);
      if (material?.source === 'registry' && row.source === 'registry')
        proofs.set(material.dataset, row.proof ? JSON.parse(row.proof) : null);
    }
    const uploaded = new Set([
      ...stored.filter((row) => row.source === 'applicant').map((row) => row.material_key),
      ...uploads.keys(),
    ]);
    const check = { form, uploaded, consent: record.consent, proofs };
    const formProblems = precheck(item, {
      ...check,
      applicant: applicantFactsOrThrow(record, now(), await registeredCountyOf(record)),
    }).filter((p) => p.kind === 'form');
    if (formProblems.length > 0)
      throw new AppError(
        422,
        'FORM_INVALID',
        'serviceFormInvalid',
        { count: formProblems.length },
        formProblems.map((p) => ({ path: `form.${p.key}`, message: p.message.en })),
      );
    return { form, uploads, check };
  }

  return {
    submit: applications.submit,

    /**
     * One step by an officer or the applicant. 404 when the case is none of the actor's business, 403 when their
     * role in it may not take this action, 409 when the state does not allow it (or someone acted first), 422 for
     * bad input or a deadline in a year without holiday data. The step, its notices and its audit entry are one
     * transaction.
     */
    async act(
      actor: Actor,
      caseId: string,
      action: CaseAction,
      input: ActionInput & {
        expectedVersion?: number;
        form?: Record<string, unknown>;
        materials?: Record<string, string>;
      },
      requestId: string | null = null,
    ): Promise<CaseRecord> {
      const record = await loadCase(database.db, caseId);
      const at = now();
      const { item, role, next, detail, visit } = await prepareStep(
        stepDependencies,
        database.db,
        actor,
        record,
        action,
        input,
        at,
      );
      // Resubmission and supplement bring a corrected form and new uploads; a resubmission is pre-checked again.
      const papers =
        action === 'resubmit' || action === 'supplement'
          ? await applicantPapers(actor, record, item, input)
          : null;
      if (papers) next.form = papers.form;
      let followUp: { record: CaseRecord; step: CaseStep; notice: string } | null = null;
      if (action === 'resubmit' && papers) {
        const problems = precheck(item, {
          ...papers.check,
          applicant: applicantFactsOrThrow(record, at, await registeredCountyOf(record)),
        });
        const outcome = intakeOutcome(item, next, problems);
        if (outcome === 'returned')
          followUp = {
            record: { ...next, state: 'returned', returnReasons: problems, rowVersion: next.rowVersion + 1 },
            step: { action: 'return', fromState: 'submitted', visit: false, detail: { reasons: problems } },
            notice: 'returned',
          };
        else if (outcome === 'accepted') {
          const accepted = withCalendar(() =>
            transition(next, 'accept', 'handling', {}, { ...systemContext(at, item), calendar: calendar() }),
          );
          followUp = {
            record: accepted.next,
            step: { action: 'accept', fromState: 'submitted', visit: false, detail: accepted.detail },
            notice: 'accepted',
          };
        }
      }
      const notices = noticesFor(action, role, next);
      await audit.transaction(db, async (trx) => {
        await saveCase(
          trx,
          audit,
          actor,
          record,
          next,
          { action, fromState: record.state, visit, detail: { ...detail, role } },
          notices,
          requestId,
        );
        if (papers && papers.uploads.size > 0) {
          const rows = uploadRows(caseId, papers.uploads, at.toISOString());
          const tables = tablesOf<ServicesTables>(trx);
          await tables
            .deleteFrom('services_case_materials')
            .where('case_id', '=', caseId)
            .where(
              'material_key',
              'in',
              rows.map((r) => r.material_key),
            )
            .execute();
          await tables.insertInto('services_case_materials').values(rows).execute();
        }
        if (followUp)
          await saveCase(
            trx,
            audit,
            SYSTEM_ACTOR,
            next,
            followUp.record,
            followUp.step,
            [{ recipient: applicantRecipient(next), kind: followUp.notice }],
            requestId,
          );
      });
      return followUp?.record ?? next;
    },

    /**
     * 会签 — a joint department's opinion on a 多地联办 case while it is being handled; a later opinion of the same
     * department replaces its earlier one until the case is decided.
     */
    async opinion(
      actor: Actor,
      caseId: string,
      input: { opinion: 'agree' | 'disagree'; reason: string },
      requestId: string | null = null,
    ): Promise<CaseRecord> {
      const record = await loadCase(database.db, caseId);
      const item = await items.definitionAt(record.itemId, record.itemVersion);
      const roles = caseRolesOf(actor, partiesOf(record, item));
      if (roles.length === 0) throw notFound('case', caseId);
      if (!roles.includes('joint'))
        throw new AppError(403, 'NOT_YOUR_ROLE', 'caseActionNotForRole', {
          action: 'opinion',
          roles: roles.join(', '),
        });
      if (!['accepted', 'in_review'].includes(record.state))
        throw new AppError(409, 'TRANSITION_NOT_ALLOWED', 'transitionNotAllowed', {
          action: 'opinion',
          state: record.state,
          allowed: '—',
        });
      if (input.opinion === 'disagree' && input.reason.trim().length < 2)
        throw new AppError(422, 'INVALID_ACTION_INPUT', 'caseActionInputInvalid', { field: 'reason' }, [
          { path: 'reason', message: 'A disagreement needs its reason' },
        ]);
      const at = now();
      const next: CaseRecord = { ...record, updatedAt: at.toISOString(), rowVersion: record.rowVersion + 1 };
      const department = actor.department as string;
      await audit.transaction(db, async (trx) => {
        const tables = tablesOf<ServicesTables>(trx);
        await tables
          .deleteFrom('services_opinions')
          .where('case_id', '=', caseId)
          .where('department', '=', department)
          .execute();
        await tables
          .insertInto('services_opinions')
          .values({
            case_id: caseId,
            department,
            division_code: actor.divisionCode as string,
            opinion: input.opinion,
            reason: input.reason.trim(),
            actor_id: actor.id,
            at: at.toISOString(),
          })
          .execute();
        await saveCase(
          trx,
          audit,
          actor,
          record,
          next,
          {
            action: 'opinion',
            fromState: record.state,
            visit: false,
            detail: { opinion: input.opinion, reason: input.reason.trim(), role: 'joint' },
          },
          [{ recipient: officeRecipient(record.handlingDivision, record.department), kind: 'opinion' }],
          requestId,
        );
      });
      return next;
    },

    /** The case with the actor's roles in it; 404 for a case that is none of their business. */
    async access(
      actor: Actor,
      caseId: string,
    ): Promise<{
      record: CaseRecord;
      roles: CaseRole[];
      item: Awaited<ReturnType<ItemService['definitionAt']>>;
    }> {
      const record = await loadCase(database.db, caseId);
      const item = await items.definitionAt(record.itemId, record.itemVersion);
      const roles = caseRolesOf(actor, partiesOf(record, item));
      if (roles.length === 0) throw notFound('case', caseId);
      return { record, roles, item };
    },
  };
}
