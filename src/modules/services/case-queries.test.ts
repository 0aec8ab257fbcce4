import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../kernel/db/test-databases';
import { MONDAY, type ServicesFixture, startServicesFixture } from './services-test-support';

describe.each(testDialects)('case views, queues, deadlines and statistics on %s', (dialect) => {
  let f: ServicesFixture;
  let proxyCase: string;
  let onlineCase: string;

  beforeAll(async () => {
    f = await startServicesFixture(dialect);
    f.clock.now = MONDAY;
    const resident = f.actors['resident-a']!;
    onlineCase = (
      await f.services.cases.submit(resident, {
        itemId: '330800-hpf-transfer',
        form: { fromCentre: '黄山市住房公积金管理中心' },
        consent: true,
      })
    ).id;
    proxyCase = (
      await f.services.cases.submit(f.actors['window-shangrao']!, {
        itemId: '330800-ca-marriage-record-certificate',
        applicantId: f.residents[0],
        form: { purpose: '子女入学' },
        consent: true,
      })
    ).id;
  }, 180_000);
  afterAll(() => f?.t.dispose());

  it('shows each role what it needs: the window no proofs, the deciding office proofs (logged), the supervisor no form', async () => {
    const window = await f.services.views.view(f.actors['window-shangrao']!, proxyCase);
    expect(window.roles).toEqual(['receiving']);
    expect(window.actions).toEqual(['return', 'forward']);
    expect(window.materials.every((m) => m.proof === null)).toBe(true);
    expect(window.record.applicantId).toBe(f.residents[0]);

    await f.services.cases.act(f.actors['window-shangrao']!, proxyCase, 'forward', {});
    const before = (
      await f.t.platform.exchange.accessLog({ type: 'resident', id: f.residents[0] }, { limit: 50 })
    ).items.length;
    const office = await f.services.views.view(f.actors['civil-changshan']!, proxyCase);
    expect(office.roles).toEqual(['handling']);
    expect(office.actions).toEqual(['accept', 'return', 'deny']);
    expect(office.materials.find((m) => m.source === 'registry')?.proof).not.toBeNull();
    const log = (
      await f.t.platform.exchange.accessLog({ type: 'resident', id: f.residents[0] }, { limit: 50 })
    ).items;
    expect(log.length).toBe(before + 1);
    expect(log[0]).toMatchObject({ dataset: 'services.case_proofs', caseId: proxyCase, consentId: null });

    const supervisor = await f.services.views.view(f.actors['window-quzhou']!, onlineCase);
    expect(supervisor.roles).toEqual(['supervisor']);
    expect(supervisor.record.applicantId).toMatch(/\*/);
    expect(supervisor.record.form).toEqual({});
    expect(supervisor.actions).toEqual([]);
    // Another city's department sees nothing of it.
    await expect(f.services.views.view(f.actors['hpf-huangshan']!, onlineCase)).rejects.toMatchObject({
      status: 404,
    });
  });

  it('queues a department’s cases by state and deadline, page by page, within its jurisdiction', async () => {
    const resident = f.actors['resident-a']!;
    for (let i = 0; i < 3; i++) {
      f.clock.now = new Date(MONDAY.getTime() + i * 86_400_000);
      await f.services.cases.submit(resident, {
        itemId: '330800-hpf-transfer',
        form: { fromCentre: `中心${i}` },
        consent: true,
      });
    }
    const officer = f.actors['hpf-city']!;
    const first = await f.services.queues.queue(officer, { view: 'handling', state: 'accepted', limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await f.services.queues.queue(officer, {
      view: 'handling',
      state: 'accepted',
      limit: 2,
      after: first.next as string,
    });
    const all = [...first.items, ...second.items];
    expect(all.length).toBe(4);
    const dues = all.map((c) => `${c.dueOn}|${c.id}`);
    expect(dues).toEqual([...dues].sort());
    expect(
      (
        await f.services.queues.queue(f.actors['hpf-huangshan']!, {
          view: 'handling',
          state: 'accepted',
          limit: 10,
        })
      ).items,
    ).toEqual([]);
    const windowQueue = await f.services.queues.queue(f.actors['window-shangrao']!, {
      view: 'receiving',
      state: 'forwarded',
      limit: 10,
    });
    expect(windowQueue.items.map((c) => c.id)).toEqual([proxyCase]);
    await expect(
      f.services.queues.queue(officer, { view: 'supervision', state: 'accepted', limit: 10 }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('warns at 80 % of the limit and escalates overdue cases to the city’s 政务服务 office once', async () => {
    f.clock.now = new Date('2026-06-04T02:00:00Z'); // the first hpf-transfer case (due 06-04) warns
    const first = await f.services.sweep();
    expect(first.warned).toBeGreaterThan(0);
    expect(first.escalated).toBe(0);
    f.clock.now = new Date('2026-06-15T02:00:00Z');
    const second = await f.services.sweep();
    expect(second.escalated).toBeGreaterThan(0);
    expect(await f.services.sweep()).toEqual({ warned: 0, escalated: 0 });
    const supervision = await f.services.queues.queue(f.actors['window-quzhou']!, {
      view: 'supervision',
      state: 'accepted',
      limit: 50,
    });
    expect(supervision.items.length).toBe(second.escalated);
    const view = await f.services.views.view(f.actors['hpf-city']!, onlineCase);
    expect(view.timeline.map((s) => s.action)).toEqual(['submit', 'accept', 'warn', 'escalate']);
    expect(view.sla?.state).toBe('overdue');
  });

  it('counts visits, on-time decisions and working days by department, item, city and city pair', async () => {
    const officer = f.actors['hpf-city']!;
    f.clock.now = new Date('2026-06-15T02:00:00Z');
    await f.services.cases.act(officer, onlineCase, 'claim', {});
    await f.services.cases.act(officer, onlineCase, 'approve', {});
    const stats = await f.services.statistics('330800', '2026-06-01', '2026-06-30');
    expect(stats.cases).toBe(5);
    // The proxy case's one visit is its window intake: allowed, not a broken promise.
    expect(stats.visits).toEqual({ zero: 4, one: 1, more: 0, overPromise: 0 });
    expect(stats.decided).toBe(1);
    expect(stats.onTime).toBe(0);
    const fund = stats.byDepartment.find((g) => g.key === 'provident_fund');
    expect(fund).toMatchObject({ cases: 4, decided: 1, averageWorkingDays: 10 });
    expect(stats.byCity).toEqual([expect.objectContaining({ key: '330800', cases: 5 })]);
    expect(stats.cityPairs).toEqual([
      { receivingCity: '361100', handlingCity: '330800', mode: 'proxy', cases: 1 },
    ]);
    // The Shangrao window's own statistics hold the case it received.
    const shangrao = await f.services.statistics('361100', '2026-06-01', '2026-06-30');
    expect(shangrao.cases).toBe(1);
    expect(shangrao.cityPairs).toEqual(stats.cityPairs);
  });
});
