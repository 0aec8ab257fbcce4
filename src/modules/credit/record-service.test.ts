import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditTables } from '../../kernel/audit/audit.tables';
import { addDays, shanghaiDate } from '../../kernel/calendar';
import { tablesOf } from '../../kernel/db';
import { testDialects } from '../../kernel/db/test-databases';
import { makeResidentId } from '../../kernel/identity';
import { silentProgress } from '../../kernel/progress';
import type { CreditTables } from './credit.tables';
import { type CreditFixture, startCreditFixture } from './credit-test-support';

const today = shanghaiDate(new Date());

describe.each(testDialects)('credit records on %s', (dialect) => {
  let f: CreditFixture;
  let a: string;
  const db = () => tablesOf<CreditTables>(f.t.platform.database.db);
  const scoreOf = async (residentId: string) =>
    db().selectFrom('credit_scores').selectAll().where('resident_id', '=', residentId).executeTakeFirst();

  beforeAll(async () => {
    f = await startCreditFixture(dialect);
    a = f.changshan[0];
  }, 120_000);
  afterAll(() => f?.t.dispose());

  it('stores a record, scores the resident at once, keeps a history point, tells the resident and audits it', async () => {
    const volunteer = {
      recordId: 'v-1',
      residentId: a,
      type: 'volunteer_service',
      occurredOn: addDays(today, -30),
      quantity: 12,
    };
    const [result] = await f.t.platform.credit.records.submit(f.actors['civil-changshan']!, [volunteer]);
    expect(result).toMatchObject({ status: 'accepted' });
    const score = await scoreOf(a);
    expect(score).toMatchObject({ score: 512, tier: 'improving', model_version: '2026.1' });
    const history = await f.t.platform.credit.scores.history(a);
    expect(history.at(-1)).toMatchObject({ score: 512, cause: 'records' });
    const notices = await f.t.platform.credit.notifications.of(a);
    expect(notices[0]).toMatchObject({ kind: 'record_added', read: false });
    const audits = await tablesOf<AuditTables>(f.t.platform.database.db)
      .selectFrom('audit_log')
      .select('action')
      .where('resource_id', '=', (result as { id: string }).id)
      .execute();
    expect(audits).toEqual([{ action: 'credit.record.create' }]);
  });

  it('counts a repeated record id once, and refuses the same id with different content', async () => {
    const volunteer = {
      recordId: 'v-1',
      residentId: a,
      type: 'volunteer_service',
      occurredOn: addDays(today, -30),
      quantity: 12,
    };
    const results = await f.t.platform.credit.records.submit(f.actors['civil-changshan']!, [
      volunteer,
      { ...volunteer, quantity: 13 },
    ]);
    expect(results.map((r) => r.status)).toEqual(['duplicate', 'rejected']);
    expect(results[1]).toMatchObject({ rejection: { code: 'duplicate_differs' } });
    expect((await scoreOf(a))?.score).toBe(512);
  });

  it('checks each record on its own: one bad record neither blocks nor half-writes the others', async () => {
    const civil = f.actors['civil-changshan']!;
    const unknownResident = makeResidentId('330822', '1980-02-02', 997);
    const results = await f.t.platform.credit.records.submit(civil, [
      { recordId: 'b-1', residentId: a, type: 'youli_good_deed', occurredOn: addDays(today, -3) },
      { recordId: 'b-2', residentId: a, type: 'blood_donation', occurredOn: addDays(today, -3) },
      { recordId: 'b-3', residentId: a, type: 'no_such_type', occurredOn: addDays(today, -3) },
      { recordId: 'b-4', residentId: a, type: 'volunteer_service', occurredOn: addDays(today, 1) },
      { recordId: 'b-5', residentId: unknownResident, type: 'volunteer_service', occurredOn: today },
      { recordId: 'b-6', residentId: f.kecheng, type: 'volunteer_service', occurredOn: today },
      { recordId: 'b-7', residentId: a, type: 'volunteer_service', occurredOn: today, quantity: 500 },
      { recordId: 'b 8', residentId: a, type: 'volunteer_service', occurredOn: today },
      { recordId: 'b-9', residentId: '330822199001011230', type: 'volunteer_service', occurredOn: today },
      { recordId: 'b-10', residentId: a, type: 'volunteer_service', occurredOn: addDays(today, -1200) },
      {
        recordId: 'b-11',
        residentId: a,
        type: 'volunteer_service',
        occurredOn: today,
        validUntil: addDays(today, 2000),
      },
      { recordId: 'b-12', residentId: a, type: 'volunteer_service', occurredOn: '2026-02-30' },
      { recordId: 'b-13', residentId: a, type: 'volunteer_service', occurredOn: today, quantity: 4 },
    ]);
    const codes = results.map((r) => (r.status === 'rejected' ? r.rejection.code : r.status));
    expect(codes).toEqual([
      'accepted',
      'not_your_type',
      'unknown_type',
      'in_future',
      'unknown_resident',
      'outside_jurisdiction',
      'bad_quantity',
      'bad_record_id',
      'bad_resident_id',
      'already_expired',
      'validity_too_long',
      'bad_date',
      'accepted',
    ]);
    const stored = await db()
      .selectFrom('credit_records')
      .select('source_record_id')
      .where('resident_id', '=', a)
      .execute();
    expect(stored.map((r) => r.source_record_id).sort()).toEqual(['b-1', 'b-13', 'v-1']);
    expect((await scoreOf(a))?.score).toBe(512 + 40 + 4);
  });

  it('lowers the score for a negative record from the entitled department only', async () => {
    const court = f.actors['court-city']!;
    const [wrong] = await f.t.platform.credit.records.submit(f.actors['civil-changshan']!, [
      { recordId: 'c-0', residentId: a, type: 'court_enforcement', occurredOn: today },
    ]);
    expect(wrong).toMatchObject({
      status: 'rejected',
      rejection: { code: 'not_your_type', department: 'court' },
    });
    const [listed] = await f.t.platform.credit.records.submit(court, [
      {
        recordId: 'c-1',
        residentId: a,
        type: 'court_enforcement',
        occurredOn: today,
        evidenceRef: '(2026)浙0822执1号',
      },
    ]);
    expect(listed).toMatchObject({ status: 'accepted' });
    expect((await scoreOf(a))?.score).toBe(556 - 150);
    expect((await scoreOf(a))?.tier).toBe('improving');
  });

  it('lists a department’s own register within its jurisdiction only', async () => {
    const mine = await f.t.platform.credit.records.ofDepartment({
      department: 'civilization',
      divisionCode: '330822',
    });
    expect(mine.length).toBe(3);
    const kecheng = await f.t.platform.credit.records.ofDepartment({
      department: 'civilization',
      divisionCode: '330802',
    });
    expect(kecheng).toEqual([]);
    // A page at a time: records of one batch share createdAt, and the cursor's id keeps them all.
    const paged: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 5; page++) {
      const [next] = await f.t.platform.credit.records.ofDepartment({
        department: 'civilization',
        divisionCode: '330822',
        limit: 1,
        before,
      });
      if (!next) break;
      paged.push(next.id);
      before = `${next.createdAt}|${next.id}`;
    }
    expect(paged).toEqual(mine.map((r) => r.id));
  });

  it('stores a minor’s record but scores nobody under 18, in the moment or in a recompute', async () => {
    const minor = (await f.t.platform.registry.residentsAfter({ countyCode: '330822', limit: 500 })).find(
      (r) => r.birthDate > addDays(today, -16 * 365),
    );
    expect(minor).toBeDefined();
    const [result] = await f.t.platform.credit.records.submit(f.actors['civil-changshan']!, [
      {
        recordId: 'm-1',
        residentId: minor!.residentId,
        type: 'volunteer_service',
        occurredOn: today,
        quantity: 2,
      },
    ]);
    expect(result).toMatchObject({ status: 'accepted' });
    expect(await scoreOf(minor!.residentId)).toBeUndefined();
    await f.t.platform.credit.recompute({ progress: silentProgress });
    expect(await scoreOf(minor!.residentId)).toBeUndefined();
    expect(await scoreOf(a)).toBeDefined();
  });

  it('keeps the audit chain intact', async () => {
    expect(await f.t.platform.audit.verify()).toMatchObject({ ok: true });
  });
});
