import type { AuditService } from '../../kernel/audit';
import type { Actor } from '../../kernel/auth';
import { type HolidayCalendar, loadHolidayCalendar, shanghaiDate } from '../../kernel/calendar';
import { isUniqueViolation, type SanquDatabase, tablesOf } from '../../kernel/db';
import type { DivisionService } from '../../kernel/divisions';
import { AppError, forbidden } from '../../kernel/errors';
import type { ExchangeService, ProviderDirectory } from '../../kernel/exchange';
import type { RegistryService } from '../registry';
import { applicantFacts } from './applicant';
import { checkUploads, intakeOutcome, SYSTEM_ACTOR, uploadRows } from './case-papers';
import type { CaseRecord } from './case-record';
import { withCalendar } from './case-steps';
import { applicantRecipient, loadCase, officeRecipient, saveCase } from './case-store';
import { transition } from './case-transition';
import type { ServiceItem } from './catalogue';
import { caseNumber, routeCase } from './intake-rules';
import type { ItemService } from './item-service';
import { precheck } from './precheck';
import { fetchProofs, type Proofs } from './proofs';
import type { ServicesTables } from './services.tables';

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

const ALLIANCE = ['330800', '341000', '350700', '361100'];

/** 申请 — applications: who applies, where the case goes, its number, its proofs and its pre-check. */
export function createApplicationService(
  database: SanquDatabase,
  audit: AuditService,
  exchange: ExchangeService,
  directory: ProviderDirectory,
  items: ItemService,
  registry: RegistryService,
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
      const fromId = applicantFacts(applicant.type, applicant.id, today);
      if (!fromId) throw new AppError(422, 'APPLICANT_UNKNOWN', 'serviceApplicantUnknown');
      // The register says where the applicant is registered now; the ID keeps where they were first registered.
      const facts = { ...fromId, registeredCity: `${applicant.county.slice(0, 4)}00` };
      const window = actor.role === 'officer';
      // Online, the applicant applies from the city they name, else from where they are registered now (the
      // register, not the ID, which keeps the place of first registration) when that is an alliance city, else
      // as a local applicant of the item's city.
      const registeredCity = facts.registeredCity;
      if (!window && input.fromCity && !ALLIANCE.includes(input.fromCity))
        throw new AppError(422, 'CROSS_CITY_NOT_OFFERED', 'serviceFromCityInvalid', { city: input.fromCity });
      const fromDivision = window
        ? (actor.divisionCode as string)
        : (input.fromCity ?? (ALLIANCE.includes(registeredCity) ? registeredCity : item.cityCode));
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
      const uploads = await checkUploads(db, actor, item, input.materials ?? {});

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
  };
}
