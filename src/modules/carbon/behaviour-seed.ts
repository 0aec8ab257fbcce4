import { type SanquDatabase, tablesOf } from '../../kernel/db';
import type { SeedContext } from '../../kernel/module';
import { type Progress, silentProgress } from '../../kernel/progress';
import type { Platform } from '../../platform';
import { createRandom, type Random } from '../../seed/random';
import type { Behaviour } from './behaviours';
import type { CarbonTables } from './carbon.tables';
import { accountsOf, type EventRow, insertEvents } from './ingest-store';
import { loadBehaviourCatalogue, loadPointsConfig } from './load-behaviours';
import { assessBehaviour, dayOfMillis, expiryOfDay } from './points';

/** The source seeded events come from (`import:<name>`, like a partner's file import). */
export const SEED_SOURCE = 'seed-city';
/** Set to `month` to give a full-scale seed one month of events for every resident (benchmarks; see bench/README.md). */
export const MONTH_SWITCH = 'SANQU_SEED_BEHAVIOUR_MONTH';

const DAY_MS = 86_400_000;
const SERVICE_BATCH = 10_000;
/** Units that come whole: a trip, a bill, an order, a service. */
const COUNTED_UNITS = new Set(['trip', 'bill', 'order', 'service']);

/** [assume] Most residents report a few behaviours a quarter; a few active ones report most days. */
function eventsFor(random: Random, perDayActive: number): number {
  const roll = random.next();
  if (roll < 0.35) return 0;
  if (roll < 0.95) return random.between(1, 6);
  return random.between(15, Math.max(15, perDayActive));
}

/** A plausible amount: whole units for countable behaviours, tenths otherwise, mostly within the daily cap. */
function amountOf(random: Random, behaviour: Behaviour): number {
  const top = Math.max(1, behaviour.dailyCapUnits * (random.chance(0.05) ? 1.5 : 0.6));
  return COUNTED_UNITS.has(behaviour.unit)
    ? random.between(1, Math.ceil(top))
    : Math.max(0.1, Math.round(random.next() * top * 10) / 10);
}

/** ISO-8601 in Asia/Shanghai local time with its offset, as a partner would send it. */
const shanghai = (millis: number) => `${new Date(millis + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

/**
 * 绿色行为 seed: the demo city's residents get behaviour events over the last 88 days (within the 90-day window the
 * ingest accepts), sent through the real ingest service in batches of 10,000 — caps, points and the ledger as in
 * production — then credited. Deterministic per seed except for the dates, which follow the clock.
 */
export async function seedBehaviourEvents(context: SeedContext<Platform>): Promise<void> {
  const { platform, progress } = context;
  // A city of custom size is a test's or a benchmark's fixture: it plants the events it counts on, and seeded
  // events in the same months would change its totals. (seedCity passes its size overrides along.)
  if ((context as { sizes?: unknown }).sizes !== undefined) return;
  if (context.scale === 'full') {
    if (process.env[MONTH_SWITCH] === 'month') await generateBehaviourMonth(platform, context.seed, progress);
    return;
  }
  const random = createRandom(context.seed, 'carbon:behaviours');
  const behaviours = [...loadBehaviourCatalogue().values()];
  const now = Date.now();
  const residents = await allResidents(platform);
  progress.start('carbon: behaviour events', residents.length);
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await platform.carbon.behaviours.ingestFromSource(SEED_SOURCE, batch, null, 'zh-CN');
    batch = [];
  };
  for (const [n, residentId] of residents.entries()) {
    const favourites = [random.pick(behaviours), random.pick(behaviours), random.pick(behaviours)];
    for (let i = eventsFor(random, 120); i > 0; i--) {
      const behaviour = random.chance(0.8) ? random.pick(favourites) : random.pick(behaviours);
      batch.push({
        eventId: `${residentId.slice(-6)}-${n}-${i}`,
        subjectId: residentId,
        behaviour: behaviour.code,
        amount: amountOf(random, behaviour),
        occurredAt: shanghai(now - 3_600_000 - random.int(88 * DAY_MS)),
      });
      if (batch.length === SERVICE_BATCH) await flush();
    }
    progress.increment();
  }
  await flush();
  progress.stop();
  await platform.carbon.behaviours.creditPending();
}

async function allResidents(platform: Platform): Promise<string[]> {
  const ids: string[] = [];
  for (let after: string | undefined; ; ) {
    const page = await platform.registry.residentKeysAfter({ after, limit: 10_000 });
    if (page.length === 0) return ids;
    for (const r of page) ids.push(r.residentId);
    after = page[page.length - 1]!.residentId;
  }
}

/** Residents per generated batch: one transaction, one batch row, one ledger posting when credited. */
const MONTH_CHUNK = 20_000;

/**
 * One month (the last 30 days) of events for every resident, generated in bulk for benchmarks: at most one event per
 * resident, behaviour and day, so no cap applies and points follow from the amount alone (assessBehaviour), written
 * with the ingest's own bulk insert and batch rows, then credited through the ledger like any batch. Not the
 * service path (no per-event dedup reads): tens of millions of rows must load in minutes.
 */
export async function generateBehaviourMonth(
  platform: Platform,
  seed: number,
  progress: Progress = silentProgress,
) {
  const database: SanquDatabase = platform.database;
  const db = tablesOf<CarbonTables>(database.db);
  const catalogue = loadBehaviourCatalogue();
  const config = loadPointsConfig();
  const behaviours = [...catalogue.values()];
  const random = createRandom(seed, 'carbon:behaviour-month');
  const now = Date.now();
  const source = `import:${SEED_SOURCE}-month`;
  const residents = await allResidents(platform);
  progress.start('carbon: one month of behaviour events', residents.length);
  for (let start = 0; start < residents.length; start += MONTH_CHUNK) {
    const chunk = residents.slice(start, start + MONTH_CHUNK);
    await platform.audit.transaction(db, async (trx) => {
      const accounts = await accountsOf(database, trx, chunk);
      const receivedAt = new Date().toISOString();
      const batch = await trx
        .insertInto('carbon_behaviour_batches')
        .values({ source, received_at: receivedAt, events: 0, points: 0, credits: '[]', credited_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows: EventRow[] = [];
      const owed = new Map<string, number>();
      for (const [n, residentId] of chunk.entries()) {
        const account = accounts.get(residentId);
        if (!account) continue;
        const used = new Set<string>();
        for (let i = eventsFor(random, 60); i > 0; i--) {
          const behaviour = random.pick(behaviours);
          const at = now - 3_600_000 - random.int(30 * DAY_MS);
          const day = dayOfMillis(at);
          if (used.has(`${behaviour.code}|${day}`)) continue;
          used.add(`${behaviour.code}|${day}`);
          const amount = Math.min(amountOf(random, behaviour), behaviour.dailyCapUnits);
          const a = assessBehaviour(catalogue, config, { behaviour: behaviour.code, amount }, 0);
          rows.push([
            source,
            `m${start + n}-${i}`,
            residentId,
            behaviour.code,
            amount,
            new Date(at).toISOString(),
            day,
            Math.round(a.creditedUnits * 1000),
            a.grams,
            a.points,
            a.capped ? 1 : 0,
            expiryOfDay(day, config),
            null,
            receivedAt,
            null,
            Number(batch.id),
          ]);
        }
      }
      // A re-run skips the events already there, and owes nothing for them.
      const inserted = await insertEvents(database, trx, rows);
      rows.forEach((row, i) => {
        const account = accounts.get(row[2]);
        if (inserted[i] && account && row[9] > 0) owed.set(account, (owed.get(account) ?? 0) + row[9]);
      });
      const points = [...owed.values()].reduce((a, b) => a + b, 0);
      await trx
        .updateTable('carbon_behaviour_batches')
        .set({
          events: inserted.filter(Boolean).length,
          points,
          credits: JSON.stringify([...owed]),
          credited_at: points > 0 ? null : receivedAt,
        })
        .where('id', '=', Number(batch.id))
        .execute();
      await platform.audit.record(trx, {
        actor: null,
        action: 'seed.carbon.behaviour_events',
        resourceType: 'carbon_behaviour_batch',
        resourceId: String(batch.id),
        after: { events: rows.length, points },
      });
    });
    await platform.carbon.behaviours.creditPending();
    progress.increment(chunk.length);
  }
  progress.stop();
}
