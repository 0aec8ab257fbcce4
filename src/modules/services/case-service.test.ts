import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../kernel/db/test-databases';
import { AppError } from '../../kernel/errors';
import { later, MONDAY, PDF, type ServicesFixture, startServicesFixture } from './services-test-support';

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
};

describe.each(testDialects)('case service on %s', (dialect) => {
  let f: ServicesFixture;
  beforeAll(async () => {
    f = await startServicesFixture(dialect);
  }, 180_000);
  afterAll(() => f?.t.dispose());

  const resident = () => f.actors['resident-a']!;

  it('accepts a certificate-free online application at once: proofs fetched with consent, logged for the case', async () => {
    f.clock.now = MONDAY;
    const record = await f.services.cases.submit(resident(), {
      itemId: '330800-hpf-account-query',
      form: {},
      consent: true,
    });
    expect(record).toMatchObject({
      state: 'accepted',
      mode: 'local',
      channel: 'online',
      visits: 0,
      handlingDivision: '330800',
    });
    expect(record.acceptedOn).toBe('2026-06-01');
    expect(record.dueOn).toBe('2026-06-01'); // 即办: promised 0 working days
    const log = await f.t.platform.exchange.accessLog(
      { type: 'resident', id: f.residents[0] },
      { limit: 10 },
    );
    const reads = log.items.filter((entry) => entry.caseId === record.id);
    expect(reads.map((r) => r.dataset).sort()).toEqual(['registry.household', 'registry.provident_fund']);
    expect(reads.every((r) => r.purpose === `services.case:${record.id}` && r.consentId !== null)).toBe(true);
    // Only the declared fields were asked for.
    const household = reads.find((r) => r.dataset === 'registry.household');
    const item = await f.services.items.require('330800-hpf-account-query');
    const declared = item.materials.flatMap((m) =>
      m.source === 'registry' && m.dataset === 'household' ? m.fields : [],
    );
    expect(household?.fields).toEqual(declared);
  });

  it('returns an application with every problem at once, and takes it again once corrected', async () => {
    f.clock.now = MONDAY;
    const returned = await f.services.cases
      .submit(resident(), {
        itemId: '330800-ps-passport',
        form: { reason: 'first', delivery: 'post', postalAddress: '常山县天马街道1号' },
        consent: true,
      })
      .catch((error) => error);
    // ps-passport is window-only: online is not offered.
    expect(returned).toMatchObject({ status: 422, code: 'CHANNEL_NOT_OFFERED' });

    const record = await f.services.cases.submit(resident(), {
      itemId: '330800-hrss-social-security-card',
      form: { name: '张三', phone: '13800000000', postalAddress: '常山县天马街道1号' },
      consent: true,
    });
    if (record.state === 'returned') {
      expect(record.returnReasons?.map((r) => r.key)).toContain('photo');
      const file = await f.services.files.upload(resident(), {
        bytes: PDF,
        fileName: 'photo.pdf',
        declaredType: 'application/pdf',
      });
      const again = await f.services.cases.act(resident(), record.id, 'resubmit', {
        materials: { photo: file.hash },
      });
      expect(['submitted', 'returned']).toContain(again.state);
    } else expect.unreachable(`expected a return for the missing photo, got ${record.state}`);
  });

  it('crosses from a Shangrao window to the Quzhou department (异地代收代办): receiving separated from deciding', async () => {
    f.clock.now = MONDAY;
    const window = f.actors['window-shangrao']!;
    const record = await f.services.cases.submit(window, {
      itemId: '330800-ca-marriage-record-certificate',
      applicantId: f.residents[0],
      form: { purpose: '办理房产登记' },
      consent: true,
    });
    expect(record).toMatchObject({
      state: 'submitted',
      mode: 'proxy',
      channel: 'window',
      receivingDivision: '361100',
      handlingDivision: '330822',
      visits: 1,
    });
    // The window cannot decide; the Quzhou department cannot forward; an officer of another department sees nothing.
    expect(await codeOf(f.services.cases.act(window, record.id, 'accept', {}))).toBe('403 NOT_YOUR_ROLE');
    expect(await codeOf(f.services.cases.act(f.actors['ps-changshan']!, record.id, 'accept', {}))).toBe(
      '404 NOT_FOUND',
    );
    const forwarded = await f.services.cases.act(window, record.id, 'forward', {
      reason: '材料齐全，身份核验无误',
    });
    expect(forwarded.state).toBe('forwarded');
    const civil = f.actors['civil-changshan']!;
    expect(await codeOf(f.services.cases.act(civil, record.id, 'forward', {}))).toBe('403 NOT_YOUR_ROLE');
    const accepted = await f.services.cases.act(civil, record.id, 'accept', {});
    expect(accepted.dueOn).toBe('2026-06-01');
    await f.services.cases.act(civil, record.id, 'claim', {});
    expect(await codeOf(f.services.cases.act(window, record.id, 'approve', {}))).toBe('403 NOT_YOUR_ROLE');
    const approved = await f.services.cases.act(civil, record.id, 'approve', {});
    expect(approved.resultNumber).toBe(`${record.id}-R`);
    // The Quzhou department cannot hand the result out at the Shangrao window; the window can.
    expect(await codeOf(f.services.cases.act(civil, record.id, 'deliver', { delivery: 'window' }))).toBe(
      '422 INVALID_ACTION_INPUT',
    );
    const delivered = await f.services.cases.act(window, record.id, 'deliver', { delivery: 'window' });
    expect(delivered).toMatchObject({ state: 'delivered', visits: 2, maxVisits: 0 });
  });

  it('stops the clock while waiting for a supplement and moves the deadline by the paused working days', async () => {
    f.clock.now = MONDAY;
    const record = await f.services.cases.submit(resident(), {
      itemId: '330800-hpf-transfer',
      form: { fromCentre: '上饶市住房公积金中心' },
      consent: true,
    });
    expect(record.dueOn).toBe('2026-06-04'); // 3 working days
    const officer = f.actors['hpf-city']!;
    await f.services.cases.act(officer, record.id, 'claim', {});
    later(f, 1);
    const paused = await f.services.cases.act(officer, record.id, 'request_supplement', {
      reasons: [
        {
          kind: 'material',
          key: 'fromCentre',
          message: { zh: '请写明转出中心全称', en: 'Name the transferring centre in full' },
        },
      ],
    });
    expect(paused).toMatchObject({ state: 'suspended', dueOn: null });
    later(f, 7); // Tuesday 06-09: 06-03 … 06-09 paused (5 working days)
    const resumed = await f.services.cases.act(resident(), record.id, 'supplement', {
      form: { fromCentre: '上饶市住房公积金管理中心' },
    });
    expect(resumed).toMatchObject({ state: 'in_review', dueOn: '2026-06-11' });
    expect(resumed.form.fromCentre).toBe('上饶市住房公积金管理中心');
  });

  it('refuses what the state, the role or the calendar do not allow, writing nothing', async () => {
    f.clock.now = MONDAY;
    const record = await f.services.cases.submit(resident(), {
      itemId: '330800-hpf-account-query',
      form: {},
      consent: true,
    });
    const officer = f.actors['hpf-city']!;
    expect(await codeOf(f.services.cases.act(officer, record.id, 'approve', {}))).toBe(
      '409 TRANSITION_NOT_ALLOWED',
    );
    expect(await codeOf(f.services.cases.act(f.actors['hpf-huangshan']!, record.id, 'claim', {}))).toBe(
      '404 NOT_FOUND',
    );
    expect(await codeOf(f.services.cases.act(f.actors['resident-b']!, record.id, 'withdraw', {}))).toBe(
      '404 NOT_FOUND',
    );
    await f.services.cases.act(officer, record.id, 'claim', {});
    expect(await codeOf(f.services.cases.act(officer, record.id, 'deny', { reason: ' ' }))).toBe(
      '422 INVALID_ACTION_INPUT',
    );
    expect(await codeOf(f.services.cases.act(officer, record.id, 'claim', { expectedVersion: 1 }))).toBe(
      '409 CASE_CHANGED',
    );
    // Enterprise items are not for residents; a deadline past the provisional calendar cannot be dated.
    expect(
      await codeOf(
        f.services.cases.submit(resident(), {
          itemId: '330800-hpf-employer-registration',
          form: {},
          consent: true,
        }),
      ),
    ).toBe('422 ITEM_NOT_FOR_APPLICANT');
    f.clock.now = new Date('2026-12-28T02:00:00Z');
    expect(
      await codeOf(
        f.services.cases.submit(resident(), {
          itemId: '330800-hpf-account-query',
          form: {},
          consent: true,
          requestKey: 'late',
        }),
      ),
    ).toBe('ok');
    // hpf-transfer promises 3 working days: from 2026-12-29 that ends in 2027, on the provisional calendar.
    f.clock.now = new Date('2026-12-29T02:00:00Z');
    const transfer = {
      itemId: '330800-hpf-transfer',
      form: { fromCentre: '南平市住房公积金中心' },
      consent: true,
    };
    const provisional = await f.services.cases.submit(resident(), { ...transfer, requestKey: 'provisional' });
    expect(provisional).toMatchObject({ state: 'accepted', dueOn: '2027-01-04' });
    expect(f.services.views.slaOf(provisional)).toMatchObject({
      dueOn: '2027-01-04',
      dueDateProvisional: true,
    });
    // Past the provisional horizon (2036) a deadline has no calendar at all: refused, nothing written.
    f.clock.now = new Date('2036-12-29T02:00:00Z');
    const countCases = async () =>
      (await f.services.views.mine(resident(), 1_000)).filter((c) => c.itemId === '330800-hpf-transfer')
        .length;
    const casesBefore = await countCases();
    const late = f.services.cases.submit(resident(), { ...transfer, requestKey: 'year-missing' });
    await expect(late).rejects.toMatchObject({
      status: 422,
      code: 'CALENDAR_YEAR_MISSING',
      params: { year: 2037 },
    });
    expect(await countCases()).toBe(casesBefore);
    expect((await f.t.platform.audit.verify()).ok).toBe(true);
  });

  it('gives the same case for a retried application with the same request key', async () => {
    f.clock.now = MONDAY;
    const input = { itemId: '330800-hpf-account-query', form: {}, consent: true, requestKey: 'retry-1' };
    const first = await f.services.cases.submit(resident(), input);
    const second = await f.services.cases.submit(resident(), input);
    expect(second.id).toBe(first.id);
    // Case numbers: the handling city, the day, then the day's running number.
    const third = await f.services.cases.submit(resident(), { ...input, requestKey: 'retry-2' });
    expect(third.id.slice(0, 14)).toBe('33080020260601');
    expect(Number(third.id.slice(14))).toBeGreaterThan(Number(first.id.slice(14)));
  });

  it('needs every joint department’s agreement before a 多地联办 case is approved', async () => {
    f.clock.now = MONDAY;
    const record = await f.services.cases.submit(resident(), {
      itemId: '330800-ps-newborn-registration',
      form: { childName: '张小宝', joinParent: 'father' },
      consent: true,
    });
    expect(record.state).toBe('submitted'); // joint items always go to an officer
    const police = f.actors['ps-changshan']!;
    await f.services.cases.act(police, record.id, 'accept', {});
    await f.services.cases.act(police, record.id, 'claim', {});
    expect(await codeOf(f.services.cases.act(police, record.id, 'approve', {}))).toBe(
      '409 JOINT_OPINIONS_PENDING',
    );
    await f.services.cases.opinion(f.actors['health-changshan']!, record.id, {
      opinion: 'agree',
      reason: '出生医学证明核验一致',
    });
    await f.services.cases.opinion(f.actors['mi-changshan']!, record.id, {
      opinion: 'disagree',
      reason: '参保信息待核实',
    });
    expect(await codeOf(f.services.cases.act(police, record.id, 'approve', {}))).toBe(
      '409 JOINT_OPINION_AGAINST',
    );
    await f.services.cases.opinion(f.actors['mi-changshan']!, record.id, {
      opinion: 'agree',
      reason: '已核实',
    });
    expect((await f.services.cases.act(police, record.id, 'approve', {})).state).toBe('approved');
    expect(
      await codeOf(
        f.services.cases.opinion(f.actors['civil-changshan']!, record.id, { opinion: 'agree', reason: 'x' }),
      ),
    ).toBe('404 NOT_FOUND');
  });
});
