import { shanghaiDate } from '../../kernel/calendar';
import { bulkInsert } from '../../kernel/db';
import type { SeedContext } from '../../kernel/module';
import type { Platform } from '../../platform';
import { createRandom } from '../../seed/random';
import { demoResidentRecords, recordsFor, SEED_COLUMNS, type SeedRow } from './seed-records';

const WALK = 10_000;
const INSERT_BATCH = 50_000;

/**
 * 信安分 seed: record histories for every resident (bulk-inserted, audited once per batch), then a population
 * recompute so every resident has a score and a first history point. Deterministic per seed except for the dates,
 * which follow the clock so records are in force today.
 */
export async function seedCredit(context: SeedContext<Platform>): Promise<void> {
  const { platform, progress } = context;
  // A city of custom size is a test's fixture: it plants the records it counts on.
  if ((context as { sizes?: unknown }).sizes !== undefined) return;
  const now = new Date();
  const today = shanghaiDate(now);
  const createdAt = now.toISOString();
  const random = createRandom(context.seed, 'credit:records');
  const demoResidentId = (await platform.auth.findByUsername('resident'))?.subjectId ?? null;
  const total = (await platform.registry.countsByCounty()).reduce((sum, c) => sum + c.residents, 0);
  progress.start('credit: records', total);
  let pending: SeedRow[] = [];
  let written = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    await bulkInsert(platform.database, 'credit_records', SEED_COLUMNS, pending);
    written += pending.length;
    pending = [];
  };
  let after: string | undefined;
  for (;;) {
    const residents = await platform.registry.residentsAfter({ after, limit: WALK });
    if (residents.length === 0) break;
    for (const resident of residents) {
      const rows =
        resident.residentId === demoResidentId
          ? demoResidentRecords(resident, today, createdAt)
          : recordsFor(resident, random, today, createdAt);
      for (const row of rows) pending.push(row);
    }
    if (pending.length >= INSERT_BATCH) await flush();
    progress.increment(residents.length);
    after = residents.at(-1)!.residentId;
  }
  await flush();
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
  await platform.credit.recompute({ progress });
}
