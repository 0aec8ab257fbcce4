import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  CalendarYearMissingError,
  loadHolidayCalendar,
  workingDaysBetween,
} from '../../kernel/calendar';
import { AppError } from '../../kernel/errors';
import { transitionTarget } from '../../kernel/workflow';
import type { CaseRecord } from './case-record';
import { type ActionInput, type TransitionContext, transition } from './case-transition';
import {
  ACTION_ROLES,
  CASE_ACTIONS,
  CASE_STATES,
  type CaseAction,
  type CaseRole,
  type CaseState,
  caseWorkflow,
} from './case-workflow';
import type { ItemDefinition } from './catalogue';

const calendar = loadHolidayCalendar();
const QUZHOU_COUNTIES = ['330802', '330803', '330822', '330824', '330825', '330881'];
const label = (zh: string, en: string) => ({ zh, en });

const ITEM: ItemDefinition = {
  name: label('婚姻登记记录证明出具', 'Certificate of marriage records'),
  category: 'marriage_birth',
  department: 'civil_affairs',
  level: 'county',
  itemType: 'public_service',
  applicant: 'resident',
  legalLimitDays: 20,
  promisedLimitDays: 5,
  feeFen: 0,
  feeBasis: null,
  channels: ['online', 'window'],
  alliance: true,
  crossProvinceModes: ['full_online', 'proxy'],
  jointDepartments: [],
  maxVisits: 1,
  result: { kind: 'record', name: label('证明', 'Certificate'), delivery: ['electronic', 'post', 'window'] },
  legalBasis: '《婚姻登记条例》',
  materials: [
    {
      key: 'application',
      name: label('申请书', 'Application'),
      source: 'applicant',
      required: true,
      original: false,
    },
  ],
  form: [],
  conditions: { all: [] },
};
const JOINT_ITEM: ItemDefinition = {
  ...ITEM,
  crossProvinceModes: ['full_online', 'joint'],
  jointDepartments: ['health', 'medical_insurance'],
};

/** A Monday in June 2026, 10:00 in Quzhou: no holiday near. */
const NOW = new Date('2026-06-01T02:00:00Z');
const TODAY = '2026-06-01';

const record = (overrides: Partial<CaseRecord> = {}): CaseRecord => ({
  id: '33080020260601000000001',
  itemId: '330800-ca-marriage-record-certificate',
  itemVersion: 1,
  department: 'civil_affairs',
  applicantType: 'resident',
  applicantId: '330822199001011234',
  applicantName: '张三',
  submittedBy: 'user-1',
  requestKey: null,
  handlingDivision: '330822',
  receivingDivision: '330822',
  mode: 'local',
  channel: 'online',
  state: 'submitted',
  submittedAt: '2026-05-29T02:00:00.000Z',
  acceptedOn: null,
  limitDays: 5,
  dueOn: null,
  warnOn: null,
  pauses: [],
  warnedAt: null,
  escalatedAt: null,
  visits: 0,
  maxVisits: 1,
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
  form: {},
  consent: true,
  workingDays: null,
  updatedAt: '2026-05-29T02:00:00.000Z',
  rowVersion: 3,
  ...overrides,
});

const context = (overrides: Partial<TransitionContext> = {}): TransitionContext => ({
  now: NOW,
  today: TODAY,
  calendar,
  actor: { id: 'officer-1', name: '王五' },
  item: ITEM,
  opinions: [],
  isCountyOfCity: (division) => QUZHOU_COUNTIES.includes(division),
  ...overrides,
});

const REASONS = [
  { kind: 'material' as const, key: 'application', message: label('请上传申请书', 'Upload the application') },
];

/** An input each action accepts, so that only the state decides. */
const VALID_INPUT: Record<CaseAction, ActionInput> = {
  accept: {},
  return: { reasons: REASONS },
  resubmit: {},
  forward: {},
  claim: {},
  transfer: { toOfficer: { id: 'officer-2', name: '李四' } },
  request_supplement: { reasons: REASONS },
  supplement: {},
  approve: {},
  deny: { reason: '不符合条件' },
  deliver: { delivery: 'electronic' },
  withdraw: {},
};

/** A record in `state` as the workflow leaves it (an open pause while suspended, a clock once accepted). */
const recordIn = (state: CaseState, overrides: Partial<CaseRecord> = {}) =>
  record({
    state,
    ...(['submitted', 'returned', 'forwarded', 'withdrawn'].includes(state)
      ? {}
      : { acceptedOn: '2026-05-25', dueOn: '2026-06-01', warnOn: '2026-05-29' }),
    ...(state === 'suspended'
      ? { pauses: [{ from: '2026-05-27', to: null }], dueOn: null, warnOn: null }
      : {}),
    ...overrides,
  });

const step = (
  from: CaseRecord,
  action: CaseAction,
  input: ActionInput = VALID_INPUT[action],
  role: CaseRole = ACTION_ROLES[action][0]!,
  overrides: Partial<TransitionContext> = {},
) => transition(from, action, role, input, context(overrides));

const errorOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
};
const appError = (run: () => unknown) => {
  const error = errorOf(run);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('transition: every action from every state', () => {
  const pairs = CASE_STATES.flatMap((state) => CASE_ACTIONS.map((action) => [state, action] as const));

  it.each(pairs)('from %s, %s goes where the workflow says or is refused with a 409', (state, action) => {
    const target = transitionTarget(caseWorkflow, state, action);
    if (target === null) {
      // The state is checked first: even an input the action would refuse gives the 409.
      for (const input of [VALID_INPUT[action], {}]) {
        const error = appError(() => step(recordIn(state), action, input));
        expect(error).toMatchObject({
          status: 409,
          code: 'TRANSITION_NOT_ALLOWED',
          params: { action, state },
        });
      }
    } else expect(step(recordIn(state), action).next.state).toBe(target);
  });

  it('refuses every action from the final states', () => {
    for (const state of caseWorkflow.final)
      for (const action of CASE_ACTIONS)
        expect(appError(() => step(recordIn(state), action)).code).toBe('TRANSITION_NOT_ALLOWED');
  });
});

describe('transition: what every step does', () => {
  it('stamps the time, bumps the row version and records a trimmed reason', () => {
    const { next, detail } = step(recordIn('submitted'), 'withdraw', { reason: '  不需要了 ' });
    expect(next).toMatchObject({ state: 'withdrawn', updatedAt: NOW.toISOString(), rowVersion: 4 });
    expect(detail).toEqual({ reason: '不需要了' });
    expect(step(recordIn('submitted'), 'withdraw', { reason: '   ' }).detail).toEqual({});
  });

  it('leaves the record it was given unchanged', () => {
    const before = recordIn('suspended');
    const snapshot = structuredClone(before);
    step(before, 'supplement');
    expect(before).toEqual(snapshot);
  });

  it('changes nothing else on a plain step (resubmit, forward, withdraw)', () => {
    for (const [state, action] of [
      ['returned', 'resubmit'],
      ['submitted', 'forward'],
      ['in_review', 'withdraw'],
    ] as const) {
      const before = recordIn(state);
      const { next, detail, visit } = step(before, action, {}, 'applicant');
      expect(next).toEqual({
        ...before,
        state: transitionTarget(caseWorkflow, state, action),
        updatedAt: NOW.toISOString(),
        rowVersion: before.rowVersion + 1,
      });
      expect(detail).toEqual({});
      expect(visit).toBe(false);
    }
  });
});

describe('transition: accept', () => {
  it('starts the clock today and sets the due and warning dates in working days', () => {
    const { next, detail } = step(recordIn('submitted', { limitDays: 5 }), 'accept');
    expect(next).toMatchObject({ acceptedOn: TODAY, dueOn: '2026-06-08', warnOn: '2026-06-05', pauses: [] });
    expect(detail).toEqual({ dueOn: '2026-06-08' });
  });

  it('skips the National Day holiday and counts its adjusted working Saturday', () => {
    const { next } = step(recordIn('forwarded', { limitDays: 5 }), 'accept', {}, 'handling', {
      today: '2026-09-28',
    });
    expect(next).toMatchObject({ acceptedOn: '2026-09-28', dueOn: '2026-10-10' });
  });

  it('makes an immediate item (0 days) due the same day', () => {
    expect(step(recordIn('submitted', { limitDays: 0 }), 'accept').next.dueOn).toBe(TODAY);
  });

  it('forgets pauses of an earlier life of the case', () => {
    const before = recordIn('submitted', { pauses: [{ from: '2026-05-01', to: '2026-05-10' }] });
    expect(step(before, 'accept').next.pauses).toEqual([]);
  });

  it('dates a deadline in a provisional year (no notice yet) by the law’s days off', () => {
    const accepted = step(recordIn('submitted', { limitDays: 20 }), 'accept', {}, 'handling', {
      today: '2026-12-20',
    });
    expect(accepted.next.dueOn).toBe('2027-01-18');
  });

  it('throws when the deadline falls in a year without holiday data', () => {
    const run = () =>
      step(recordIn('submitted', { limitDays: 20 }), 'accept', {}, 'handling', { today: '2036-12-20' });
    expect(run).toThrow(CalendarYearMissingError);
  });

  it('dates the deadline limitDays working days on, on any day of 2025-2026 (property)', () => {
    const day = fc.integer({ min: 0, max: 680 }).map((offset) => addDays('2025-01-01', offset));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 20 }), (today, limitDays) => {
        const { next } = step(recordIn('submitted', { limitDays }), 'accept', {}, 'handling', { today });
        expect(next.acceptedOn).toBe(today);
        expect(next.dueOn).toBe(addWorkingDays(calendar, today, limitDays));
        expect(workingDaysBetween(calendar, today, next.dueOn as string)).toBe(limitDays);
        expect((next.warnOn as string) <= (next.dueOn as string)).toBe(true);
      }),
    );
  });
});

describe('transition: return', () => {
  it('needs every problem listed', () => {
    for (const input of [{}, { reasons: [] }]) {
      const error = appError(() => step(recordIn('submitted'), 'return', input));
      expect(error).toMatchObject({
        status: 422,
        code: 'INVALID_ACTION_INPUT',
        params: { field: 'reasons' },
      });
      expect(error.details[0]?.path).toBe('reasons');
    }
  });

  it('keeps the reasons and counts the officer’s return', () => {
    const { next, detail } = step(recordIn('forwarded'), 'return');
    expect(next).toMatchObject({ state: 'returned', officerReturns: 1, returnReasons: REASONS });
    expect(detail).toEqual({ reasons: REASONS });
  });

  it('returns a case only once', () => {
    const error = appError(() => step(recordIn('submitted', { officerReturns: 1 }), 'return'));
    expect(error).toMatchObject({ status: 409, code: 'ALREADY_RETURNED' });
  });

  // Doubtful: the count is per case, not per office, so after a window's return the handling department of a
  // 异地代收代办 case can no longer return the forwarded file (only deny it).
  it('counts returns per case: the department cannot return what a window returned before', () => {
    const forwarded = recordIn('forwarded', { mode: 'proxy', channel: 'window', officerReturns: 1 });
    expect(appError(() => step(forwarded, 'return', VALID_INPUT.return, 'handling')).code).toBe(
      'ALREADY_RETURNED',
    );
  });
});

describe('transition: claim and transfer', () => {
  it('claim makes the acting officer the assignee', () => {
    expect(step(recordIn('accepted'), 'claim').next).toMatchObject({
      state: 'in_review',
      assigneeId: 'officer-1',
      assigneeName: '王五',
    });
  });

  it('transfer needs a division or an officer', () => {
    const error = appError(() => step(recordIn('accepted'), 'transfer', {}));
    expect(error).toMatchObject({ status: 422, params: { field: 'toDivision' } });
  });

  it('moves a county item to another county of its city, unassigned', () => {
    const before = recordIn('in_review', { assigneeId: 'officer-1', assigneeName: '王五' });
    const { next, detail } = step(before, 'transfer', { toDivision: '330881' });
    expect(next).toMatchObject({
      state: 'accepted',
      handlingDivision: '330881',
      assigneeId: null,
      assigneeName: null,
    });
    expect(detail).toEqual({ toDivision: '330881' });
  });

  it('does not move a county item out of its city', () => {
    for (const toDivision of ['361102', '330800', '3308'])
      expect(appError(() => step(recordIn('accepted'), 'transfer', { toDivision })).params).toEqual({
        field: 'toDivision',
      });
  });

  it('does not move a city item at all', () => {
    const cityItem = { ...ITEM, level: 'city' as const };
    const run = () =>
      step(recordIn('accepted'), 'transfer', { toDivision: '330822' }, 'handling', { item: cityItem });
    expect(appError(run).code).toBe('INVALID_ACTION_INPUT');
  });

  it('hands the case to another officer in the same division', () => {
    const { next, detail } = step(recordIn('in_review'), 'transfer', {
      toOfficer: { id: 'officer-2', name: '李四' },
    });
    expect(next).toMatchObject({ handlingDivision: '330822', assigneeId: 'officer-2', assigneeName: '李四' });
    expect(detail).toEqual({ toOfficer: '李四' });
  });

  it('moves to a county and an officer there at once', () => {
    const { next, detail } = step(recordIn('accepted'), 'transfer', {
      toDivision: '330802',
      toOfficer: { id: 'officer-3', name: '赵六' },
    });
    expect(next).toMatchObject({ handlingDivision: '330802', assigneeId: 'officer-3' });
    expect(detail).toEqual({ toDivision: '330802', toOfficer: '赵六' });
  });
});

describe('transition: supplement requests', () => {
  it('request_supplement needs the list of what to supplement', () => {
    const error = appError(() => step(recordIn('in_review'), 'request_supplement', { reasons: [] }));
    expect(error).toMatchObject({ status: 422, params: { field: 'reasons' } });
  });

  it('request_supplement stops the clock today', () => {
    const before = recordIn('in_review', { pauses: [{ from: '2026-05-26', to: '2026-05-27' }] });
    const { next, detail } = step(before, 'request_supplement');
    expect(next).toMatchObject({
      state: 'suspended',
      dueOn: null,
      warnOn: null,
      returnReasons: REASONS,
      pauses: [
        { from: '2026-05-26', to: '2026-05-27' },
        { from: TODAY, to: null },
      ],
    });
    expect(detail).toEqual({ reasons: REASONS });
  });

  it('supplement restarts the clock and moves the due date by the paused working days', () => {
    // Accepted Mon 06-01 with 3 days (due 06-04); paused Tue 06-02 until Tue 06-09: 5 working days.
    const accepted = step(recordIn('submitted', { limitDays: 3 }), 'accept').next;
    expect(accepted.dueOn).toBe('2026-06-04');
    const paused = step(
      { ...accepted, state: 'in_review' },
      'request_supplement',
      VALID_INPUT.request_supplement,
      'handling',
      {
        today: '2026-06-02',
      },
    ).next;
    const { next, detail } = step(paused, 'supplement', {}, 'applicant', { today: '2026-06-09' });
    expect(next).toMatchObject({
      state: 'in_review',
      pauses: [{ from: '2026-06-02', to: '2026-06-09' }],
      dueOn: '2026-06-11',
      returnReasons: null,
    });
    expect(detail).toEqual({ dueOn: '2026-06-11' });
  });

  it('a pause shifts the due date by exactly the working days it covered (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 30 }),
        (startOffset, limitDays, pauseAfter, pauseLength) => {
          const acceptedOn = addDays('2025-01-02', startOffset);
          const from = addDays(acceptedOn, pauseAfter);
          const to = addDays(from, pauseLength);
          const suspended = recordIn('suspended', { acceptedOn, limitDays, pauses: [{ from, to: null }] });
          const { next } = step(suspended, 'supplement', {}, 'applicant', { today: to });
          const shift = workingDaysBetween(calendar, from, to);
          expect(next.pauses).toEqual([{ from, to }]);
          expect(next.dueOn).toBe(addWorkingDays(calendar, acceptedOn, limitDays + shift));
        },
      ),
    );
  });
});

describe('transition: decisions', () => {
  it('approve records the decision and the result number', () => {
    const { next, detail } = step(recordIn('in_review'), 'approve', { reason: ' 符合条件 ' });
    expect(next).toMatchObject({
      state: 'approved',
      decidedAt: NOW.toISOString(),
      decisionReason: '符合条件',
      resultNumber: '33080020260601000000001-R',
    });
    expect(detail).toEqual({ reason: '符合条件', resultNumber: '33080020260601000000001-R' });
    expect(step(recordIn('in_review'), 'approve', {}).next.decisionReason).toBeNull();
  });

  it('approve waits for every joint department’s opinion', () => {
    const opinions = [{ department: 'health', opinion: 'agree' as const }];
    const run = () => step(recordIn('in_review'), 'approve', {}, 'handling', { item: JOINT_ITEM, opinions });
    expect(appError(run)).toMatchObject({
      status: 409,
      code: 'JOINT_OPINIONS_PENDING',
      params: { departments: 'medical_insurance' },
    });
    const none = () => step(recordIn('in_review'), 'approve', {}, 'handling', { item: JOINT_ITEM });
    expect(appError(none).params).toEqual({ departments: 'health, medical_insurance' });
  });

  it('approve is refused while a joint department disagrees', () => {
    const opinions = [
      { department: 'health', opinion: 'agree' as const },
      { department: 'medical_insurance', opinion: 'disagree' as const },
    ];
    const run = () => step(recordIn('in_review'), 'approve', {}, 'handling', { item: JOINT_ITEM, opinions });
    expect(appError(run)).toMatchObject({
      status: 409,
      code: 'JOINT_OPINION_AGAINST',
      params: { departments: 'medical_insurance' },
    });
  });

  it('approve goes ahead once every joint department agrees', () => {
    const opinions = [
      { department: 'medical_insurance', opinion: 'agree' as const },
      { department: 'health', opinion: 'agree' as const },
    ];
    const { next } = step(recordIn('in_review'), 'approve', {}, 'handling', { item: JOINT_ITEM, opinions });
    expect(next.state).toBe('approved');
  });

  it('records the working days used on a decision, paused days excluded', () => {
    // Accepted Mon 05-25, decided Mon 06-01: 05-26 … 06-01 is five working days.
    expect(step(recordIn('in_review'), 'approve').next.workingDays).toBe(5);
    expect(step(recordIn('in_review'), 'deny').next.workingDays).toBe(5);
    const paused = recordIn('in_review', { pauses: [{ from: '2026-05-27', to: '2026-05-29' }] });
    expect(step(paused, 'approve').next.workingDays).toBe(3);
    expect(step(recordIn('in_review', { acceptedOn: TODAY }), 'approve').next.workingDays).toBe(0);
  });

  it('records no working days for a denial before acceptance', () => {
    expect(step(recordIn('submitted'), 'deny').next.workingDays).toBeNull();
    expect(step(recordIn('forwarded'), 'deny').next.workingDays).toBeNull();
  });

  it('deny needs a reason of at least two characters', () => {
    for (const reason of [undefined, '', '   ', '否', ' 否 '])
      expect(appError(() => step(recordIn('in_review'), 'deny', { reason }))).toMatchObject({
        status: 422,
        params: { field: 'reason' },
      });
  });

  it('deny records the trimmed reason and the time', () => {
    const { next } = step(recordIn('submitted'), 'deny', { reason: '  不符合条件 ' });
    expect(next).toMatchObject({
      state: 'denied',
      decisionReason: '不符合条件',
      decidedAt: NOW.toISOString(),
    });
  });
});

describe('transition: deliver', () => {
  const approved = (overrides: Partial<CaseRecord> = {}) =>
    recordIn('approved', { resultNumber: 'R', ...overrides });

  it('needs one of the item’s delivery methods', () => {
    const electronicOnly = { ...ITEM, result: { ...ITEM.result, delivery: ['electronic' as const] } };
    for (const input of [{}, { delivery: 'post' as const, trackingNumber: 'EA123456789CN' }]) {
      const run = () => step(approved(), 'deliver', input, 'handling', { item: electronicOnly });
      expect(appError(run)).toMatchObject({ status: 422, params: { field: 'delivery' } });
    }
  });

  it('sends electronically without a visit or a tracking number', () => {
    const { next, detail, visit } = step(approved(), 'deliver', {
      delivery: 'electronic',
      trackingNumber: 'EA123456789CN',
    });
    expect(next).toMatchObject({
      state: 'delivered',
      delivery: 'electronic',
      trackingNumber: null,
      deliveredAt: NOW.toISOString(),
      visits: 0,
    });
    expect(detail).toEqual({ delivery: 'electronic' });
    expect(visit).toBe(false);
  });

  it.each(['EA123456789CN', '1234567890', '12345678901234567890'])(
    'posts with the tracking number %s',
    (trackingNumber) => {
      const { next, detail } = step(approved(), 'deliver', { delivery: 'post', trackingNumber });
      expect(next).toMatchObject({ delivery: 'post', trackingNumber });
      expect(detail).toEqual({ delivery: 'post', trackingNumber });
    },
  );

  it.each([
    undefined,
    '',
    '123456789',
    '123456789012345678901',
    'ea123456789cn',
    'EA-123456789',
    ' EA123456789CN',
  ])('refuses to post with the tracking number %j', (trackingNumber) => {
    const run = () => step(approved(), 'deliver', { delivery: 'post', trackingNumber });
    expect(appError(run)).toMatchObject({ status: 422, params: { field: 'trackingNumber' } });
  });

  it('hands out at a window as a visit', () => {
    const { next, visit } = step(
      approved({ channel: 'window', visits: 1 }),
      'deliver',
      { delivery: 'window' },
      'receiving',
    );
    expect(next).toMatchObject({ delivery: 'window', visits: 2 });
    expect(visit).toBe(true);
  });

  it('leaves the result of a proxy case to the receiving window', () => {
    const proxy = approved({ channel: 'window', mode: 'proxy', receivingDivision: '361102' });
    const run = () => step(proxy, 'deliver', { delivery: 'window' }, 'handling');
    expect(appError(run)).toMatchObject({ status: 422, params: { field: 'delivery' } });
    expect(step(proxy, 'deliver', { delivery: 'window' }, 'receiving').next.state).toBe('delivered');
    expect(
      step(proxy, 'deliver', { delivery: 'post', trackingNumber: 'EA123456789CN' }, 'handling').next.state,
    ).toBe('delivered');
  });

  it('lets the department hand out a local case at its own window, as a visit', () => {
    const { next, visit } = step(
      approved({ channel: 'window' }),
      'deliver',
      { delivery: 'window' },
      'handling',
    );
    expect(next.visits).toBe(1);
    expect(visit).toBe(true);
  });
});

describe('transition: visits', () => {
  it('counts a visit when a window acts for the applicant in person', () => {
    for (const [state, action] of [
      ['returned', 'resubmit'],
      ['suspended', 'supplement'],
    ] as const) {
      const byWindow = step(recordIn(state, { visits: 1 }), action, {}, 'receiving');
      expect(byWindow.visit).toBe(true);
      expect(byWindow.next.visits).toBe(2);
      const online = step(recordIn(state, { visits: 1 }), action, {}, 'applicant');
      expect(online.visit).toBe(false);
      expect(online.next.visits).toBe(1);
    }
  });

  it('does not count forwarding or returning at a window as a visit', () => {
    expect(step(recordIn('submitted'), 'forward', {}, 'receiving').visit).toBe(false);
    expect(step(recordIn('submitted'), 'return', VALID_INPUT.return, 'receiving').next.visits).toBe(0);
  });
});

describe('transition properties', () => {
  const allowed = CASE_STATES.flatMap((state) =>
    CASE_ACTIONS.filter((action) => transitionTarget(caseWorkflow, state, action) !== null).map(
      (action) => [state, action] as const,
    ),
  );
  const ROLES: CaseRole[] = ['applicant', 'receiving', 'handling', 'joint', 'supervisor'];

  it('bumps the row version by exactly one and keeps the case’s identity (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allowed),
        fc.constantFrom(...ROLES),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 300 }),
        fc.constantFrom<CaseRecord['mode']>('local', 'full_online', 'proxy', 'joint'),
        ([state, action], role, rowVersion, offset, mode) => {
          const today = addDays('2026-01-05', offset);
          const before = recordIn(state, { rowVersion, mode, channel: 'window' });
          const { next } = step(before, action, VALID_INPUT[action], role, {
            today,
            now: new Date(`${today}T02:00:00Z`),
          });
          expect(next.rowVersion).toBe(rowVersion + 1);
          expect([next.id, next.applicantId, next.itemId]).toEqual([
            before.id,
            before.applicantId,
            before.itemId,
          ]);
          expect(next.state).toBe(transitionTarget(caseWorkflow, state, action));
          expect(next.updatedAt).toBe(`${today}T02:00:00.000Z`);
          expect(next.visits - before.visits).toBeGreaterThanOrEqual(0);
          expect(next.visits - before.visits).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 500 },
    );
  });
});
