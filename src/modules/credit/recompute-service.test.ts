import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditTables } from '../../kernel/audit/audit.tables';
import { addDays, shanghaiDate } from '../../kernel/calendar';
import { tablesOf } from '../../kernel/db';
import { testDialects } from '../../kernel/db/test-databases';
import { silentProgress } from '../../kernel/progress';
import { isScoredOn } from './adults';
import type { CreditTables } from './credit.tables';
import { type CreditFixture, startCreditFixture } from './credit-test-support';
import { recordTypes } from './record-types';
import { toScored } from './rescore';
import { computeScore, typeMap } from './score';

const today = shanghaiDate(new Date());

describe.each(testDialects)('population recompute on %s', (dialect) => {
  let f: CreditFixture;
  const db = () => tablesOf<CreditTables>(f.t.platform.database.db);
  const recompute = () => f.t.platform.credit.recompute({ progress: silentProgress });

  beforeAll(async () => {
    f = await startCreditFixture(dialect);
  }, 120_000);
  afterAll(() => f?.t.dispose());

  it('scores every adult as computeScore does on their records, adds history for changes only, and drops scores of residents it does not score', async () => {
    const [a, b] = f.changshan;
    const submitted = [
      await f.t.platform.credit.records.submit(f.actors['civil-changshan']!, [
        {
          recordId: 'v-1',
          residentId: a,
          type: 'volunteer_service',
          occurredOn: addDays(today, -40),
          quantity: 9.5,
        },
        {
          recordId: 'v-2',
          residentId: a,
          type: 'volunteer_service',
          occurredOn: addDays(today, -3),
          quantity: 4,
        },
      ]),
      await f.t.platform.credit.records.submit(f.actors['court-city']!, [
        { recordId: 'c-1', residentId: b, type: 'court_enforcement', occurredOn: addDays(today, -200) },
      ]),
      await f.t.platform.credit.records.submit(f.actors['utility-city']!, [
        { recordId: 'u-1', residentId: f.kecheng, type: 'utility_arrears', occurredOn: addDays(today, -20) },
      ]),
    ].flat();
    expect(submitted.every((r) => r.status === 'accepted')).toBe(true);
    const keys = await f.t.platform.registry.residentKeysAfter({ limit: 10_000 });
    const adults = keys.filter((k) => isScoredOn(k.residentId, today));
    const minor = keys.find((k) => !isScoredOn(k.residentId, today))!;
    // Scores that must go: a minor's, and one of an ID no longer on the register (inside the walked range).
    const stale = {
      division_code: '330822001001',
      score: 1,
      tier: 'improving',
      model_version: '2026.1',
      dimensions: '{}',
      computed_at: '2026-01-01T00:00:00.000Z',
    };
    await db()
      .insertInto('credit_scores')
      .values([
        { ...stale, resident_id: minor.residentId },
        { ...stale, resident_id: `${keys[0]!.residentId}Z` },
      ])
      .execute();

    // Records the recompute reads as joined text: a quantity whose double needs 17 digits, and the other statuses.
    const other = adults.at(-1)!;
    const raw = (id: string, quantity: number, status: string, type = 'volunteer_service') => ({
      id,
      source: 'civilization/330800',
      source_record_id: id,
      resident_id: other.residentId,
      division_code: other.divisionCode,
      type,
      department: type === 'volunteer_service' ? 'civilization' : 'tax',
      quantity,
      occurred_on: addDays(today, -10),
      valid_until: addDays(today, 300),
      evidence_ref: null,
      status,
      revision: 1,
      created_at: '2026-01-01T00:00:00.000Z',
      created_by: 'test',
      updated_at: '2026-01-01T00:00:00.000Z',
    });
    await db()
      .insertInto('credit_records')
      .values([
        raw('raw-1', 0.1 + 0.2, 'active'),
        raw('raw-2', 1 / 3, 'disputed'),
        raw('raw-3', 7, 'withdrawn'),
        raw('raw-4', 1, 'repaired', 'tax_arrears'),
        raw('raw-5', 1, 'disputed', 'tax_arrears'),
      ])
      .execute();

    const result = await recompute();
    // The three residents with records were rescored when their records came in: unchanged now.
    expect(result).toMatchObject({
      modelVersion: '2026.1',
      residents: adults.length,
      changed: adults.length - 3,
      asOf: today,
    });

    const model = await f.t.platform.credit.models.active();
    const types = typeMap(recordTypes());
    const records = await db()
      .selectFrom('credit_records')
      .select(['resident_id', 'id', 'type', 'quantity', 'occurred_on', 'valid_until', 'status'])
      .execute();
    const stored = new Map(
      (await db().selectFrom('credit_scores').selectAll().execute()).map((s) => [s.resident_id, s]),
    );
    expect([...stored.keys()].sort()).toEqual(adults.map((k) => k.residentId).sort());
    for (const key of adults) {
      const score = computeScore(
        model,
        types,
        records.filter((r) => r.resident_id === key.residentId).map(toScored),
        today,
      );
      const row = stored.get(key.residentId)!;
      expect([Number(row.score), row.tier, row.division_code]).toEqual([
        score.score,
        score.tier,
        key.divisionCode,
      ]);
      expect(JSON.parse(row.dimensions)).toEqual(
        Object.fromEntries(score.dimensions.map((d) => [d.code, d.contribution])),
      );
    }
    expect(Number(stored.get(b)!.score)).toBeLessThan(
      Number(stored.get(adults.find((k) => ![a, b, f.kecheng].includes(k.residentId))!.residentId)!.score),
    );
    const history = await db()
      .selectFrom('credit_score_history')
      .select(['resident_id', 'cause'])
      .where('cause', '=', 'recompute:2026.1')
      .execute();
    expect(history).toHaveLength(adults.length - 3);
    expect(history.map((h) => h.resident_id)).not.toContain(a);
  });

  it('changes nothing when run again, and audits each run', async () => {
    const again = await recompute();
    expect(again.changed).toBe(0);
    const audits = await tablesOf<AuditTables>(f.t.platform.database.db)
      .selectFrom('audit_log')
      .select('resource_id')
      .where('action', '=', 'credit.score.recompute')
      .execute();
    // One chunk per run: the fixture's 400 residents fit in one.
    expect(audits).toHaveLength(2);
  });
});
