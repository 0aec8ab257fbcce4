import type { AuditService } from '../../kernel/audit';
import type { Actor, AuthService } from '../../kernel/auth';
import { type HolidayCalendar, loadHolidayCalendar, shanghaiDate } from '../../kernel/calendar';
import { isUniqueViolation, type SanquDatabase, tablesOf } from '../../kernel/db';
import type { DivisionService } from '../../kernel/divisions';
import { AppError, forbidden, notFound } from '../../kernel/errors';
import type { ExchangeService, ProviderDirectory } from '../../kernel/exchange';
import type { RegistryService } from '../../modules/registry';
import { applicantFacts } from './applicant';
import type { CaseRecord } from './case-record';
import { caseRolesOf } from './case-roles';
import { noticesFor, partiesOf, prepareStep, type StepDependencies, withCalendar } from './case-steps';
import { applicantRecipient, type CaseStep, loadCase, officeRecipient, saveCase } from './case-store';
import { type ActionInput, transition } from './case-transition';
import type { CaseAction, CaseRole } from './case-workflow';
import { type ItemDefinition, isCertificateFree, type ServiceItem } from './catalogue';
import { caseNumber, routeCase } from './intake-rules';
import type { ItemService } from './item-service';
import { type PrecheckProblem, precheck } from './precheck';
import { fetchProofs, type Proofs } from './proofs';
import type { ServicesTables } from './services.tables';

/** The platform acting by itself (automatic pre-check and acceptance): no division, no department. */
export const SYSTEM_ACTOR = {
  id: 'system:services',
  role: 'system',
  divisionCode: null,
  department: null,
} as const;

export interface SubmitInput {
  itemId: string;
  form: Record<string, unknown>;
  /** Material key → hash of a file this user uploaded. */
  materials?: Record<string, string>;
  /** The applicant lets the handling office fetch the registry materials for this case (免提交). */
  consent: boolean;
  /** A retry key: the same key from the same applicant returns the first case. */
  requestKey?: string;
  /** Online: the alliance city the applicant applies from (default: their city of registration). */
  fromCity?: string;
  /** County-level items: the county to handle it (default: the applicant's own). */
  handlingDivision?: string;
  /** A window officer receiving an applicant in person: whom the case is for. */
  applicantId?: string;
}

export type CaseService = ReturnType<typeof createCaseService>;

interface Upload {
  hash: string;
  media_type: string;
  size: number;
  file_name: string;
}

/** The material rows of uploads (replacing earlier ones of the same key). */
const uploadRows = (caseId: string, uploads: Map<string, Upload>, at: string) =>
  [...uploads].map(([key, file]) => ({
    case_id: caseId,
    material_key: key,
    source: 'applicant',
    file_hash: file.hash,
    file_name: file.file_name,
    media_type: file.media_type,
    size: file.size,
    proof: null,
    access_seq: null,
    updated_at: at,
  }));

const ALLIANCE = ['330800', '341000', '350700', '361100'];

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

  /**
   * The next 办件编号 of the handling city for the day, in its own small transaction: the case needs its number
   * before the registry fetches (their consent and log name the case), and a number lost to a failed application
   * only leaves a gap.
   */
  async function nextCaseNumber(handlingDivision: string, day: string): Promise<number> {
    const city = `${handlingDivision.slice(0, 4)}00`;
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('services_case_numbers')
        .values({ city_code: city, day, last: 1 })
        .onConflict((oc) =>
          oc
            .columns(['city_code', 'day'])
            .doUpdateSet((eb) => ({ last: eb('services_case_numbers.last', '+', 1) })),
        )
        .returning('last')
        .executeTakeFirstOrThrow();
      return Number(row.last);
    });
  }

  const stepDependencies: StepDependencies = { items, auth, counties, calendar };

  /** The applicant of a new case: the logged-in resident or enterprise, or the person a window officer receives. */
  async function applicantOf(actor: Actor, input: SubmitInput, item: ServiceItem) {
    let type: 'resident' | 'enterprise';
    let id: string;
    if (actor.role === 'resident' || actor.role === 'enterprise_agent') {
      if (input.applicantId && input.applicantId !== actor.subjectId) throw forbidden();
      type = actor.role === 'resident' ? 'resident' : 'enterprise';
      id = actor.subjectId ?? '';
    } else if (actor.role === 'officer' && actor.department === 'services' && input.applicantId) {
      type = item.applicant;
      id = input.applicantId.toUpperCase();
    } else throw forbidden();
    if (type !== item.applicant)
      throw new AppError(422, 'ITEM_NOT_FOR_APPLICANT', 'serviceItemNotForApplicant', { item: item.name.zh });
    if (type === 'resident') {
      const resident = await registry.getResident(id);
      if (!resident) throw new AppError(422, 'APPLICANT_UNKNOWN', 'serviceApplicantUnknown');
      return { type, id, name: resident.name, county: resident.divisionCode.slice(0, 6) };
    }
    const enterprise = await registry.getEnterprise(id);
    if (!enterprise) throw new AppError(422, 'APPLICANT_UNKNOWN', 'serviceApplicantUnknown');
    return { type, id, name: enterprise.name, county: enterprise.countyCode };
  }

  /** Checks the referenced uploads: materials the item lets this applicant upload, files this user stored. */
  async function checkUploads(actor: Actor, item: ItemDefinition, materials: Record<string, string>) {
    const files = new Map<string, Upload>();
    for (const [key, hash] of Object.entries(materials)) {
      const material = item.materials.find((m) => m.key === key);
      // Applicant materials, and registry ones on paper: without consent, or when the registry has no record.
      if (!material || material.source === 'not_needed')
        throw new AppError(422, 'MATERIAL_NOT_EXPECTED', 'serviceMaterialNotExpected', { key });
      // Only the user's own uploads: a hash is not a way to cite someone else's papers (another's is "not found").
      const file = await db
        .selectFrom('services_files')
        .select(['media_type', 'size', 'file_name'])
        .where('hash', '=', hash)
        .where('uploaded_by', '=', actor.id)
        .executeTakeFirst();
      if (!file) throw new AppError(422, 'FILE_NOT_FOUND', 'serviceFileNotFound', { key });
      files.set(key, { hash, ...file });
    }
    return files;
  }

  /** The intake decision after a (re)submission: returned with every problem, accepted at once, or for an officer. */
  function intakeOutcome(
    item: ItemDefinition,
    record: CaseRecord,
    problems: PrecheckProblem[],
  ): 'returned' | 'accepted' | 'submitted' {
    if (problems.length > 0) return 'returned';
    const automatic =
      record.channel === 'online' &&
      record.mode !== 'proxy' &&
      isCertificateFree(item) &&
      item.jointDepartments.length === 0;
    return automatic ? 'accepted' : 'submitted';
  }

  /** The context of a step the platform takes by itself. */
  const systemContext = (at: Date, item: ItemDefinition) => ({
    now: at,
    today: shanghaiDate(at),
    actor: { id: SYSTEM_ACTOR.id, name: '系统' },
    item,
    opinions: [],
    isCountyOfCity: () => false,
  });

  function applicantFactsOrThrow(record: CaseRecord, at: Date) {
    const facts = applicantFacts(record.applicantType, record.applicantId, shanghaiDate(at));
    if (!facts) throw new AppError(422, 'APPLICANT_UNKNOWN', 'serviceApplicantUnknown');
    return facts;
  }

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
    const uploads = await checkUploads(actor, item, input.materials ?? {});
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
    const formProblems = precheck(item, { ...check, applicant: applicantFactsOrThrow(record, now()) }).filter(
      (p) => p.kind === 'form',
    );
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
    /**
     * 申请 — creates a case: routes it (channel, cross-province mode, handling division), fetches the declared
     * registry materials with the applicant's consent, pre-checks everything at once, and either returns it with
     * the full list (一次性告知), accepts it at once (certificate-free and online), or queues it for an officer.
     * A retry with the same `requestKey` returns the first case.
     */
    async submit(actor: Actor, input: SubmitInput, requestId: string | null = null): Promise<CaseRecord> {
      const item = await items.require(input.itemId);
      const applicant = await applicantOf(actor, input, item);
      if (input.requestKey) {
        const existing = await db
          .selectFrom('services_cases')
          .select('id')
          .where('applicant_id', '=', applicant.id)
          .where('request_key', '=', input.requestKey)
          .executeTakeFirst();
        if (existing) return loadCase(database.db, existing.id);
      }
      const at = now();
      const today = shanghaiDate(at);
      const facts = applicantFacts(applicant.type, applicant.id, today);
      if (!facts) throw new AppError(422, 'APPLICANT_UNKNOWN', 'serviceApplicantUnknown');
      const window = actor.role === 'officer';
      const fromDivision = window ? (actor.divisionCode as string) : (input.fromCity ?? facts.registeredCity);
      if (!window && !ALLIANCE.includes(fromDivision))
        throw new AppError(422, 'CROSS_CITY_NOT_OFFERED', 'serviceFromCityInvalid', { city: fromDivision });
      const routing = routeCase(item, {
        channel: window ? 'window' : 'online',
        fromDivision,
        applicantCounty: applicant.county.startsWith(item.cityCode.slice(0, 4)) ? applicant.county : null,
        handlingDivision: input.handlingDivision,
        counties: counties(item.cityCode),
      });
      const unknownFields = Object.keys(input.form).filter((key) => !item.form.some((f) => f.key === key));
      if (unknownFields.length > 0)
        throw new AppError(422, 'UNKNOWN_FORM_FIELD', 'serviceUnknownFormField', {
          fields: unknownFields.join(', '),
        });
      const uploads = await checkUploads(actor, item, input.materials ?? {});

      const id = caseNumber(
        routing.handlingDivision,
        today,
        await nextCaseNumber(routing.handlingDivision, today),
      );
      const handlingOffice = `${routing.handlingDivision}/${item.department}`;
      const proofs: Proofs = input.consent
        ? await fetchProofs(exchange, directory, {
            caseId: id,
            item,
            applicant: { type: applicant.type, id: applicant.id },
            handlingOffice,
            grantedBy: { id: actor.id, role: actor.role },
            now: at,
            requestId,
          })
        : new Map();
      const problems = precheck(item, {
        form: input.form,
        uploaded: new Set(uploads.keys()),
        consent: input.consent,
        proofs,
        applicant: facts,
      });
      const formProblems = problems.filter((p) => p.kind === 'form');
      if (formProblems.length > 0)
        throw new AppError(
          422,
          'FORM_INVALID',
          'serviceFormInvalid',
          { count: formProblems.length },
          formProblems.map((p) => ({ path: `form.${p.key}`, message: p.message.en })),
        );

      const submitted: CaseRecord = {
        id,
        itemId: item.id,
        itemVersion: item.version,
        department: item.department,
        applicantType: applicant.type,
        applicantId: applicant.id,
        applicantName: applicant.name,
        submittedBy: actor.id,
        requestKey: input.requestKey ?? null,
        ...routing,
        state: 'submitted',
        submittedAt: at.toISOString(),
        acceptedOn: null,
        limitDays: item.promisedLimitDays,
        dueOn: null,
        warnOn: null,
        pauses: [],
        warnedAt: null,
        escalatedAt: null,
        visits: window ? 1 : 0,
        maxVisits: item.maxVisits,
        assigneeId: null,
        assigneeName: null,
        officerReturns: 0,
        returnReasons: null,
        decisionReason: null,
        decidedAt: null,
        delivery: null,
        trackingNumber: null,
        resultNumber: null,
        deliveredAt: null,
        form: input.form,
        consent: input.consent,
        workingDays: null,
        updatedAt: at.toISOString(),
        rowVersion: 1,
      };
      const outcome = intakeOutcome(item, submitted, problems);
      const context = {
        now: at,
        today,
        calendar: calendar(),
        actor: { id: SYSTEM_ACTOR.id, name: '系统' },
        item,
        opinions: [],
        isCountyOfCity: () => false,
      };
      const accepted =
        outcome === 'accepted'
          ? withCalendar(() => transition(submitted, 'accept', 'handling', {}, context))
          : null;
      const returned: CaseRecord | null =
        outcome === 'returned'
          ? { ...submitted, state: 'returned', returnReasons: problems, rowVersion: 2 }
          : null;

      const registryMaterials = input.consent
        ? item.materials.flatMap((m) => (m.source === 'registry' ? [m] : []))
        : [];
      try {
        await audit.transaction(db, async (trx) => {
          const materials = tablesOf<ServicesTables>(trx);
          await saveCase(
            trx,
            audit,
            actor,
            null,
            submitted,
            { action: 'submit', fromState: null, visit: window, detail: { mode: routing.mode } },
            [{ recipient: officeRecipient(routing.handlingDivision, item.department), kind: 'submitted' }],
            requestId,
          );
          const rows = [
            ...uploadRows(id, uploads, at.toISOString()),
            ...registryMaterials.map((m) => ({
              case_id: id,
              material_key: m.key,
              source: 'registry',
              file_hash: null,
              file_name: null,
              media_type: null,
              size: null,
              proof: JSON.stringify(proofs.get(m.dataset) ?? null),
              access_seq: null,
              updated_at: at.toISOString(),
            })),
          ];
          if (rows.length > 0) await materials.insertInto('services_case_materials').values(rows).execute();
          if (returned)
            await saveCase(
              trx,
              audit,
              SYSTEM_ACTOR,
              submitted,
              returned,
              { action: 'return', fromState: 'submitted', visit: false, detail: { reasons: problems } },
              [{ recipient: applicantRecipient(submitted), kind: 'returned' }],
              requestId,
            );
          if (accepted)
            await saveCase(
              trx,
              audit,
              SYSTEM_ACTOR,
              submitted,
              accepted.next,
              { action: 'accept', fromState: 'submitted', visit: false, detail: accepted.detail },
              [{ recipient: applicantRecipient(submitted), kind: 'accepted' }],
              requestId,
            );
        });
      } catch (error) {
        // The same retry key raced another request of the applicant's: the first one's case is the answer.
        if (input.requestKey && isUniqueViolation(error)) {
          const first = await db
            .selectFrom('services_cases')
            .select('id')
            .where('applicant_id', '=', applicant.id)
            .where('request_key', '=', input.requestKey)
            .executeTakeFirst();
          if (first) return loadCase(database.db, first.id);
        }
        throw error;
      }
      return returned ?? accepted?.next ?? submitted;
    },

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
        const problems = precheck(item, { ...papers.check, applicant: applicantFactsOrThrow(record, at) });
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
