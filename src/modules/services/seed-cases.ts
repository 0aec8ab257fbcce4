import {
  addDays,
  addWorkingDays,
  CalendarYearMissingError,
  type HolidayCalendar,
} from '../../kernel/calendar';
import type { Random } from '../../seed/random';
import { type CaseRecord, toRow } from './case-record';
import type { CaseState } from './case-workflow';
import type { ServiceItem } from './catalogue';
import { caseNumber } from './intake-rules';
import type { ServicesCaseEventTable, ServicesCaseTable } from './services.tables';

/**
 * Synthetic case history for the demo city and the benchmarks: cases spread over a window of submission dates,
 * most of them finished, recent ones still in the queues, a few overdue or over their promised visits. The shares
 * are [assume]s of this synthetic city (roughly the shape Zhejiang reports: most cases online, most on time).
 */

export interface SeedApplicant {
  type: 'resident' | 'enterprise';
  id: string;
  name: string;
  /** County of registration (resident) or of the registered address (enterprise). */
  county: string;
}

export interface CaseSeedOptions {
  items: readonly ServiceItem[];
  residents: readonly SeedApplicant[];
  enterprises: readonly SeedApplicant[];
  /** Counties per alliance city, for county-level items of each city. */
  counties: Readonly<Record<string, readonly string[]>>;
  calendar: HolidayCalendar;
  /** Submission dates are drawn from [from, to] (YYYY-MM-DD); `to` is "today" for the states. */
  from: string;
  to: string;
  /** The row's `submitted_by` for seeded cases. */
  seededBy: string;
}

const OTHER_CITIES = ['341000', '350700', '361100'];
/** Seeded case numbers start here, far above any day's real numbering (which starts at 1), so they never meet. */
const SEEDED_NUMBERS = 50_000_000;
const DAY_MS = 86_400_000;
const spanDays = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** One generated case with its timeline (events without their serial key). */
export interface SeedCase {
  row: ServicesCaseTable;
  events: Omit<ServicesCaseEventTable, 'seq'>[];
}

/**
 * One plausible case, or null when its deadline falls in a year without holiday data (the caller draws again).
 * Deterministic in `random`.
 */
export function generateCase(random: Random, options: CaseSeedOptions, serial: number): SeedCase | null {
  const item = options.items[random.int(options.items.length)] as ServiceItem;
  const pool = item.applicant === 'resident' ? options.residents : options.enterprises;
  const applicant = pool[random.int(pool.length)];
  if (!applicant) return null;
  const submittedOn = addDays(options.from, random.int(spanDays(options.from, options.to) + 1));
  const age = spanDays(submittedOn, options.to);
  // [assume] Three in four apply online where they can; one in twelve alliance cases comes from another city.
  const online =
    item.channels.includes('online') && (!item.channels.includes('window') || random.chance(0.75));
  const crossCity = item.alliance && random.chance(0.08);
  let mode: CaseRecord['mode'] = 'local';
  if (crossCity && online && item.crossProvinceModes.includes('full_online')) mode = 'full_online';
  else if (crossCity && !online && item.crossProvinceModes.includes('proxy')) mode = 'proxy';
  else if (crossCity && !online && item.crossProvinceModes.includes('joint')) mode = 'joint';
  const cityCounties = options.counties[item.cityCode] ?? [item.cityCode];
  const handlingDivision =
    item.level === 'city'
      ? item.cityCode
      : applicant.county.startsWith(item.cityCode.slice(0, 4))
        ? applicant.county
        : (cityCounties[random.int(cityCounties.length)] as string);
  const otherCity = OTHER_CITIES.filter((city) => city !== item.cityCode);
  const receivingDivision =
    mode === 'local'
      ? online
        ? handlingDivision
        : handlingDivision
      : (otherCity[random.int(otherCity.length)] as string);

  let acceptedOn: string | null = null;
  let dueOn: string | null = null;
  let warnOn: string | null = null;
  try {
    acceptedOn = addWorkingDays(options.calendar, submittedOn, random.chance(0.8) ? 0 : 1);
    dueOn = addWorkingDays(options.calendar, acceptedOn, item.promisedLimitDays);
    warnOn = addWorkingDays(options.calendar, acceptedOn, Math.ceil(item.promisedLimitDays * 0.8));
  } catch (error) {
    if (error instanceof CalendarYearMissingError) return null;
    throw error;
  }
  // Where it stands "today": finished unless recent; [assume] 4 % overdue, 2 % denied, 1 % withdrawn.
  const finishedBy = item.promisedLimitDays + 3;
  let state: CaseState;
  const draw = random.next();
  if (age > finishedBy) state = draw < 0.02 ? 'denied' : draw < 0.03 ? 'withdrawn' : 'delivered';
  else if (draw < 0.15) state = mode === 'proxy' ? 'forwarded' : 'submitted';
  else if (draw < 0.35) state = 'accepted';
  else if (draw < 0.7) state = 'in_review';
  else if (draw < 0.75) state = 'suspended';
  else if (draw < 0.85) state = 'approved';
  else state = 'delivered';
  const accepted = !['submitted', 'forwarded', 'withdrawn'].includes(state);
  const decided = ['approved', 'denied', 'delivered'].includes(state);
  const late = random.chance(0.04);
  const workingDays = decided
    ? late
      ? item.promisedLimitDays + 1 + random.int(3)
      : random.int(item.promisedLimitDays + 1)
    : null;
  let decidedOn: string | null = null;
  if (decided && acceptedOn) {
    try {
      decidedOn = addWorkingDays(options.calendar, acceptedOn, workingDays ?? 0);
    } catch {
      return null;
    }
    if (decidedOn > options.to) return null;
  }
  const window = !online;
  const deliveredAtWindow =
    state === 'delivered' && item.result.delivery.includes('window') && random.chance(window ? 0.6 : 0.1);
  const visits = (window ? 1 : 0) + (deliveredAtWindow ? 1 : 0) + (random.chance(0.02) ? 1 : 0);
  const submittedAt = `${submittedOn}T0${1 + random.int(8)}:${String(random.int(60)).padStart(2, '0')}:00.000Z`;
  const record: CaseRecord = {
    id: caseNumber(handlingDivision, submittedOn, SEEDED_NUMBERS + serial),
    itemId: item.id,
    itemVersion: item.version,
    department: item.department,
    applicantType: applicant.type,
    applicantId: applicant.id,
    applicantName: applicant.name,
    submittedBy: options.seededBy,
    requestKey: null,
    handlingDivision,
    receivingDivision,
    mode,
    channel: online ? 'online' : 'window',
    state,
    submittedAt,
    acceptedOn: accepted ? acceptedOn : null,
    limitDays: item.promisedLimitDays,
    dueOn: accepted && state !== 'suspended' ? dueOn : null,
    warnOn: accepted && state !== 'suspended' ? warnOn : null,
    pauses: state === 'suspended' ? [{ from: options.to, to: null }] : [],
    warnedAt: null,
    escalatedAt: null,
    visits,
    maxVisits: item.maxVisits,
    assigneeId: null,
    assigneeName: ['in_review', 'suspended', 'approved', 'delivered'].includes(state) ? '承办人' : null,
    officerReturns: 0,
    returnReasons: null,
    decisionReason: state === 'denied' ? '不符合受理条件' : null,
    decidedAt: decidedOn ? `${decidedOn}T07:00:00.000Z` : null,
    delivery:
      state === 'delivered'
        ? deliveredAtWindow
          ? 'window'
          : (item.result.delivery[0] ?? 'electronic')
        : null,
    trackingNumber: null,
    resultNumber:
      decided && state !== 'denied' ? `${caseNumber(handlingDivision, submittedOn, serial)}-R` : null,
    deliveredAt: state === 'delivered' && decidedOn ? `${decidedOn}T08:00:00.000Z` : null,
    form: {},
    consent: true,
    workingDays,
    updatedAt: submittedAt,
    rowVersion: 1,
  };
  const event = (action: string, from: string | null, to: string, at: string, visit = false) => ({
    case_id: record.id,
    at,
    actor_id: options.seededBy,
    actor_role: 'seed',
    actor_division: null,
    actor_department: null,
    action,
    from_state: from,
    to_state: to,
    visit: visit ? 1 : 0,
    detail: '{}',
  });
  const events = [event('submit', null, 'submitted', submittedAt, window)];
  if (accepted && acceptedOn)
    events.push(event('accept', 'submitted', 'accepted', `${acceptedOn}T02:00:00.000Z`));
  if (record.decidedAt)
    events.push(
      event(
        state === 'denied' ? 'deny' : 'approve',
        'in_review',
        state === 'denied' ? 'denied' : 'approved',
        record.decidedAt,
      ),
    );
  if (record.deliveredAt)
    events.push(event('deliver', 'approved', 'delivered', record.deliveredAt, deliveredAtWindow));
  return { row: toRow(record), events };
}
