import { shanghaiDate } from '../../kernel/calendar';
import { insertRows, withIndexesRebuilt } from '../../kernel/db';
import type { SeedContext } from '../../kernel/module';
import type { Progress } from '../../kernel/progress';
import type { Platform } from '../../platform';
import { createRandom } from '../../seed/random';
import { demoResidentRecords, recordsFor, SEED_COLUMNS, SeedDates, type SeedRow } from './seed-records';

const WALK = 10_000;
/** Rows per insert call: a PostgreSQL statement's worth (16 columns), few enough to stay in the young generation. */
const INSERT_BATCH = 2_000;

/** The date of birth a resident ID carries (positions 7-14), as the score's adulthood check reads it: the key walk is 3× faster than reading whole residents. */
const birthDateOf = (residentId: string) =>
  `${residentId.slice(6, 10)}-${residentId.slice(10, 12)}-${residentId.slice(12, 14)}`;

/**
 * 信安分 seed: record histories for every resident (bulk-loaded, audited once), then a population recompute so
 * every resident has a score and a first history point. Deterministic per seed except for the dates, which follow
 * the clock so records are in force today.
 */
export async function seedCredit(context: SeedContext<Platform>): Promise<void> {
  const { platform, progress } = context;
  // A city of custom size is a test's fixture: it plants the records it counts on.
  if ((context as { sizes?: unknown }).sizes !== undefined) return;
  await loadSeedRecords(platform, context.seed, progress);
  await platform.credit.recompute({ progress });
}

/**
 * Generates the record history of every resident on the register (`recordsFor`; the demo login's resident gets
 * `demoResidentRecords`) and bulk-loads it into an empty records table in resident order, the secondary indexes
 * built once after the load; one audit entry for the whole load. Returns the number of records.
 */
export async function loadSeedRecords(
  platform: Platform,
  seed: number,
  progress: Progress,
  now = new Date(),
): Promise<number> {
  const dates = new SeedDates(shanghaiDate(now));
  const createdAt = now.toISOString();
  const random = createRandom(seed, 'credit:records');
  const demoResidentId = (await platform.auth.findByUsername('resident'))?.subjectId ?? null;
  const total = (await platform.registry.countsByCounty()).reduce((sum, c) => sum + c.residents, 0);
  progress.start('credit: records', total);
  const written = await withIndexesRebuilt(platform.database, 'credit_records', async () => {
    let rows = 0;
    let serial = 0;
    let after: string | undefined;
    for (;;) {
      const residents = await platform.registry.residentKeysAfter({ after, limit: WALK });
      if (residents.length === 0) break;
      // One transaction per page of residents; rows go out in small batches, so they die young (no GC promotion).
      await platform.database.db.transaction().execute(async (trx) => {
        let pending: SeedRow[] = [];
        for (const key of residents) {
          const resident = { ...key, birthDate: birthDateOf(key.residentId) };
          const records =
            resident.residentId === demoResidentId
              ? demoResidentRecords(resident, dates.today, createdAt)
              : recordsFor(resident, random, dates, createdAt);
          for (const row of records) {
            // Ids number the records in load order: an id that carried the resident ID would show it to officers.
            serial++;
            row[0] = `seed:${serial}`;
            row[2] = `seed-${serial}`;
            pending.push(row);
          }
          if (pending.length >= INSERT_BATCH) {
            await insertRows(platform.database, trx, 'credit_records', SEED_COLUMNS, pending);
            rows += pending.length;
            pending = [];
          }
        }
        await insertRows(platform.database, trx, 'credit_records', SEED_COLUMNS, pending);
        rows += pending.length;
      });
      progress.increment(residents.length);
      after = residents.at(-1)!.residentId;
    }
    return rows;
  });
  progress.stop();
  await platform.audit.transaction(platform.database.db, async (trx) => {
    await platform.audit.record(trx, {
      actor: null,
      action: 'seed.credit.credit_records',
      resourceType: 'credit_record',
      resourceId: '*',
      after: { rows: written },
    });
  });
  return written;
}
