import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, loginHeaders, startTestApp, type TestApp } from '../../../test/api/support';
import { testDialects } from '../../kernel/db/test-databases';
import { silentProgress } from '../../kernel/progress';
import { DEMO_PASSWORD, seedCity } from '../../seed';

const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

describe.each(testDialects)('carbon behaviour ingestion on %s', (dialect) => {
  let t: TestApp;
  let resident: string;
  let other: string;
  let ingest: Record<string, string>;
  const login = (username: string) => loginHeaders(t.app, username, DEMO_PASSWORD);
  const send = (payload: string, headers: Record<string, string>, type = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/carbon/behaviours:batch',
      payload,
      headers: { ...headers, 'content-type': type },
    });
  const event = (
    eventId: string,
    subjectId: string,
    behaviour: string,
    amount: number,
    occurredAt = hourAgo(),
  ) => ({ eventId, subjectId, behaviour, amount, occurredAt });

  beforeAll(async () => {
    t = await startTestApp(dialect, { users: [] });
    await seedCity(t.platform, {
      scale: 'demo',
      seed: 5,
      sizes: { residents: 300, enterprises: 20 },
      progress: silentProgress,
    });
    resident = (await t.platform.auth.findByUsername('resident'))!.subjectId!;
    other = (await t.platform.registry.residentsAfter({ limit: 2 }))
      .map((r) => r.residentId)
      .find((id) => id !== resident)!;
    ingest = await login('officer-330800-ecology');
  }, 120_000);
  afterAll(() => t.dispose());

  it('credits points for a JSON batch, once, whatever the retries', async () => {
    // Credited here by hand: the app's background worker would race the "not yet in the wallet" check.
    await t.platform.carbon.behaviours.stopCrediting();
    const batch = JSON.stringify([
      event('a1', resident, 'metro_km', 10),
      event('a2', resident, 'paperless_bill', 1),
      event('a3', other, 'bus_trip', 1),
    ]);
    const first = await send(batch, ingest);
    expect(first.statusCode).toBe(200);
    const report = first.json();
    expect(report).toMatchObject({ accepted: 3, duplicates: 0, rejected: 0 });
    expect(report.points).toBeGreaterThan(0);
    expect(report.pointsPending).toBe(true);
    const pointsNow = async () =>
      (await t.app.inject({ url: '/api/v1/carbon/points/me', headers: await login('resident') })).json()
        .balance;
    // Accepted points reach the wallet in the crediting step (the server's worker; here called directly).
    expect(await pointsNow()).toBe(0);
    expect(await t.platform.carbon.behaviours.creditPending()).toMatchObject({ points: report.points });
    const balance = await pointsNow();
    expect(balance).toBe(report.results[0].points + report.results[1].points);
    const again = (await send(batch, ingest)).json();
    expect(again).toMatchObject({ accepted: 0, duplicates: 3, points: 0, pointsPending: false });
    await t.platform.carbon.behaviours.creditPending();
    expect(again.results[0].reason).toMatchObject({ code: 'already_received' });
    expect(again.results[0].reason.message).not.toContain('undefined');
    expect(
      (await t.app.inject({ url: '/api/v1/carbon/points/me', headers: await login('resident') })).json()
        .balance,
    ).toBe(balance);
    const trial = await t.platform.ledger.trialBalance();
    expect(trial.find((r) => r.currency === 'POINTS')).toEqual({
      currency: 'POINTS',
      total: 0,
      accountsOutOfLine: 0,
    });
    t.platform.carbon.behaviours.startCrediting();
    expect(await t.platform.audit.verify()).toMatchObject({ ok: true });
  });

  it('reports each bad NDJSON line on its own and still credits the good ones', async () => {
    const lines = [
      JSON.stringify(event('b1', resident, 'walking_1000_steps', 5)),
      '{"eventId": "b2", broken',
      JSON.stringify(event('b3', resident, 'teleport', 1)),
      JSON.stringify(event('b4', resident, 'bus_trip', 1, new Date(Date.now() + 86_400_000).toISOString())),
      JSON.stringify(event('b5', '110105194912310021', 'bus_trip', 1)),
      JSON.stringify(event('b6', '11010519491231002X', 'bus_trip', 1)),
    ].join('\n');
    const report = (await send(lines, { ...ingest, 'accept-language': 'en' }, 'application/x-ndjson')).json();
    expect(report.results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
    expect(report.results.map((r: { reason?: { code: string } }) => r.reason?.code)).toEqual([
      undefined,
      'malformed_line',
      'unknown_behaviour',
      'in_future',
      'invalid_subject',
      'invalid_subject',
    ]);
    for (const r of report.results.slice(1)) expect(r.reason.message.length).toBeGreaterThan(10);
    expect(report.results[4].reason.message).toContain('check digit');
    // A well-formed ID of someone the city does not know is not "malformed": the message says what is wrong.
    expect(report.results[5].reason.message).toContain('not registered in the city');
  });

  it('accepts a resident’s events once their account is opened, after refusing them before', async () => {
    const newcomer = '11010519491231002X';
    const before = (await send(JSON.stringify([event('new-1', newcomer, 'bus_trip', 1)]), ingest)).json();
    expect(before.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'invalid_subject' } });
    // The ingest service remembers residents with an account, never residents without one.
    await t.platform.carbon.accounts.open('resident', newcomer, '330802', null);
    const after = (await send(JSON.stringify([event('new-2', newcomer, 'bus_trip', 1)]), ingest)).json();
    expect(after.results[0]).toMatchObject({ status: 'accepted' });
  });

  it('treats one eventId sent twice in a batch as a duplicate whatever source the events claim', async () => {
    const pair = [
      { ...event('dup-1', resident, 'bus_trip', 1), source: 'x' },
      { ...event('dup-1', resident, 'bus_trip', 1), source: 'y' },
    ];
    const response = await send(JSON.stringify(pair), ingest);
    expect(response.statusCode).toBe(200);
    expect(response.json().results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'duplicate',
    ]);
  });

  it('applies the daily cap across events and batches', async () => {
    const at = hourAgo();
    const first = (
      await send(
        JSON.stringify(
          Array.from({ length: 8 }, (_, i) => event(`cap-${i}`, other, 'no_disposable_tableware', 1, at)),
        ),
        ingest,
      )
    ).json();
    const credited = first.results.filter((r: { points: number }) => r.points > 0);
    expect(credited).toHaveLength(3);
    expect(first.results.filter((r: { capped: boolean }) => r.capped).length).toBeGreaterThan(0);
    const later = (
      await send(JSON.stringify([event('cap-9', other, 'no_disposable_tableware', 1, at)]), ingest)
    ).json();
    expect(later.results[0]).toMatchObject({ status: 'accepted', points: 0, capped: true });
  });

  it('counts a re-sent event neither twice nor against the cap twice when it comes back among new ones', async () => {
    const third = (await t.platform.registry.residentsAfter({ limit: 5 }))
      .map((r) => r.residentId)
      .find((id) => id !== resident && id !== other)!;
    const at = hourAgo();
    const tableware = (id: string) => event(id, third, 'no_disposable_tableware', 1, at);
    const first = (await send(JSON.stringify([tableware('mix-0')]), ingest)).json();
    expect(first.results[0]).toMatchObject({ status: 'accepted', capped: false });
    // mix-0 sorts first: assessed as new, it would use up the cap a unit early and cost mix-2 its points.
    const second = (
      await send(JSON.stringify(['mix-0', 'mix-1', 'mix-2', 'mix-3'].map(tableware)), ingest)
    ).json();
    expect(second.results.map((r: { status: string }) => r.status)).toEqual([
      'duplicate',
      'accepted',
      'accepted',
      'accepted',
    ]);
    expect(second.results[0].reason.code).toBe('already_received');
    expect(second.results.slice(1).map((r: { capped: boolean }) => r.capped)).toEqual([false, false, true]);
    expect(second.results[1].points).toBeGreaterThan(0);
    expect(second.results[2].points).toBeGreaterThan(0);
    expect(second.results[3].points).toBe(0);
    expect(second).toMatchObject({ accepted: 3, duplicates: 1 });
  });

  it('keeps caps exact when two batches for one person race', async () => {
    const at = hourAgo();
    const batch = (prefix: string) =>
      JSON.stringify(
        Array.from({ length: 3 }, (_, i) =>
          event(`${prefix}-${i}`, resident, 'online_government_service', 1, at),
        ),
      );
    const [a, b] = await Promise.all([send(batch('race-a'), ingest), send(batch('race-b'), ingest)]);
    const earning = [...a.json().results, ...b.json().results].filter(
      (r: { points: number }) => r.points > 0,
    );
    expect(earning).toHaveLength(5);
  });

  it('answers 422 for a JSON body that is not an array, 400 for an empty batch, 413 past 10,000 events', async () => {
    expect((await send('{"eventId": "x"}', ingest)).statusCode).toBe(422);
    const empty = await send('\n\n', ingest, 'application/x-ndjson');
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).code).toBe('BATCH_EMPTY');
    const tooMany = await send(
      JSON.stringify(Array.from({ length: 10_001 }, (_, i) => event(`m${i}`, resident, 'bus_trip', 1))),
      ingest,
    );
    expect(tooMany.statusCode).toBe(413);
  });

  /** The balance once pending points are credited. */
  const balanceOf = async (username: string) => {
    await t.platform.carbon.behaviours.creditPending();
    return (await t.app.inject({ url: '/api/v1/carbon/points/me', headers: await login(username) })).json()
      .balance as number;
  };
  const redeem = async (code: string, quantity: number, key: string | null, username = 'resident') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/carbon/rewards/${code}/redemptions`,
      payload: { quantity },
      headers: { ...(await login(username)), ...(key ? { 'idempotency-key': key } : {}) },
    });

  it('redeems points for rewards once per idempotency key, moving stock and points together', async () => {
    await send(JSON.stringify([event('earn-1', resident, 'clothes_donation_kg', 5)]), ingest);
    const before = await balanceOf('resident');
    const stockBefore = (await t.app.inject({ url: '/api/v1/carbon/rewards' }))
      .json()
      .items.find((r: { code: string }) => r.code === 'bus_ride_voucher').stockLeft;
    const first = await redeem('bus_ride_voucher', 2, 'key-0001-redeem');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      rewardCode: 'bus_ride_voucher',
      quantity: 2,
      points: 300,
      replayed: false,
    });
    const replay = await redeem('bus_ride_voucher', 2, 'key-0001-redeem');
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ id: first.json().id, replayed: true });
    expect(await balanceOf('resident')).toBe(before - 300);
    const stockAfter = (await t.app.inject({ url: '/api/v1/carbon/rewards' }))
      .json()
      .items.find((r: { code: string }) => r.code === 'bus_ride_voucher').stockLeft;
    expect(stockAfter).toBe(stockBefore - 2);
    expect((await redeem('bus_ride_voucher', 3, 'key-0001-redeem')).statusCode).toBe(409);
    const mine = (
      await t.app.inject({ url: '/api/v1/carbon/redemptions/me', headers: await login('resident') })
    ).json().items;
    expect(mine).toHaveLength(1);
  });

  it('refuses redemptions without points, stock, key, a real reward or a resident', async () => {
    const poor = await redeem('changshan_huyou_box', 10, 'key-0002-redeem');
    expect(poor.statusCode).toBe(409);
    expect(errorOf(poor).code).toBe('INSUFFICIENT_POINTS');
    expect((await redeem('bus_ride_voucher', 1, null)).statusCode).toBe(422);
    expect((await redeem('bus_ride_voucher', 0, 'key-0003-redeem')).statusCode).toBe(422);
    expect((await redeem('golden_statue', 1, 'key-0004-redeem')).statusCode).toBe(404);
    expect((await redeem('bus_ride_voucher', 1, 'key-0005-redeem', 'officer')).statusCode).toBe(403);
    const trial = await t.platform.ledger.trialBalance();
    expect(trial.find((r) => r.currency === 'POINTS')).toEqual({
      currency: 'POINTS',
      total: 0,
      accountsOutOfLine: 0,
    });
  });

  it('runs ingestion and redemptions for one resident side by side without deadlock or 500', async () => {
    const ops = Array.from({ length: 8 }, (_, i) => [
      send(JSON.stringify([event(`mix-${i}`, resident, 'clothes_donation_kg', 0.5)]), ingest),
      redeem('bus_ride_voucher', 1, `key-mix-${i}-redeem`),
    ]).flat();
    const statuses = (await Promise.all([...ops, t.platform.carbon.behaviours.creditPending()])).flatMap(
      (r) => ('statusCode' in r ? [r.statusCode] : []),
    );
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    await t.platform.carbon.behaviours.creditPending();
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(8);
    const trial = await t.platform.ledger.trialBalance();
    expect(trial.find((r) => r.currency === 'POINTS')).toEqual({
      currency: 'POINTS',
      total: 0,
      accountsOutOfLine: 0,
    });
  });

  it('reverses an event exactly, once, and never below what is left unspent', async () => {
    const reverse = async (eventId: string, username = 'officer-330800-ecology') =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/carbon/behaviours/${eventId}/reversal`,
        headers: await login(username),
      });
    await send(JSON.stringify([event('rev-1', resident, 'clothes_donation_kg', 1)]), ingest);
    const before = await balanceOf('resident');
    const undone = await reverse('rev-1');
    expect(undone.json()).toMatchObject({ eventId: 'rev-1', points: 360, alreadyReversed: false });
    expect(await balanceOf('resident')).toBe(before - 360);
    expect((await reverse('rev-1')).json()).toMatchObject({ alreadyReversed: true });
    expect(await balanceOf('resident')).toBe(before - 360);
    expect((await reverse('no-such-event')).statusCode).toBe(404);
    expect((await reverse('rev-1', 'officer-330822-ecology')).statusCode).toBe(403);

    await send(JSON.stringify([event('rev-2', other, 'clothes_donation_kg', 1)]), ingest);
    await t.platform.auth.createUser(
      {
        username: 'other-resident',
        password: DEMO_PASSWORD,
        displayName: 'other',
        role: 'resident',
        subjectId: other,
      },
      null,
    );
    await t.platform.carbon.behaviours.creditPending();
    const spend = await redeem('bus_ride_voucher', 2, 'key-0006-redeem', 'other-resident');
    expect(spend.statusCode).toBe(201);
    expect(await balanceOf('other-resident')).toBeLessThan(360);
    const refused = await reverse('rev-2');
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('INSUFFICIENT_BALANCE');
    expect((await reverse('rev-2')).statusCode).toBe(409);
    expect(await t.platform.audit.verify()).toMatchObject({ ok: true });
  });

  it('lets only the city ecology bureau or admins ingest; residents read only their own points', async () => {
    const batch = JSON.stringify([event('z1', resident, 'bus_trip', 1)]);
    expect((await send(batch, {})).statusCode).toBe(401);
    expect((await send(batch, await login('resident'))).statusCode).toBe(403);
    expect((await send(batch, await login('officer-330822-ecology'))).statusCode).toBe(403);
    expect(
      (await t.app.inject({ url: '/api/v1/carbon/points/me', headers: await login('officer') })).statusCode,
    ).toBe(403);
  });
});
