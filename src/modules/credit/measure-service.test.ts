import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '../../kernel/calendar';
import { testDialects } from '../../kernel/db/test-databases';
import { AppError } from '../../kernel/errors';
import { silentProgress } from '../../kernel/progress';
import { type CreditFixture, LIBRARY, startCreditFixture } from './credit-test-support';
import { shippedModels } from './score-model';

const today = shanghaiDate(new Date());
const codeOf = async (work: Promise<unknown>) =>
  work.then(
    () => 'no error',
    (error) => (error instanceof AppError ? `${error.status} ${error.code}` : String(error)),
  );

describe.each(testDialects)('credit incentives, access and recompute on %s', (dialect) => {
  let f: CreditFixture;
  let a: string;
  let b: string;
  const library = () => f.actors['library-agent']!;

  beforeAll(async () => {
    f = await startCreditFixture(dialect);
    [a, b] = f.changshan;
    // a: 500 + 60 (utilities, the life cap) + 60 (volunteering) = 620, good; b: no records, 500, improving.
    await f.t.platform.credit.records.submit(f.actors['utility-city']!, [
      {
        recordId: 'u-1',
        residentId: a,
        type: 'utility_on_time',
        occurredOn: addDays(today, -5),
        quantity: 12,
      },
    ]);
    await f.t.platform.credit.records.submit(f.actors['civil-changshan']!, [
      {
        recordId: 'v-1',
        residentId: a,
        type: 'volunteer_service',
        occurredOn: addDays(today, -5),
        quantity: 60,
      },
    ]);
  }, 120_000);
  afterAll(() => f?.t.dispose());

  it('ships 22 public measures plus market perks, and shows a resident what they qualify for', async () => {
    const measures = await f.t.platform.credit.measures.list();
    expect(measures.filter((m) => m.kind === 'public')).toHaveLength(22);
    expect(measures.some((m) => m.kind === 'market')).toBe(true);
    const forA = await f.t.platform.credit.measures.forResident(a);
    const forB = await f.t.platform.credit.measures.forResident(b);
    expect(forA.find((m) => m.id === 'library-deposit-free')?.qualifies).toBe(true);
    expect(forA.find((m) => m.id === 'scenic-discount')?.qualifies).toBe(false);
    expect(forB.some((m) => m.qualifies)).toBe(false);
  });

  it('answers a provider only with the resident’s consent, only about its own measures, and logs each answer', async () => {
    const check = (measure: string, resident: string) =>
      f.t.platform.credit.measures.check(library(), measure, resident);
    expect(await codeOf(check('library-deposit-free', a))).toBe('403 CONSENT_MISSING');
    const consent = await f.t.platform.credit.access.grantEligibility(
      f.actors['resident-a']!,
      LIBRARY,
      new Date(Date.now() + 30 * 86_400_000),
      await f.t.platform.credit.measures.list(),
      null,
    );
    expect(await check('library-deposit-free', a)).toMatchObject({ eligible: true });
    expect(await check('library-deposit-free', a)).not.toHaveProperty('tier');
    expect(await codeOf(check('public-bike-deposit-free', a))).toBe('403 NOT_YOUR_MEASURE');
    const log = await f.t.platform.credit.access.accessLogOf(a, { limit: 10 });
    expect(log.items[0]).toMatchObject({
      dataset: 'credit.eligibility',
      fields: ['eligible'],
      actor: { organisation: LIBRARY },
    });
    await f.t.platform.credit.access.revokeEligibility(f.actors['resident-a']!, consent.id, null);
    expect(await codeOf(check('library-deposit-free', a))).toBe('403 CONSENT_REVOKED');
  });

  it('discloses the tier only for measures whose benefit depends on it', async () => {
    const bank = f.actors['bank-agent']!;
    await f.t.platform.credit.access.grantEligibility(
      f.actors['resident-a']!,
      bank.subjectId!,
      new Date(Date.now() + 86_400_000),
      await f.t.platform.credit.measures.list(),
      null,
    );
    expect(await f.t.platform.credit.measures.check(bank, 'credit-loan', a)).toMatchObject({
      eligible: true,
      tier: 'good',
    });
  });

  it('records a use once per use key, and refuses a use by someone who does not qualify', async () => {
    await f.t.platform.credit.access.grantEligibility(
      f.actors['resident-a']!,
      LIBRARY,
      new Date(Date.now() + 86_400_000),
      await f.t.platform.credit.measures.list(),
      null,
    );
    await f.t.platform.credit.access.grantEligibility(
      f.actors['resident-b']!,
      LIBRARY,
      new Date(Date.now() + 86_400_000),
      await f.t.platform.credit.measures.list(),
      null,
    );
    const first = await f.t.platform.credit.measures.recordUse(library(), 'library-deposit-free', {
      residentId: a,
      useKey: 'loan-1',
    });
    const again = await f.t.platform.credit.measures.recordUse(library(), 'library-deposit-free', {
      residentId: a,
      useKey: 'loan-1',
    });
    expect(again).toEqual({ ...first, repeated: true });
    expect(
      await codeOf(
        f.t.platform.credit.measures.recordUse(library(), 'library-deposit-free', {
          residentId: b,
          useKey: 'loan-1',
        }),
      ),
    ).toBe('409 USE_KEY_REUSED');
    expect(
      await codeOf(
        f.t.platform.credit.measures.recordUse(library(), 'library-deposit-free', {
          residentId: b,
          useKey: 'loan-2',
        }),
      ),
    ).toBe('409 NOT_ELIGIBLE');
    expect(await f.t.platform.credit.measures.usesOf(a)).toHaveLength(1);
  });

  it('logs an officer’s read of a resident’s records and shows it to the resident', async () => {
    const records = await f.t.platform.credit.access.recordsForOfficer(
      f.actors['civil-changshan']!,
      a,
      'record_verification',
      null,
    );
    expect(records.map((r) => r.type)).toEqual(['volunteer_service']);
    const log = await f.t.platform.credit.access.accessLogOf(a, { limit: 1 });
    expect(log.items[0]).toMatchObject({
      dataset: 'credit.records',
      purpose: 'record_verification',
      consentId: null,
    });
  });

  it('switches model versions only through a population recompute, recording who and how many', async () => {
    const model = { ...shippedModels().at(-1)!, version: '2099.1', base: 520 };
    await f.t.platform.credit.models.add(model, { id: 'admin', role: 'officer' });
    expect((await f.t.platform.credit.models.active()).version).toBe('2026.1');
    expect((await f.t.platform.credit.scores.current(a)).score).toBe(620);
    const result = await f.t.platform.credit.recompute({ modelVersion: '2099.1', progress: silentProgress });
    const everyone = (await f.t.platform.registry.countsByCounty()).reduce((s, c) => s + c.residents, 0);
    const distribution = await f.t.platform.credit.scores.distribution('330800');
    const scored = distribution.reduce((s, r) => s + r.residents, 0);
    expect(result).toMatchObject({ modelVersion: '2099.1', residents: scored });
    // Adults only: the fixture city has children too.
    expect(scored).toBeLessThan(everyone);
    expect(await f.t.platform.credit.scores.current(a)).toMatchObject({
      score: 640,
      tier: 'good',
      modelVersion: '2099.1',
    });
    expect((await f.t.platform.credit.scores.history(a)).at(-1)).toMatchObject({
      score: 640,
      cause: 'recompute:2099.1',
    });
    const versions = await f.t.platform.credit.models.versions();
    expect(versions.find((v) => v.active)?.version).toBe('2099.1');
    const again = await f.t.platform.credit.recompute({ progress: silentProgress });
    expect(again).toMatchObject({ modelVersion: '2099.1', changed: 0 });
    expect(await codeOf(f.t.platform.credit.models.add(model, { id: 'admin', role: 'officer' }))).toBe(
      '409 MODEL_EXISTS',
    );
    expect(
      await codeOf(
        f.t.platform.credit.models.add(
          { ...model, version: '2099.2', base: 5000 },
          { id: 'admin', role: 'officer' },
        ),
      ),
    ).toBe('422 INVALID_MODEL');
  });

  it('keeps the audit chain intact', async () => {
    expect(await f.t.platform.audit.verify()).toMatchObject({ ok: true });
  });
});
