import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AuditService, auditComponent, createAuditService } from '../audit';
import { migrate } from '../db';
import { openTestDatabase, type TestDatabase, testDialects } from '../db/test-databases';
import { AppError } from '../errors';
import type { ExchangeActor } from './exchange-actor';
import { createExchangeService, type ExchangeService, exchangeComponent, type ReadRequest } from './index';

const DAY = 86_400_000;
const ENTERPRISE = { type: 'enterprise', id: '91330822MA2A0B1C2D' } as const;
const BANK = '91330800DEMBANK19H';
const OTHER_BANK = '91330800DEMBANK27C';
const agent = { id: 'agent-1', role: 'enterprise_agent' };
const banker: ExchangeActor = { id: 'banker-1', role: 'bank', organisation: BANK };

async function refusal(
  promise: Promise<unknown>,
): Promise<{ status: number; code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.each(testDialects)('exchange on %s', (dialect) => {
  let database: TestDatabase;
  let audit: AuditService;
  let exchange: ExchangeService;
  let clock: Date;
  const start = new Date('2026-03-01T02:00:00.000Z');
  const later = (ms: number) => new Date(start.getTime() + ms);

  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    await migrate(database, [auditComponent, exchangeComponent]);
    clock = start;
    audit = createAuditService(database, () => clock);
    exchange = createExchangeService(database, audit, () => clock);
  });
  afterEach(async () => {
    await database.dispose();
  });

  const grant = (expiresAt = later(30 * DAY), grantee = BANK) =>
    exchange.grant(
      {
        subject: ENTERPRISE,
        grantee: { type: 'organisation', id: grantee },
        purpose: 'loan_assessment',
        dataset: 'carbon.credit_report',
        expiresAt,
      },
      agent,
      'req-grant',
    );
  const request = (overrides: Partial<ReadRequest> = {}): ReadRequest => ({
    actor: banker,
    subject: ENTERPRISE,
    dataset: 'carbon.credit_report',
    purpose: 'loan_assessment',
    fields: ['emissions', 'label'],
    requiresConsent: true,
    requestId: 'req-read',
    ...overrides,
  });
  const read = (overrides: Partial<ReadRequest> = {}, fetch = async () => ({ report: 1 })) =>
    exchange.read(request(overrides), fetch);
  const logged = async () => (await exchange.accessLog(ENTERPRISE, { limit: 100 })).items;

  it('reads with an active consent, logs the read and audits it', async () => {
    const consent = await grant();
    expect(await read()).toEqual({ report: 1 });
    const [record] = await logged();
    expect(record).toMatchObject({
      actor: banker,
      subject: ENTERPRISE,
      dataset: 'carbon.credit_report',
      fields: ['emissions', 'label'],
      purpose: 'loan_assessment',
      consentId: consent.id,
      caseId: null,
      requestId: 'req-read',
      occurredAt: start.toISOString(),
    });
    const history = await audit.history('exchange_access_log', String(record?.seq));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      action: 'exchange.read',
      actor_id: 'banker-1',
      request_id: 'req-read',
    });
    expect(JSON.stringify(history)).not.toContain(ENTERPRISE.id);
    expect(await audit.verify()).toEqual({ ok: true, rows: 2 });
  });

  it('refuses without consent, without calling the fetch or logging', async () => {
    const fetch = vi.fn(async () => 1);
    const error = await refusal(exchange.read(request(), fetch));
    expect(error).toMatchObject({ status: 403, code: 'CONSENT_MISSING' });
    expect(fetch).not.toHaveBeenCalled();
    expect(await logged()).toEqual([]);
  });

  it('a consent to another bank does not let this one read', async () => {
    await grant(undefined, OTHER_BANK);
    expect(await refusal(read())).toMatchObject({ status: 403, code: 'CONSENT_MISSING' });
    const otherBanker = { id: 'banker-2', role: 'bank', organisation: OTHER_BANK };
    expect(await read({ actor: otherBanker })).toEqual({ report: 1 });
  });

  it('a consent for another purpose or dataset does not count', async () => {
    await grant();
    expect(await refusal(read({ purpose: 'marketing' }))).toMatchObject({ code: 'CONSENT_MISSING' });
    expect(await refusal(read({ dataset: 'carbon.points' }))).toMatchObject({ code: 'CONSENT_MISSING' });
  });

  it('a consent to one user lets that user read, not their colleagues', async () => {
    await exchange.grant(
      {
        subject: ENTERPRISE,
        grantee: { type: 'user', id: 'banker-1' },
        purpose: 'loan_assessment',
        dataset: 'carbon.credit_report',
        expiresAt: later(DAY),
      },
      agent,
    );
    expect(await read({ actor: { ...banker, organisation: null } })).toEqual({ report: 1 });
    const colleague = { id: 'banker-3', role: 'bank', organisation: BANK };
    expect(await refusal(read({ actor: colleague }))).toMatchObject({ code: 'CONSENT_MISSING' });
  });

  it('holds up to the expiry instant and refuses from it on, naming the expiry', async () => {
    const expiresAt = later(10 * DAY);
    await grant(expiresAt);
    clock = new Date(expiresAt.getTime() - 1);
    expect(await read()).toEqual({ report: 1 });
    clock = expiresAt;
    const error = await refusal(read());
    expect(error).toMatchObject({ status: 403, code: 'CONSENT_EXPIRED' });
    expect(error.message).toContain('2026-03-11 10:00');
    expect(await logged()).toHaveLength(1);
  });

  it('bounds the expiry: after now, at most one year ahead', async () => {
    expect(await refusal(grant(start))).toMatchObject({ status: 422, code: 'INVALID_CONSENT_EXPIRY' });
    const yearLater = new Date('2027-03-01T02:00:00.000Z');
    expect(await refusal(grant(new Date(yearLater.getTime() + 1)))).toMatchObject({ status: 422 });
    expect((await grant(yearLater)).expiresAt).toBe(yearLater.toISOString());
  });

  it('finds the active consent for exactly one grantee, and none once it has expired', async () => {
    const consent = await grant(later(DAY));
    const find = () =>
      exchange.activeConsent(
        ENTERPRISE,
        { type: 'organisation', id: BANK },
        'loan_assessment',
        'carbon.credit_report',
      );
    expect((await find())?.id).toBe(consent.id);
    expect(
      await exchange.activeConsent(
        ENTERPRISE,
        { type: 'organisation', id: OTHER_BANK },
        'loan_assessment',
        'carbon.credit_report',
      ),
    ).toBeNull();
    expect(await exchange.check(banker, ENTERPRISE, 'carbon.credit_report', 'loan_assessment')).toMatchObject(
      { ok: true },
    );
    clock = later(DAY);
    expect(await find()).toBeNull();
  });

  it('refuses a second active consent for the same bank, and allows a new one after revoking', async () => {
    const first = await grant();
    expect(await refusal(grant())).toMatchObject({ status: 409, code: 'CONSENT_EXISTS' });
    await exchange.revoke(first.id, ENTERPRISE, agent);
    const second = await grant();
    expect((await exchange.consentsOf(ENTERPRISE)).map((c) => c.id).sort()).toEqual(
      [first.id, second.id].sort(),
    );
  });

  it('two concurrent grants for the same bank leave one consent', async () => {
    const results = await Promise.allSettled([grant(), grant()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await exchange.consentsOf(ENTERPRISE)).length).toBe(1);
  });

  it('revocation stops reads at once and names when it happened', async () => {
    const consent = await grant();
    expect(await read()).toEqual({ report: 1 });
    clock = later(DAY);
    const revoked = await exchange.revoke(consent.id, ENTERPRISE, agent, 'req-revoke');
    expect(revoked).toMatchObject({ revokedAt: later(DAY).toISOString(), revokedBy: 'agent-1' });
    const error = await refusal(read());
    expect(error).toMatchObject({ status: 403, code: 'CONSENT_REVOKED' });
    expect(error.message).toContain('2026-03-02 10:00');
    expect(await logged()).toHaveLength(1);
    expect(await refusal(exchange.revoke(consent.id, ENTERPRISE, agent))).toMatchObject({
      status: 409,
      code: 'CONSENT_NOT_ACTIVE',
    });
    const history = await audit.history('exchange_consent', consent.id);
    expect(history.map((h) => h.action)).toEqual(['exchange.consent.revoke', 'exchange.consent.grant']);
  });

  it('another subject cannot revoke a consent, and an expired one cannot be revoked', async () => {
    const consent = await grant(later(DAY));
    const other = { type: 'enterprise', id: '91330822MA2A0B1C3E' } as const;
    expect(await refusal(exchange.revoke(consent.id, other, agent))).toMatchObject({ status: 404 });
    expect(await refusal(exchange.revoke('no-such-id', ENTERPRISE, agent))).toMatchObject({ status: 404 });
    clock = later(2 * DAY);
    expect(await refusal(exchange.revoke(consent.id, ENTERPRISE, agent))).toMatchObject({ status: 409 });
  });

  it('logs nothing when the fetch fails', async () => {
    await grant();
    await expect(
      exchange.read(request(), async () => {
        throw new Error('registry down');
      }),
    ).rejects.toThrow('registry down');
    expect(await logged()).toEqual([]);
    expect(await audit.verify()).toEqual({ ok: true, rows: 1 });
  });

  it('a revocation that lands during the fetch refuses the read and logs nothing', async () => {
    const consent = await grant();
    const error = await refusal(
      exchange.read(request(), async () => {
        await exchange.revoke(consent.id, ENTERPRISE, agent);
        return 'data';
      }),
    );
    expect(error.code).toBe('CONSENT_REVOKED');
    expect(await logged()).toEqual([]);
  });

  it('the log row and its audit entry commit together: a failing audit leaves no log row and no data', async () => {
    await grant();
    const failingAudit: AuditService = {
      ...audit,
      record: async () => {
        throw new Error('audit unavailable');
      },
    };
    const broken = createExchangeService(database, failingAudit, () => clock);
    await expect(broken.read(request(), async () => 'data')).rejects.toThrow('audit unavailable');
    expect(await logged()).toEqual([]);
  });

  it('audits a resident’s consent, revocation and read with the ID number masked', async () => {
    const residentId = '330822199001011237';
    const resident = { type: 'resident', id: residentId } as const;
    const entries: unknown[] = [];
    const spying: AuditService = {
      ...audit,
      record: (trx, entry) => {
        entries.push(entry);
        return audit.record(trx, entry);
      },
    };
    const watched = createExchangeService(database, spying, () => clock);
    const consent = await watched.grant(
      {
        subject: resident,
        grantee: { type: 'organisation', id: BANK },
        purpose: 'loan_assessment',
        dataset: 'carbon.personal_report',
        expiresAt: later(30 * DAY),
      },
      { id: 'resident-user-1', role: 'resident' },
    );
    await watched.read(request({ subject: resident, dataset: 'carbon.personal_report' }), async () => 1);
    await watched.revoke(consent.id, resident, { id: 'resident-user-1', role: 'resident' });
    expect(entries).toHaveLength(3);
    const text = JSON.stringify(entries);
    expect(text).not.toContain(residentId);
    expect(text).toContain('330822********1237');
    // The subject's own views still show the full ID.
    expect((await watched.consentsOf(resident))[0]?.subject.id).toBe(residentId);
  });

  it('reads the law allows without consent are still logged, with no consent id and the case', async () => {
    const officer = { id: 'officer-1', role: 'officer', organisation: '330822/services' };
    await read({ actor: officer, requiresConsent: false, caseId: 'case-7', purpose: 'case_handling' });
    expect((await logged())[0]).toMatchObject({ consentId: null, caseId: 'case-7', actor: officer });
  });

  it('pages the access log newest first', async () => {
    await grant();
    for (let i = 0; i < 5; i++) await read({ requestId: `r${i}` });
    const first = await exchange.accessLog(ENTERPRISE, { limit: 2 });
    expect(first.items.map((r) => r.requestId)).toEqual(['r4', 'r3']);
    const second = await exchange.accessLog(ENTERPRISE, { limit: 2, before: first.next ?? 0 });
    expect(second.items.map((r) => r.requestId)).toEqual(['r2', 'r1']);
    const last = await exchange.accessLog(ENTERPRISE, { limit: 2, before: second.next ?? 0 });
    expect(last).toMatchObject({ items: [{ requestId: 'r0' }], next: null });
    expect((await exchange.accessLog({ type: 'resident', id: 'x' }, { limit: 2 })).items).toEqual([]);
  });

  it('the access log is append-only', async () => {
    await grant();
    await read();
    await expect(sql`update exchange_access_log set actor_id = 'x'`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from exchange_access_log`.execute(database.db)).rejects.toThrow(/append-only/);
  });
});
