import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { AuditActor, AuditService } from '../../kernel/audit';
import { type SanquDatabase, serializeWithinTransaction, tablesOf } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import { type Progress, silentProgress } from '../../kernel/progress';
import type { CarbonCloseRunTable, CarbonTables } from './carbon.tables';
import { type ClosablePeriod, closablePeriod } from './close-period';
import { buildCloseStatistics, type CloseStatistics, type IndustrialCloseFigures } from './close-statistics';
import type { CarbonExpiryService } from './expiry-service';
import type { CarbonFarmService } from './farm-service';
import { closePersonalResults } from './personal-results';

export type CloseStatus = 'running' | 'succeeded' | 'failed';

/** One run of the monthly close, as listed. */
export interface CloseRun {
  id: string;
  period: string;
  status: CloseStatus;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string | null;
  process: string;
  residents: number;
  enterprises: number;
  farms: number;
  expiredPoints: number;
  error: string | null;
}

export interface CloseOptions {
  progress?: Progress;
  actor?: AuditActor | null;
  /** Who started it, for the run row (a username, or the OS user of a CLI run). */
  startedBy?: string | null;
}

/** The parts of the carbon service the close drives. `industrial` is feature-detected (see industrialCloser). */
export interface CloseParts {
  /** Points accepted but not yet in the wallets are credited first: expiry and the results count wallets. */
  behaviours: { creditPending(): Promise<unknown> };
  farms: CarbonFarmService;
  points: CarbonExpiryService;
  industrial?: unknown;
}

/** A run still 'running' after this long is taken to have died (the process was killed) and no longer blocks. */
const STALE_RUN_MS = 6 * 3_600_000;
/** How far back the close's expiry looks for lots that ran out: catches up after a few missed closes. */
const EXPIRY_LOOKBACK_MONTHS = 3;

const toRun = (row: CarbonCloseRunTable): CloseRun => ({
  id: row.id,
  period: row.period,
  status: row.status as CloseStatus,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  startedBy: row.started_by,
  process: row.process,
  residents: Number(row.residents),
  enterprises: Number(row.enterprises),
  farms: Number(row.farms),
  expiredPoints: Number(row.expired_points),
  error: row.error,
});

/**
 * The industrial close, when the carbon service has one (`industrial.closePeriod(period, runId)`); null until the
 * industrial accounts are part of the service, in which case the run closes residents and farms only and says so.
 */
function industrialCloser(
  industrial: unknown,
): ((period: string, runId: string, actor: AuditActor | null) => Promise<IndustrialCloseFigures>) | null {
  if (typeof industrial !== 'object' || industrial === null) return null;
  const closePeriod: unknown = (industrial as { closePeriod?: unknown }).closePeriod;
  if (typeof closePeriod !== 'function') return null;
  return (period, runId, actor) =>
    closePeriod.call(industrial, period, runId, actor) as Promise<IndustrialCloseFigures>;
}

/** The day before the first day of the month `months` before `period`'s. */
function lookbackStart(period: ClosablePeriod, months: number): string {
  const index = period.year * 12 + Number(period.period.slice(5, 7)) - 1 - months;
  return new Date(Date.UTC(Math.floor(index / 12), index % 12, 0)).toISOString().slice(0, 10);
}

export type CarbonCloseService = ReturnType<typeof createCarbonCloseService>;

/**
 * 月度结算 — the monthly close: expires points that ran out by the month's last day, computes every resident's,
 * enterprise's and farm's results for the month (replacing the month's earlier results, so a re-run gives the
 * same figures) and stores the city statistics with the run. A long job: run from the CLI, not in a request.
 */
export function createCarbonCloseService(
  database: SanquDatabase,
  audit: AuditService,
  parts: CloseParts,
  now: () => Date = () => new Date(),
) {
  const db = tablesOf<CarbonTables>(database.db);
  const processName = `${hostname()}:${process.pid}`;

  async function start(period: ClosablePeriod, options: CloseOptions): Promise<string> {
    const id = randomUUID();
    const startedAt = now();
    await audit.transaction(db, async (trx) => {
      await serializeWithinTransaction(trx, database.dialect, 'carbon_close');
      const running = await trx
        .selectFrom('carbon_close_runs')
        .select(['id', 'started_at'])
        .where('period', '=', period.period)
        .where('status', '=', 'running')
        .where('started_at', '>', new Date(startedAt.getTime() - STALE_RUN_MS).toISOString())
        .executeTakeFirst();
      if (running)
        throw new AppError(409, 'CLOSE_RUNNING', 'closeRunning', {
          period: period.period,
          runId: running.id,
          startedAt: running.started_at,
        });
      const row: CarbonCloseRunTable = {
        id,
        period: period.period,
        status: 'running',
        started_at: startedAt.toISOString(),
        finished_at: null,
        started_by: options.startedBy ?? options.actor?.id ?? null,
        process: processName,
        residents: 0,
        enterprises: 0,
        farms: 0,
        expired_points: 0,
        statistics: null,
        error: null,
      };
      await trx.insertInto('carbon_close_runs').values(row).execute();
      await audit.record(trx, {
        actor: options.actor ?? null,
        action: 'carbon.close.start',
        resourceType: 'carbon_close_run',
        resourceId: id,
        after: row,
      });
    });
    return id;
  }

  async function finish(runId: string, actor: AuditActor | null, changes: Partial<CarbonCloseRunTable>) {
    await audit.transaction(db, async (trx) => {
      await trx
        .updateTable('carbon_close_runs')
        .set({ ...changes, finished_at: now().toISOString() })
        .where('id', '=', runId)
        .execute();
      await audit.record(trx, {
        actor,
        action: `carbon.close.${changes.status}`,
        resourceType: 'carbon_close_run',
        resourceId: runId,
        after: changes,
      });
    });
  }

  return {
    /**
     * Closes `period` ('YYYY-MM', a month that has ended in Asia/Shanghai). Records a run row first; on failure
     * the row says so and the error is rethrown. Returns the run and its statistics.
     * @example const { run, statistics } = await platform.carbon.close.run('2026-03', { progress });
     */
    async run(
      period: string,
      options: CloseOptions = {},
    ): Promise<{ run: CloseRun; statistics: CloseStatistics }> {
      const checked = closablePeriod(period, now());
      if (!checked.ok) {
        const { problem } = checked;
        if (problem.code === 'period_format')
          throw new AppError(422, 'CLOSE_PERIOD_FORMAT', 'closePeriodFormat', { period });
        throw new AppError(422, 'CLOSE_PERIOD_NOT_ENDED', 'closePeriodNotEnded', {
          period,
          current: problem.current,
        });
      }
      const target = checked.value;
      const actor = options.actor ?? null;
      const progress = options.progress ?? silentProgress;
      const runId = await start(target, options);
      try {
        await parts.behaviours.creditPending();
        const expiry = await parts.points.expire(target.lastDay, {
          since: lookbackStart(target, EXPIRY_LOOKBACK_MONTHS),
          actor,
          progress,
        });
        progress.start(`carbon close ${period}: personal results`, 1);
        const personal = await audit.transaction(db, async (trx) => {
          const byCounty = await closePersonalResults(trx, target, runId);
          await audit.record(trx, {
            actor,
            action: 'carbon.close.personal',
            resourceType: 'carbon_close_run',
            resourceId: runId,
            after: { period, byCounty },
          });
          return byCounty;
        });
        progress.increment();
        progress.stop();
        const closeIndustrial = industrialCloser(parts.industrial);
        progress.start(`carbon close ${period}: enterprises`, 1);
        const enterprises = closeIndustrial ? await closeIndustrial(period, runId, actor) : null;
        progress.increment();
        progress.stop();
        progress.start(`carbon close ${period}: farms (${target.year})`, 1);
        const farms = await parts.farms.closeYear(
          { year: target.year, period, runId, final: target.yearEnd },
          actor,
        );
        progress.increment();
        progress.stop();
        const statistics = buildCloseStatistics({ period, runId, personal, farms, enterprises, expiry });
        await finish(runId, actor, {
          status: 'succeeded',
          residents: statistics.personal.residents,
          enterprises: enterprises?.enterprises ?? 0,
          farms: farms.farms,
          expired_points: expiry.points,
          statistics: JSON.stringify(statistics),
        });
        return { run: (await this.runOf(runId))!, statistics };
      } catch (error) {
        await finish(runId, actor, {
          status: 'failed',
          error: error instanceof Error ? error.message.slice(0, 2_000) : String(error),
        });
        throw error;
      }
    },

    async runOf(runId: string): Promise<CloseRun | null> {
      const row = await db
        .selectFrom('carbon_close_runs')
        .selectAll()
        .where('id', '=', runId)
        .executeTakeFirst();
      return row ? toRun(row) : null;
    },

    /** Runs, newest first; optionally of one period. */
    async runs(options: { period?: string; limit?: number } = {}): Promise<CloseRun[]> {
      let query = db
        .selectFrom('carbon_close_runs')
        .selectAll()
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.min(Math.max(1, options.limit ?? 50), 500));
      if (options.period) query = query.where('period', '=', options.period);
      return (await query.execute()).map(toRun);
    },

    /** The statistics of the period's latest successful run, or null when the period has not been closed. */
    async statistics(period: string): Promise<CloseStatistics | null> {
      const row = await db
        .selectFrom('carbon_close_runs')
        .select('statistics')
        .where('period', '=', period)
        .where('status', '=', 'succeeded')
        .orderBy('finished_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.statistics ? (JSON.parse(row.statistics) as CloseStatistics) : null;
    },

    /** One resident's closed month (reductions, points, events), or null when not closed or no events. */
    async personalResult(period: string, residentId: string) {
      const row = await db
        .selectFrom('carbon_personal_results')
        .selectAll()
        .where('period', '=', period)
        .where('subject_id', '=', residentId.toUpperCase())
        .executeTakeFirst();
      return row
        ? { period, events: Number(row.events), grams: Number(row.grams), points: Number(row.points) }
        : null;
    },

    /**
     * Closed personal results of `period` in resident-ID order after `after` (keyset pages): how other modules
     * (信安分's green-life records) read the month's reductions without reading carbon's tables.
     */
    async personalResultsAfter(period: string, options: { after?: string; limit: number }) {
      let query = db
        .selectFrom('carbon_personal_results')
        .select(['subject_id', 'grams', 'points', 'events'])
        .where('period', '=', period)
        .orderBy('subject_id')
        .limit(Math.min(Math.max(1, options.limit), 10_000));
      if (options.after) query = query.where('subject_id', '>', options.after);
      return (await query.execute()).map((r) => ({
        residentId: r.subject_id,
        grams: Number(r.grams),
        points: Number(r.points),
        events: Number(r.events),
      }));
    },
  };
}
