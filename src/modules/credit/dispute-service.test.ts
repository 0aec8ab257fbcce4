import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, loadHolidayCalendar, shanghaiDate } from '../../kernel/calendar';
import { testDialects } from '../../kernel/db/test-databases';
import { AppError } from '../../kernel/errors';
import { type CreditFixture, startCreditFixture } from './credit-test-support';
import { loadDisputeConfig } from './dispute-config';
import { createDisputeService } from './dispute-service';
import { presentDispute } from './presenters';

const today = shanghaiDate(new Date());

/** The error code a rejected promise carries. */
const codeOf = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    return error instanceof AppError ? `${error.status} ${error.code}` : String(error);
  }
  return 'no error';
};

describe.each(testDialects)('credit disputes and repair on %s', (dialect) => {
  let f: CreditFixture;
  let a: string;
  let arrears: string;
  let violation: string;
  const resident = () => f.actors['resident-a']!;
  const score = async () => (await f.t.platform.credit.scores.current(a)).score;

  beforeAll(async () => {
    f = await startCreditFixture(dialect);
    a = f.changshan[0];
    const [x] = await f.t.platform.credit.records.submit(f.actors['utility-city']!, [
      { recordId: 'u-1', residentId: a, type: 'utility_arrears', occurredOn: today },
      {
        recordId: 'u-2',
        residentId: a,
        type: 'utility_on_time',
        occurredOn: addDays(today, -40),
        quantity: 6,
      },
    ]);
    arrears = (x as { id: string }).id;
    const [y] = await f.t.platform.credit.records.submit(f.actors['court-city']!, [
      { recordId: 'c-1', residentId: a, type: 'court_enforcement', occurredOn: today },
    ]);
    violation = (y as { id: string }).id;
  }, 120_000);
  afterAll(() => f?.t.dispose());

  it('opens a dispute with a deadline five working days out and marks the record disputed (still counting)', async () => {
    const before = await score();
    const dispute = await f.t.platform.credit.disputes.open(resident(), {
      recordId: violation,
      kind: 'dispute',
      reason: '判决已于上月履行完毕',
    });
    expect(dispute).toMatchObject({ status: 'open', department: 'court' });
    expect(dispute.dueOn > today).toBe(true);
    expect((await f.t.platform.credit.records.get(violation))?.status).toBe('disputed');
    expect(await score()).toBe(before);
    expect(
      await codeOf(
        f.t.platform.credit.disputes.open(resident(), {
          recordId: violation,
          kind: 'dispute',
          reason: 'again',
        }),
      ),
    ).toBe('409 CASE_OPEN');
  });

  it('refuses disputes of someone else’s record as not found, and repair of a non-repairable type', async () => {
    const other = f.actors['resident-b']!;
    expect(
      await codeOf(
        f.t.platform.credit.disputes.open(other, { recordId: arrears, kind: 'dispute', reason: 'not mine' }),
      ),
    ).toBe('404 NOT_FOUND');
    const [positive] = await f.t.platform.credit.records.submit(f.actors['civil-changshan']!, [
      { recordId: 'v-9', residentId: a, type: 'volunteer_service', occurredOn: today, quantity: 2 },
    ]);
    expect(
      await codeOf(
        f.t.platform.credit.disputes.open(resident(), {
          recordId: (positive as { id: string }).id,
          kind: 'repair',
          reason: 'x',
        }),
      ),
    ).toBe('422 NOT_REPAIRABLE');
  });

  it('lets only the reporting department in its jurisdiction decide, with an allowed decision', async () => {
    const [open] = await f.t.platform.credit.disputes.queue(f.actors['court-city']!);
    expect(open).toMatchObject({ recordId: violation });
    expect(await f.t.platform.credit.disputes.queue(f.actors['court-kecheng']!)).toEqual([]);
    expect(await f.t.platform.credit.disputes.queue(f.actors['utility-city']!)).toEqual([]);
    const decide = (username: string, decision: 'upheld' | 'repaired' | 'corrected' | 'withdrawn') =>
      f.t.platform.credit.disputes.decide(f.actors[username]!, open!.id, { decision, reason: '核实' });
    expect(await codeOf(decide('court-kecheng', 'withdrawn'))).toBe('403 FORBIDDEN');
    expect(await codeOf(decide('utility-city', 'withdrawn'))).toBe('403 FORBIDDEN');
    expect(await codeOf(decide('court-city', 'repaired'))).toBe('422 INVALID_DECISION');
  });

  it('withdraws the record on a successful dispute: score recomputed, resident told, case closed', async () => {
    const before = await score();
    const [open] = await f.t.platform.credit.disputes.queue(f.actors['court-city']!);
    const result = await f.t.platform.credit.disputes.decide(f.actors['court-city']!, open!.id, {
      decision: 'withdrawn',
      reason: '执行案件已结案，记录撤销',
    });
    expect(result).toMatchObject({ previousScore: before, score: before + 150 });
    expect((await f.t.platform.credit.records.get(violation))?.status).toBe('withdrawn');
    const [notice] = await f.t.platform.credit.notifications.of(a);
    expect(notice).toMatchObject({
      kind: 'dispute_decided',
      params: { decision: 'withdrawn', scoreAfter: before + 150 },
    });
    expect(
      await codeOf(
        f.t.platform.credit.disputes.decide(f.actors['court-city']!, open!.id, {
          decision: 'upheld',
          reason: 'x',
        }),
      ),
    ).toBe('409 CASE_DECIDED');
  });

  it('corrects a record: new figures, a higher revision and the before/after kept on the case', async () => {
    const [onTime] = (await f.t.platform.credit.records.ofResident(a)).filter(
      (r) => r.type === 'utility_on_time',
    );
    const dispute = await f.t.platform.credit.disputes.open(resident(), {
      recordId: onTime!.id,
      kind: 'dispute',
      reason: '应为 12 个月',
    });
    const before = await score();
    const bad = f.t.platform.credit.disputes.decide(f.actors['utility-city']!, dispute.id, {
      decision: 'corrected',
      reason: 'x',
      correction: { quantity: 99 },
    });
    expect(await codeOf(bad)).toBe('422 INVALID_CORRECTION');
    const { dispute: decided } = await f.t.platform.credit.disputes.decide(
      f.actors['utility-city']!,
      dispute.id,
      { decision: 'corrected', reason: '核实为 12 个月', correction: { quantity: 12 } },
    );
    expect(decided.correction).toMatchObject({ before: { quantity: 6 }, after: { quantity: 12 } });
    expect(await f.t.platform.credit.records.get(onTime!.id)).toMatchObject({
      quantity: 12,
      revision: 2,
      status: 'active',
    });
    expect(await score()).toBe(before + 30);
  });

  it('repairs paid arrears: the record stops counting and the score rises by its points', async () => {
    const before = await score();
    const repair = await f.t.platform.credit.disputes.open(resident(), {
      recordId: arrears,
      kind: 'repair',
      reason: '欠费已全部缴清',
      evidenceRef: '缴费凭证 2026-12-01',
    });
    expect((await f.t.platform.credit.records.get(arrears))?.status).toBe('active');
    const { score: after } = await f.t.platform.credit.disputes.decide(
      f.actors['devref-changshan']!,
      repair.id,
      { decision: 'repaired', reason: '已缴清，予以修复' },
    );
    expect(after).toBe(before + 30);
    expect((await f.t.platform.credit.records.get(arrears))?.status).toBe('repaired');
    expect(
      await codeOf(
        f.t.platform.credit.disputes.open(resident(), { recordId: arrears, kind: 'dispute', reason: 'x' }),
      ),
    ).toBe('409 RECORD_NOT_COUNTING');
  });

  it('flags a due date in a provisional calendar year, in the service’s view and in the officer’s queue', async () => {
    const clock = { now: new Date('2026-06-01T02:00:00Z') };
    const { database, audit, can, credit } = f.t.platform;
    const disputes = createDisputeService(database, audit, can, credit.models, () => clock.now);
    const records = await credit.records.submit(f.actors['utility-city']!, [
      { recordId: 'u-covered', residentId: a, type: 'utility_arrears', occurredOn: today },
      { recordId: 'u-provisional', residentId: a, type: 'utility_arrears', occurredOn: today },
    ]);
    const [covered, provisional] = records.map((r) => (r as { id: string }).id);
    const inCovered = await disputes.open(resident(), {
      recordId: covered!,
      kind: 'dispute',
      reason: '已缴清',
    });
    // Five working days from 2026-12-29 run past 元旦 into 2027, which no State Council notice covers yet.
    clock.now = new Date('2026-12-29T02:00:00Z');
    const inProvisional = await disputes.open(resident(), {
      recordId: provisional!,
      kind: 'dispute',
      reason: '已缴清',
    });
    expect([inCovered.dueOn, inProvisional.dueOn]).toEqual(['2026-06-08', '2027-01-06']);
    const calendar = loadHolidayCalendar();
    expect(presentDispute(inCovered, true, calendar, clock.now)).toMatchObject({ dueDateProvisional: false });
    expect(presentDispute(inProvisional, true, calendar, clock.now)).toMatchObject({
      dueDateProvisional: true,
    });
    const queue = await f.t.app.inject({
      method: 'GET',
      url: '/api/v1/credit/disputes',
      headers: await f.headers('utility-city'),
    });
    const flags = Object.fromEntries(
      queue
        .json()
        .items.map((d: { id: string; dueDateProvisional: boolean }) => [d.id, d.dueDateProvisional]),
    );
    expect(flags).toMatchObject({ [inCovered.id]: false, [inProvisional.id]: true });
  });

  it('gives the department the configured number of working days', async () => {
    const clock = { now: new Date('2026-06-01T02:00:00Z') };
    const { database, audit, can, credit } = f.t.platform;
    const tenDays = createDisputeService(
      database,
      audit,
      can,
      credit.models,
      () => clock.now,
      loadHolidayCalendar,
      () => ({
        decisionWorkingDays: 10,
      }),
    );
    const [record] = await credit.records.submit(f.actors['utility-city']!, [
      { recordId: 'u-ten-days', residentId: a, type: 'utility_arrears', occurredOn: today },
    ]);
    const opened = await tenDays.open(resident(), {
      recordId: (record as { id: string }).id,
      kind: 'dispute',
      reason: '已缴清',
    });
    // Counted from Tuesday 2026-06-02: two working weeks end on Monday 2026-06-15 (five days would be 06-08).
    expect(opened.dueOn).toBe('2026-06-15');
    expect(loadDisputeConfig().decisionWorkingDays).toBe(5);
  });

  it('audits every step in one chain: each case opened and each decision', async () => {
    expect(await f.t.platform.audit.verify()).toMatchObject({ ok: true });
    const cases = await f.t.platform.credit.disputes.ofResident(a);
    const trail = await f.t.platform.audit.entries({ action: 'credit.', limit: 500 });
    for (const c of cases) {
      const about = trail.filter((e) => e.resource_id === c.id).map((e) => e.action);
      expect(about, c.id).toContain(`credit.${c.kind}.open`);
      if (c.status !== 'open') expect(about, c.id).toContain(`credit.${c.kind}.decide`);
    }
    expect(cases.filter((c) => c.status !== 'open').length).toBeGreaterThan(1);
  });
});
