// Personal behaviour-event ingestion on SQLite (issue 3, "Performance"). A fresh temp database is prepared through
// the real code path (open + migrate, then `seedCity` at demo scale with 20,000 residents and 50 enterprises), and
// valid events are generated beforehand (not timed): catalogue codes from data/carbon/behaviours.csv, amounts
// within each behaviour's daily cap, occurredAt within the last 30 days (Asia/Shanghai, +08:00), random seeded
// residents, unique eventIds. The source is the demo officer `officer-330800-ecology`.
//
// 1. carbon-ingest-service: events/s through `platform.carbon.behaviours.ingest` in batches of 10,000, crediting
//    the points included. Baseline, in the same run: the very rows the service stored, read back after each batch
//    and inserted right then with a raw better-sqlite3 prepared statement, one transaction per batch, into a table
//    of the same shape (the DDL of carbon_behaviour_events as migrated, its indexes included) in a file opened with
//    the platform's pragmas; service and baseline batches alternate, so drift in the machine's speed hits both.
//    Target: ratio ≥ 0.40. With SANQU_BENCH_PROFILE=<file> a CPU profile of this loop is written (the baseline's
//    batches are in it, under openRawBaseline).
// 2. carbon-ingest-http: events/s through the real app (`buildApp`, listening on 127.0.0.1), logged in as the
//    officer, POSTing JSON batches of 10,000 to /api/v1/carbon/behaviours:batch with fetch: one request at a time,
//    and two at a time. Baseline: a bare Fastify server in the same process whose route takes the same JSON body
//    and answers {}. Target: ≥ 100,000 events/s.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../src/http/app';
import type { Actor } from '../src/kernel/auth';
import { openDatabase } from '../src/kernel/db';
import { loadBehaviourCatalogue } from '../src/modules/carbon/load-behaviours';
import { openPlatform, type Platform } from '../src/platform';
import { DEMO_PASSWORD, seedCity } from '../src/seed';
import { createRandom, type Random } from '../src/seed/random';

const SEED = 20261129;
const RESIDENTS = 20_000;
const BATCH = 10_000;
/** Timed batches through the service (plus one warm-up batch before them, not timed). */
const SERVICE_BATCHES = 20;
/** Timed batches through HTTP, for each of: one at a time, two at a time (plus one warm-up request). */
const HTTP_BATCHES = 10;
/** Rounds of the bare server's requests; its baseline is their median. */
const BARE_ROUNDS = 3;
const OFFICER = 'officer-330800-ecology';
const BODY_LIMIT = 16 * 1024 * 1024;
const TABLE = 'carbon_behaviour_events';
/** Units that come whole: a trip, a bill, an order, a service. */
const COUNTED_UNITS = new Set(['trip', 'bill', 'order', 'service']);

interface Event {
  eventId: string;
  subjectId: string;
  behaviour: string;
  amount: number;
  occurredAt: string;
}

const seconds = (started: number) => (performance.now() - started) / 1000;
const rate = (events: number, s: number) => Math.round(events / s);
const fmt = (n: number) => Math.round(n).toLocaleString('en');

/** A fresh database, seeded through `seedCity`; returns the residents' IDs and the ingesting officer. */
async function prepare(dir: string) {
  const started = performance.now();
  const platform = await openPlatform({ dialect: 'sqlite', file: join(dir, 'carbon.db') });
  await seedCity(platform, {
    scale: 'demo',
    seed: SEED,
    sizes: { residents: RESIDENTS, enterprises: 50 },
  });
  const residents: string[] = [];
  for (let after: string | undefined; ; ) {
    const page = await platform.registry.residentsAfter({ after, limit: 10_000 });
    if (page.length === 0) break;
    for (const r of page) residents.push(r.residentId);
    after = page[page.length - 1]!.residentId;
  }
  const actor = await platform.auth.findByUsername(OFFICER);
  if (!actor) throw new Error(`the seed has no ${OFFICER}`);
  console.log(
    `prepared: open + migrate + seedCity(demo, ${fmt(residents.length)} residents, 50 enterprises) in ${seconds(started).toFixed(1)} s`,
  );
  return { platform, residents, actor };
}

/** ISO-8601 in Asia/Shanghai local time with its offset, as a source would send it. */
function shanghai(millis: number): string {
  return `${new Date(millis + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** `count` valid events with ids `<prefix>-<n>`, in batches of BATCH. */
function generate(random: Random, residents: readonly string[], prefix: string, count: number): Event[][] {
  const behaviours = [...loadBehaviourCatalogue().values()];
  const now = Date.now();
  const batches: Event[][] = [];
  for (let start = 0; start < count; start += BATCH) {
    const batch: Event[] = [];
    for (let n = start; n < Math.min(count, start + BATCH); n++) {
      const behaviour = random.pick(behaviours);
      // Whole units for countable behaviours (trips, bills), tenths otherwise; at most a third of the daily cap.
      const top = Math.max(1, behaviour.dailyCapUnits / 3);
      const amount = COUNTED_UNITS.has(behaviour.unit)
        ? random.between(1, Math.ceil(top))
        : Math.max(0.1, Math.round(random.next() * top * 10) / 10);
      batch.push({
        eventId: `${prefix}-${n}`,
        subjectId: random.pick(residents),
        behaviour: behaviour.code,
        amount,
        // Between ten minutes and 30 days ago.
        occurredAt: shanghai(now - 600_000 - random.int(30 * 86_400_000 - 600_000)),
      });
    }
    batches.push(batch);
  }
  return batches;
}

/** Ingests `batches` one after the other; returns each batch's milliseconds. */
async function ingestService(platform: Platform, actor: Actor, batches: Event[][]) {
  const times: number[] = [];
  for (const batch of batches) {
    const started = performance.now();
    const report = await platform.carbon.behaviours.ingest(batch, actor, 'zh-CN');
    times.push(performance.now() - started);
    if (report.accepted !== batch.length) {
      const refused = report.results.find((r) => r.status !== 'accepted');
      throw new Error(`service accepted ${report.accepted} of ${batch.length}: ${JSON.stringify(refused)}`);
    }
  }
  return times;
}

/** First and last batch times: a path that slows down as the tables fill shows here. */
const drift = (times: number[]) =>
  `batch of ${fmt(BATCH)}: first ${fmt(times[0]!)} ms, last ${fmt(times[times.length - 1]!)} ms`;

/**
 * The baseline: rows as the service stored them (in its order) inserted with one prepared statement, one
 * transaction per batch, into a copy of the events table's DDL in a file opened like the platform's. Returns a
 * function that inserts one batch and answers its milliseconds.
 */
function openRawBaseline(dir: string, ddl: string[], columns: number) {
  const database = openDatabase({ dialect: 'sqlite', file: join(dir, 'raw.db') });
  const sqlite = database.sqlite!;
  for (const statement of ddl) sqlite.exec(statement.replaceAll(TABLE, 'raw_behaviour_events'));
  const insert = sqlite.prepare(
    `insert into raw_behaviour_events values (${Array(columns).fill('?').join(', ')})`,
  );
  const batch = sqlite.transaction((slice: unknown[][]) => {
    for (const row of slice) insert.run(row);
  });
  return {
    insert(rows: unknown[][]) {
      const started = performance.now();
      batch(rows);
      return performance.now() - started;
    },
    // Through the platform's close, which also ends the file's WAL checkpoints: closing the handle alone left the
    // checkpoint worker holding the process open after the last RESULT line.
    close: () => database.close(),
  };
}

/** POSTs `bodies` to `url`, `parallel` requests at a time; `check` looks at each answer. Returns seconds and
 * each request's milliseconds, in the order they were sent. */
async function post(
  url: string,
  headers: Record<string, string>,
  bodies: string[],
  parallel: number,
  check: (answer: unknown) => void,
) {
  let next = 0;
  const times: number[] = [];
  const worker = async () => {
    while (next < bodies.length) {
      const sent = next++;
      const body = bodies[sent]!;
      const requested = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
      });
      const answer = await response.json();
      if (response.status !== 200) throw new Error(`${url}: ${response.status} ${JSON.stringify(answer)}`);
      check(answer);
      times[sent] = performance.now() - requested;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: parallel }, worker));
  return { seconds: seconds(started), times };
}

const origin = (address: AddressInfo) => `http://127.0.0.1:${address.port}`;

async function startApp(platform: Platform) {
  const app = await buildApp(platform, {
    bodyLimit: 1_048_576,
    logLevel: 'info',
    cookieSecure: false,
    loginRatePerMinute: 30,
    webRoot: 'dist/web',
    // The production logger, writing nowhere: request logging costs what it costs in production.
    logDestination: { write: () => {} },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = origin(app.server.address() as AddressInfo);
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: OFFICER, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login ${OFFICER}: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  return {
    app,
    url: `${base}/api/v1/carbon/behaviours:batch`,
    headers: { authorization: `Bearer ${token}` },
  };
}

async function startBare() {
  const app = Fastify({ bodyLimit: BODY_LIMIT });
  app.post('/ingest', async () => ({}));
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `${origin(app.server.address() as AddressInfo)}/ingest` };
}

/**
 * With SANQU_BENCH_PROFILE=<file.cpuprofile>, a CPU profile of the timed service phase (no seeding; the baseline's
 * batches are in it, under openRawBaseline) is written there, for Chrome DevTools or a script; with
 * SANQU_BENCH_PROFILE_PHASE=http, of the HTTP requests sent one at a time instead (client and server: one process).
 */
async function startProfile(phase: 'service' | 'http') {
  const file = process.env.SANQU_BENCH_PROFILE;
  if (!file || (process.env.SANQU_BENCH_PROFILE_PHASE ?? 'service') !== phase) return null;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/**
 * The raw baseline kept in step with the platform's events table: `insertNew()` reads the rows stored since its last
 * call (not timed) and inserts them into the raw copy, answering the insert's milliseconds.
 */
function openMirror(platform: Platform, dir: string) {
  const sqlite = platform.database.sqlite!;
  const ddl = (
    sqlite
      .prepare(`select sql from sqlite_master where tbl_name = ? and sql is not null order by type desc`)
      .all(TABLE) as { sql: string }[]
  ).map((r) => r.sql);
  const columns = (sqlite.prepare(`select * from ${TABLE} limit 0`).columns() as unknown[]).length;
  const raw = openRawBaseline(dir, ddl, columns);
  let lastRowid = 0;
  const newRows = () => {
    const rows = sqlite
      .prepare(`select rowid, * from ${TABLE} where rowid > ? order by rowid`)
      .raw(true)
      .all(lastRowid) as unknown[][];
    lastRowid = Number(rows.at(-1)?.[0] ?? lastRowid);
    return rows.map((row) => row.slice(1));
  };
  return {
    /** Mirrors the new rows in transactions of BATCH; returns their count and the milliseconds of the inserts. */
    insertNew() {
      const rows = newRows();
      let ms = 0;
      for (let start = 0; start < rows.length; start += BATCH)
        ms += raw.insert(rows.slice(start, start + BATCH));
      return { rows: rows.length, ms };
    },
    close: raw.close,
  };
}

/** 1. Through the service, each batch followed by the mirror inserting the rows it stored. Its data are dropped on
 * return, so the HTTP run does not collect garbage over them. */
async function servicePhase(
  platform: Platform,
  residents: string[],
  actor: Actor,
  random: Random,
  mirror: ReturnType<typeof openMirror>,
) {
  const [warmup, ...timed] = generate(random, residents, 'svc', (SERVICE_BATCHES + 1) * BATCH);
  await ingestService(platform, actor, [warmup!]);
  await platform.carbon.behaviours.creditPending();
  mirror.insertNew();
  // Service batch and baseline batch alternate, so a machine that speeds up or slows down during the run moves
  // both figures alike.
  const profiler = await startProfile('service');
  let serviceMs = 0;
  let rawMs = 0;
  const serviceTimes: number[] = [];
  for (const batch of timed) {
    const [ms] = await ingestService(platform, actor, [batch]);
    serviceTimes.push(ms!);
    serviceMs += ms!;
    const { rows, ms: insertMs } = mirror.insertNew();
    if (rows !== BATCH) throw new Error(`the service stored ${rows} events`);
    rawMs += insertMs;
  }
  // Timed to the end of crediting: the figure covers points in the wallets, not only accepted events.
  const creditStarted = performance.now();
  const credited = await platform.carbon.behaviours.creditPending();
  const creditMs = performance.now() - creditStarted;
  serviceMs += creditMs;
  await profiler?.stop();
  console.log(
    `crediting (in the figure): ${fmt(credited.points)} points of ${credited.batches} batches to ${fmt(credited.wallets)} wallets in ${(creditMs / 1000).toFixed(2)} s`,
  );
  const serviceEvents = SERVICE_BATCHES * BATCH;
  const serviceRate = rate(serviceEvents, serviceMs / 1000);
  const rawRate = rate(serviceEvents, rawMs / 1000);
  console.log(
    `service: ${fmt(serviceEvents)} events in ${(serviceMs / 1000).toFixed(2)} s = ${fmt(serviceRate)} events/s (${drift(serviceTimes)})`,
  );
  console.log(
    `baseline: the same rows, raw prepared inserts, a transaction per ${fmt(BATCH)}, each right after its service batch: ${(rawMs / 1000).toFixed(2)} s = ${fmt(rawRate)} events/s`,
  );
  return { serviceRate, rawRate };
}

/** 2. Through HTTP: the real app, then the bare server on the same bodies. */
async function httpPhase(
  platform: Platform,
  residents: string[],
  random: Random,
  mirror: ReturnType<typeof openMirror>,
) {
  const [httpWarmup, ...httpTimed] = generate(random, residents, 'http', (2 * HTTP_BATCHES + 1) * BATCH).map(
    (batch) => JSON.stringify(batch),
  );
  const sequentialBodies = httpTimed.slice(0, HTTP_BATCHES);
  const parallelBodies = httpTimed.slice(HTTP_BATCHES);
  const httpEvents = HTTP_BATCHES * BATCH;
  console.log(`HTTP body of ${fmt(BATCH)} events: ${(httpWarmup!.length / 1e6).toFixed(2)} MB of JSON`);

  const real = await startApp(platform);
  const accepted = (answer: unknown) => {
    const report = answer as { accepted: number };
    if (report.accepted !== BATCH) throw new Error(`HTTP batch: accepted ${report.accepted} of ${BATCH}`);
  };
  let httpSequential: Awaited<ReturnType<typeof post>>;
  let httpParallel: Awaited<ReturnType<typeof post>>;
  try {
    await post(real.url, real.headers, [httpWarmup!], 1, accepted);
    mirror.insertNew();
    const profiler = await startProfile('http');
    httpSequential = await post(real.url, real.headers, sequentialBodies, 1, accepted);
    await profiler?.stop();
    // Not a baseline of the figure, a ceiling: the rows these requests stored, inserted raw into the mirror that
    // holds everything stored before them. Acceptance that writes the event row cannot go faster than this.
    const ceiling = mirror.insertNew();
    console.log(
      `HTTP ceiling: the ${fmt(ceiling.rows)} rows those requests stored, raw prepared inserts into a table as full: ${fmt(rate(ceiling.rows, ceiling.ms / 1000))} events/s`,
    );
    httpParallel = await post(real.url, real.headers, parallelBodies, 2, accepted);
  } finally {
    await real.app.close();
  }

  const bare = await startBare();
  const empty = () => {};
  // A bare round takes a fraction of a second, so one stall would move it a lot: the median of three rounds.
  const bareRounds = async (bodies: string[], parallel: number) => {
    const rounds: number[] = [];
    for (let round = 0; round < BARE_ROUNDS; round++)
      rounds.push((await post(bare.url, {}, bodies, parallel, empty)).seconds);
    return rounds.sort((a, b) => a - b)[Math.floor(BARE_ROUNDS / 2)]!;
  };
  let bareSequential: number;
  let bareParallel: number;
  try {
    await post(bare.url, {}, [httpWarmup!], 1, empty);
    bareSequential = await bareRounds(sequentialBodies, 1);
    bareParallel = await bareRounds(parallelBodies, 2);
  } finally {
    await bare.app.close();
  }
  const http1 = rate(httpEvents, httpSequential.seconds);
  const http2 = rate(httpEvents, httpParallel.seconds);
  const bare1 = rate(httpEvents, bareSequential);
  const bare2 = rate(httpEvents, bareParallel);
  console.log(
    `HTTP, one request at a time: ${fmt(httpEvents)} events in ${httpSequential.seconds.toFixed(2)} s = ${fmt(http1)} events/s (${drift(httpSequential.times)}); bare Fastify ${fmt(bare1)} events/s`,
  );
  console.log(
    `HTTP, two requests at a time: ${fmt(httpEvents)} events in ${httpParallel.seconds.toFixed(2)} s = ${fmt(http2)} events/s; bare Fastify ${fmt(bare2)} events/s`,
  );
  return { http1, http2, bare1, bare2 };
}

const dir = mkdtempSync(join(tmpdir(), 'sanqu-bench-carbon-ingest-'));
let platform: Platform | undefined;
let mirror: ReturnType<typeof openMirror> | undefined;
try {
  const prepared = await prepare(dir);
  platform = prepared.platform;
  const { residents, actor } = prepared;
  const random = createRandom(SEED, 'bench:carbon-ingest');
  mirror = openMirror(platform, dir);
  const { serviceRate, rawRate } = await servicePhase(platform, residents, actor, random, mirror);
  console.log(
    `RESULT carbon-ingest-service ${serviceRate} events/s ratio=${(serviceRate / rawRate).toFixed(3)} baseline=${rawRate}`,
  );
  // `--service-only` stops here: for profiling the service layer without the HTTP phase's samples.
  if (!process.argv.includes('--service-only')) {
    const { http1, http2, bare1, bare2 } = await httpPhase(platform, residents, random, mirror);
    console.log(
      `RESULT carbon-ingest-http ${http1} events/s ratio=${(http1 / bare1).toFixed(3)} baseline=${bare1}`,
    );
    console.log(
      `RESULT carbon-ingest-http-2-parallel ${http2} events/s ratio=${(http2 / bare2).toFixed(3)} baseline=${bare2}`,
    );
  }
} finally {
  await mirror?.close();
  await platform?.database.close();
  rmSync(dir, { recursive: true, force: true });
}
