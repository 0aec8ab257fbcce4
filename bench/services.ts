// 一网通办 on SQLite with 1,000,000 cases (issue 5, "Performance"). A fresh temp database is migrated by
// `openPlatform`; a small city is seeded (20,000 residents, 500 enterprises, every demo login) and the services
// seed's own generator (`loadSeedCases`, as `sanqu seed --scale full` runs it) loads 1,000,000 cases over 2026
// (their timelines left out: neither figure reads them).
//
// services-queue-p99: milliseconds, 99th percentile, of `platform.services.queues.queue(officer, …)` — an officer's
// queue page of 20, one state at a time, soonest deadline first — over 2,000 queries after 200 warm-up ones: every
// item department's officers of the city and of each county, every state tab, half of them a second page (keyset).
// Baseline, same run: the first page's SQL as a raw better-sqlite3 prepared statement (what a page costs without
// the service: authorisation, Kysely, keyset, mapping). Target: p99 < 50 ms.
//
// services-transitions-vs-bpmn: transitions per second through the service layer — accept (the statutory deadline
// computed on the working-day calendar), claim, approve — on cases waiting at pre-check, each step persisted with
// its timeline row, notices and its own audit entry: the figure is an officer's batches of 50
// (`platform.services.actMany`, 批量办理: each step checked on its own, one transaction per batch); one step per
// call (`platform.services.cases.act`, one transaction each) is printed beside it. Baseline, same run: the
// npm package bpmn-engine running the equivalent approval in memory — a process with three user tasks inside a
// sub-process that carries a non-interrupting SLA boundary timer (P5D), each task signalled as soon as it waits,
// one instance at a time, the BPMN parsed once. Target: ratio ≥ 25.
//
//   npm run bench -- services            (SERVICES_CASES=100000 for a quicker, smaller run)
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from 'bpmn-engine';
import BpmnModdle from 'bpmn-moddle';
import type { Actor } from '../src/kernel/auth';
import { silentProgress } from '../src/kernel/progress';
import { CASE_COLUMNS } from '../src/modules/services/case-columns';
import type { CaseState } from '../src/modules/services/case-workflow';
import { ITEM_DEPARTMENTS } from '../src/modules/services/catalogue';
import { caseSeedOptions, loadSeedCases } from '../src/modules/services/seed';
import { generateCase } from '../src/modules/services/seed-cases';
import { openPlatform, type Platform } from '../src/platform';
import { seedCity } from '../src/seed';
import { createRandom } from '../src/seed/random';

const CASES = Number(process.env.SERVICES_CASES ?? 1_000_000);
const WARM_UP = 200;
const QUERIES = 2_000;
const TRANSITION_CASES = 1_000;
const BPMN_INSTANCES = 600;
/** Steps per officer batch (批量办理): a queue page and a half. */
const BATCH = 50;
const fmt = (n: number) => Math.round(n).toLocaleString('en');
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;

async function prepare(platform: Platform) {
  let started = performance.now();
  await seedCity(platform, {
    scale: 'demo',
    seed: 20261129,
    sizes: { residents: 20_000, enterprises: 500 },
    progress: silentProgress,
  });
  console.log(
    `  city (20,000 residents, demo logins) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  started = performance.now();
  const options = await caseSeedOptions(platform, '2026-01-05', '2026-11-27');
  const written = await loadSeedCases(
    platform,
    options,
    CASES,
    createRandom(20261129, 'services:cases'),
    () => {},
    false,
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `  ${fmt(written)} cases generated and loaded in ${seconds.toFixed(1)} s (${fmt(written / seconds)}/s)`,
  );
}

async function queueBenchmark(platform: Platform) {
  const officers: Actor[] = [];
  for (const division of ['330800', '330802', '330803', '330822', '330824', '330825', '330881'])
    for (const department of ITEM_DEPARTMENTS) {
      const officer = await platform.auth.findByUsername(`officer-${division}-${department}`);
      if (officer) officers.push(officer);
    }
  const states: CaseState[] = ['submitted', 'accepted', 'in_review', 'suspended', 'approved', 'delivered'];
  const random = createRandom(7, 'bench:queue');
  const raw = platform.database.sqlite;
  if (!raw) throw new Error('the benchmark runs on SQLite');
  // The same SQL the service runs for a first page, per kind of state (see queue-service.ts).
  const where = `department = ? and state = ? and handling_division >= ? and handling_division < ?`;
  const bareSql = {
    dated: raw.prepare(`select * from services_cases where ${where} order by due_on, id limit 21`),
    undated: raw.prepare(
      `select * from services_cases where ${where} and due_on is null order by id limit 21`,
    ),
    finished: raw.prepare(`select * from services_cases where ${where} order by id desc limit 21`),
  };
  const kindOf = (state: CaseState) =>
    ['accepted', 'in_review', 'approved'].includes(state)
      ? 'dated'
      : ['delivered', 'denied', 'withdrawn'].includes(state)
        ? 'finished'
        : 'undated';
  const ours: number[] = [];
  const bare: number[] = [];
  let rows = 0;
  for (let i = 0; i < WARM_UP + QUERIES; i++) {
    const officer = officers[random.int(officers.length)] as Actor;
    const state = states[random.int(states.length)] as CaseState;
    let started = performance.now();
    let page = await platform.services.queues.queue(officer, { view: 'handling', state, limit: 20 });
    if (random.chance(0.5) && page.next)
      page = await platform.services.queues.queue(officer, {
        view: 'handling',
        state,
        limit: 20,
        after: page.next,
      });
    const took = performance.now() - started;
    const prefix = officer.divisionCode?.endsWith('00')
      ? officer.divisionCode.slice(0, 4)
      : (officer.divisionCode as string);
    const upper = String(Number(prefix) + 1);
    started = performance.now();
    bareSql[kindOf(state)].all(officer.department, state, prefix, upper);
    const bareTook = performance.now() - started;
    if (i >= WARM_UP) {
      ours.push(took);
      bare.push(bareTook);
      rows += page.items.length;
    }
  }
  ours.sort((a, b) => a - b);
  bare.sort((a, b) => a - b);
  const p99 = percentile(ours, 99);
  console.log(
    `  queue pages: p50 ${percentile(ours, 50).toFixed(2)} ms, p95 ${percentile(ours, 95).toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${ours.at(-1)?.toFixed(2)} ms (${fmt(rows / QUERIES)} rows per query on average)`,
  );
  console.log(
    `  bare SQL: p50 ${percentile(bare, 50).toFixed(2)} ms, p99 ${percentile(bare, 99).toFixed(2)} ms`,
  );
  console.log(
    `RESULT services-queue-p99 ${p99.toFixed(2)} ms ratio=${(p99 / percentile(bare, 99)).toFixed(2)} baseline=${percentile(bare, 99).toFixed(2)}ms target<50ms`,
  );
}

/** Cases waiting at pre-check for one city-level item, written straight into the table (setup, not timed). */
async function pendingCases(platform: Platform, count: number): Promise<string[]> {
  const options = await caseSeedOptions(platform, '2026-11-02', '2026-11-02');
  const item = options.items.find((i) => i.id === '330800-hpf-transfer');
  if (!item) throw new Error('item 330800-hpf-transfer missing');
  const random = createRandom(11, 'bench:pending');
  const ids: string[] = [];
  const rows: unknown[][] = [];
  let serial = 20_000_000;
  while (rows.length < count) {
    const generated = generateCase(random, { ...options, items: [item] }, ++serial);
    if (!generated) continue;
    const row = {
      ...generated.row,
      state: 'submitted',
      accepted_on: null,
      due_on: null,
      warn_on: null,
      pauses: '[]',
      decided_at: null,
      decision_reason: null,
      working_days: null,
      delivery: null,
      delivered_at: null,
      result_number: null,
      assignee_id: null,
      assignee_name: null,
    };
    ids.push(row.id);
    rows.push(CASE_COLUMNS.map((column) => row[column]));
  }
  const { insertRows } = await import('../src/kernel/db');
  await platform.database.db
    .transaction()
    .execute((trx) => insertRows(platform.database, trx, 'services_cases', CASE_COLUMNS, rows as never));
  return ids;
}

/** Transitions per second, one step per call (`act`) and in an officer's batches of 50 (`actMany`). */
async function ourTransitions(platform: Platform): Promise<{ single: number; batched: number }> {
  const officer = await platform.auth.findByUsername('officer-330800-provident_fund');
  if (!officer) throw new Error('no provident-fund officer');
  const ids = await pendingCases(platform, 100 + TRANSITION_CASES * 2);
  const one = async (slice: string[]) => {
    for (const id of slice) {
      await platform.services.cases.act(officer, id, 'accept', {});
      await platform.services.cases.act(officer, id, 'claim', {});
      await platform.services.cases.act(officer, id, 'approve', {});
    }
  };
  const batches = async (slice: string[]) => {
    for (let start = 0; start < slice.length; start += BATCH)
      for (const action of ['accept', 'claim', 'approve'] as const) {
        const results = await platform.services.actMany(
          officer,
          slice.slice(start, start + BATCH).map((caseId) => ({ caseId, action })),
        );
        if (results.some((r) => r.status !== 'done')) throw new Error(`a batched ${action} was refused`);
      }
  };
  await one(ids.slice(0, 50));
  await batches(ids.slice(50, 100));
  let started = performance.now();
  await one(ids.slice(100, 100 + TRANSITION_CASES));
  const single = (TRANSITION_CASES * 3) / ((performance.now() - started) / 1000);
  started = performance.now();
  await batches(ids.slice(100 + TRANSITION_CASES));
  const batched = (TRANSITION_CASES * 3) / ((performance.now() - started) / 1000);
  return { single, batched };
}

const APPROVAL_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="approval" targetNamespace="http://sanqu.example/bpmn">
  <process id="case" isExecutable="true">
    <startEvent id="submitted" />
    <sequenceFlow id="toHandling" sourceRef="submitted" targetRef="handling" />
    <subProcess id="handling">
      <startEvent id="handlingStart" />
      <sequenceFlow id="toAccept" sourceRef="handlingStart" targetRef="accept" />
      <userTask id="accept" />
      <sequenceFlow id="toClaim" sourceRef="accept" targetRef="claim" />
      <userTask id="claim" />
      <sequenceFlow id="toApprove" sourceRef="claim" targetRef="approve" />
      <userTask id="approve" />
      <sequenceFlow id="toHandlingEnd" sourceRef="approve" targetRef="handlingEnd" />
      <endEvent id="handlingEnd" />
    </subProcess>
    <boundaryEvent id="sla" attachedToRef="handling" cancelActivity="false">
      <timerEventDefinition><timeDuration xsi:type="tFormalExpression">P5D</timeDuration></timerEventDefinition>
    </boundaryEvent>
    <sequenceFlow id="toEscalate" sourceRef="sla" targetRef="escalated" />
    <endEvent id="escalated" />
    <sequenceFlow id="toDone" sourceRef="handling" targetRef="done" />
    <endEvent id="done" />
  </process>
</definitions>`;

async function bpmnTransitions(): Promise<number> {
  const moddleContext = await new BpmnModdle().fromXML(APPROVAL_BPMN);
  let signalled = 0;
  const runOne = () =>
    new Promise<void>((resolve, reject) => {
      const engine = new Engine({ name: 'approval', moddleContext: moddleContext as never });
      const listener = new EventEmitter();
      listener.on('activity.wait', (api: { signal: () => void }) => {
        signalled++;
        api.signal();
      });
      engine.once('end', () => resolve());
      engine.once('error', reject);
      engine.execute({ listener }).catch(reject);
    });
  for (let i = 0; i < 50; i++) await runOne();
  signalled = 0;
  const started = performance.now();
  for (let i = 0; i < BPMN_INSTANCES; i++) await runOne();
  const seconds = (performance.now() - started) / 1000;
  if (signalled !== BPMN_INSTANCES * 3)
    throw new Error(`bpmn-engine signalled ${signalled} tasks, expected ${BPMN_INSTANCES * 3}`);
  return signalled / seconds;
}

const dir = mkdtempSync(join(tmpdir(), 'sanqu-bench-services-'));
const platform = await openPlatform({ dialect: 'sqlite', file: join(dir, 'bench.db') });
try {
  console.log(`preparing ${fmt(CASES)} cases`);
  await prepare(platform);
  await queueBenchmark(platform);
  const bpmnBefore = await bpmnTransitions();
  const ours = await ourTransitions(platform);
  const bpmnAfter = await bpmnTransitions();
  const bpmn = (bpmnBefore + bpmnAfter) / 2;
  console.log(
    `  bpmn-engine: ${fmt(bpmnBefore)} and ${fmt(bpmnAfter)} transitions/s (before and after ours)`,
  );
  console.log(
    `  ours, one step per call: ${fmt(ours.single)} transitions/s (ratio ${(ours.single / bpmn).toFixed(2)}); in batches of ${BATCH}: ${fmt(ours.batched)} transitions/s`,
  );
  const audit = await platform.audit.verify();
  if (!audit.ok) throw new Error('the audit chain does not verify after the run');
  console.log(
    `RESULT services-transitions-vs-bpmn ${fmt(ours.batched)} transitions/s ratio=${(ours.batched / bpmn).toFixed(2)} baseline=${fmt(bpmn)}/s target≥25 (batches of ${BATCH}; single-step ratio ${(ours.single / bpmn).toFixed(2)})`,
  );
} finally {
  await platform.database.close();
  rmSync(dir, { recursive: true, force: true });
}
