import type { AuditService } from '../../kernel/audit';
import type { Actor } from '../../kernel/auth';
import { type SanquDatabase, tablesOf } from '../../kernel/db';
import { AppError, type Language, notFound } from '../../kernel/errors';
import type { Enterprise, RegistryService } from '../registry';
import type { ActivityInput } from './calculator';
import type { CarbonTables } from './carbon.tables';
import type { CarbonFactorService } from './factor-service';
import { checkMonthEntry, rowGrams, wanToFen } from './industrial';
import { createIndustrialCloseService } from './industrial-close-service';
import { issueMessage } from './industrial-messages';
import { createIndustrialResultService } from './industrial-result-service';
import {
  type ActivityEntry,
  activityRow,
  activityRows,
  toActivity,
  toEntry,
  upsertActivity,
  upsertValueAdded,
  valueAddedRows,
} from './industrial-store';
import { createIndustrialUploadService } from './industrial-upload-service';
import { shanghaiMonth } from './periods';

export type CarbonIndustrialService = ReturnType<typeof createCarbonIndustrialService>;

export interface ActivityEntryInput {
  uscc: string;
  period: string;
  activities: ActivityInput[];
  /** 万元 */
  valueAdded?: number;
}

export interface RecordedMonth {
  uscc: string;
  period: string;
  /** The rows of this entry as stored, with any plausibility warning. */
  rows: ActivityEntry[];
  /** 万元, as now on file for the month (null when never given). */
  valueAdded: number | null;
  /** Kinds whose earlier figure this entry replaced. */
  replaced: string[];
}

/** Makes a 422 whose details name each problem in the caller's language. */
export function invalidActivity(issues: ReturnType<typeof checkMonthEntry>, language: Language) {
  const details = issues.map((issue) => {
    const message = issueMessage(issue);
    return { path: `body.${issue.path}`, message: language === 'en' ? message.en : message.zh };
  });
  return new AppError(422, 'INVALID_ACTIVITY_DATA', 'validationFailed', {}, details);
}

/**
 * 工业企业碳账户 — monthly activity data per enterprise (single entry, upload, officer confirmation of implausible
 * figures), the monthly close of the industrial accounts, and the results read from them.
 */
export function createCarbonIndustrialService(
  database: SanquDatabase,
  audit: AuditService,
  registry: RegistryService,
  factors: CarbonFactorService,
  now: () => Date = () => new Date(),
) {
  const db = tablesOf<CarbonTables>(database.db);
  const results = createIndustrialResultService(database, factors);

  return {
    /** The registry facts the routes authorise on (county for jurisdiction, USCC for own). */
    async enterpriseOf(uscc: string): Promise<Enterprise | null> {
      return registry.getEnterprise(uscc);
    },

    /**
     * Records one month's figures for an enterprise: each activity replaces the month's earlier figure of its
     * kind; `valueAdded` (万元) replaces the month's value added. Checked with the calculator's rules against the
     * month as it will stand; a figure implausible for the enterprise's size is stored flagged, left out of the
     * figures until an officer confirms it. Audited with the old and new rows.
     */
    async recordActivity(
      actor: Actor,
      input: ActivityEntryInput,
      options: { language?: Language; channel?: 'entry' | 'upload' } = {},
    ): Promise<RecordedMonth> {
      const language = options.language ?? 'zh-CN';
      const uscc = input.uscc.toUpperCase();
      const enterprise = await registry.getEnterprise(uscc);
      if (!enterprise) throw notFound('enterprise', uscc);
      if (input.activities.length === 0 && input.valueAdded === undefined)
        throw invalidActivity([{ path: 'activities', code: 'no_activities', params: {} }], language);
      const library = await factors.library();
      const existing = await activityRows(db, uscc, input.period, input.period);
      const entered = new Set(input.activities.map((a) => a.kind));
      // New rows first, so an issue's activities[i] is the caller's i.
      const month = [...input.activities, ...existing.filter((r) => !entered.has(r.kind)).map(toActivity)];
      const issues = checkMonthEntry(
        library,
        {
          period: input.period,
          activities: month,
          ...(input.valueAdded !== undefined ? { valueAdded: input.valueAdded } : {}),
        },
        shanghaiMonth(now()),
      );
      if (issues.length > 0) throw invalidActivity(issues, language);

      const at = now().toISOString();
      const base = { uscc, period: input.period, channel: options.channel ?? 'entry', actor, at };
      const rows = input.activities.map((a) =>
        activityRow(base, a, rowGrams(library, input.period, a), enterprise),
      );
      const replacedRows = existing.filter((r) => entered.has(r.kind));
      const [oldValueAdded] = await valueAddedRows(db, uscc, input.period, input.period);
      const valueAdded =
        input.valueAdded === undefined
          ? null
          : {
              uscc,
              period: input.period,
              value_added_fen: wanToFen(input.valueAdded),
              channel: base.channel,
              entered_by: actor.id,
              entered_at: at,
            };
      await audit.transaction(db, async (trx) => {
        await upsertActivity(trx, rows);
        if (valueAdded) await upsertValueAdded(trx, [valueAdded]);
        await audit.record(trx, {
          actor,
          action: 'carbon.industrial.activity.record',
          resourceType: 'carbon_enterprise_activity',
          resourceId: `${uscc}:${input.period}`,
          before: { rows: replacedRows, valueAdded: valueAdded ? (oldValueAdded ?? null) : undefined },
          after: { rows, valueAdded },
        });
      });
      const fen =
        valueAdded?.value_added_fen ?? (oldValueAdded ? Number(oldValueAdded.value_added_fen) : null);
      return {
        uscc,
        period: input.period,
        rows: rows.map(toEntry),
        valueAdded: fen === null ? null : fen / 1_000_000,
        replaced: replacedRows.map((r) => r.kind),
      };
    },

    /** An officer confirms a flagged figure: from now on it counts. 404 without the row, 409 when nothing waits. */
    async confirmActivity(actor: Actor, uscc: string, period: string, kind: string): Promise<ActivityEntry> {
      const key = { uscc: uscc.toUpperCase(), period, kind };
      const row = await db
        .selectFrom('carbon_enterprise_activity')
        .selectAll()
        .where('uscc', '=', key.uscc)
        .where('period', '=', period)
        .where('kind', '=', kind)
        .executeTakeFirst();
      if (!row) throw notFound('activity data', `${key.uscc} ${period} ${kind}`);
      if (Number(row.warning) === 0)
        throw new AppError(409, 'NOTHING_TO_CONFIRM', 'activityNothingToConfirm', key);
      if (row.confirmed_by !== null)
        throw new AppError(409, 'ALREADY_CONFIRMED', 'activityAlreadyConfirmed', {
          ...key,
          by: row.confirmed_by,
        });
      const confirmed = { ...row, confirmed_by: actor.id, confirmed_at: now().toISOString() };
      await audit.transaction(db, async (trx) => {
        const updated = await trx
          .updateTable('carbon_enterprise_activity')
          .set({ confirmed_by: confirmed.confirmed_by, confirmed_at: confirmed.confirmed_at })
          .where('uscc', '=', key.uscc)
          .where('period', '=', period)
          .where('kind', '=', kind)
          .where('confirmed_by', 'is', null)
          .executeTakeFirst();
        // A concurrent confirmation (or a re-entry) got there first.
        if (Number(updated.numUpdatedRows) !== 1)
          throw new AppError(409, 'ALREADY_CONFIRMED', 'activityAlreadyConfirmed', { ...key, by: '?' });
        await audit.record(trx, {
          actor,
          action: 'carbon.industrial.activity.confirm',
          resourceType: 'carbon_enterprise_activity',
          resourceId: `${key.uscc}:${period}:${kind}`,
          before: row,
          after: confirmed,
        });
      });
      return toEntry(confirmed);
    },

    /** The rows entered for a month, flagged ones included, and its value added (万元). */
    async listActivity(
      uscc: string,
      period: string,
    ): Promise<{ rows: ActivityEntry[]; valueAdded: number | null }> {
      const key = uscc.toUpperCase();
      const [rows, [valueAdded]] = await Promise.all([
        activityRows(db, key, period, period),
        valueAddedRows(db, key, period, period),
      ]);
      return {
        rows: rows.map(toEntry),
        valueAdded: valueAdded ? Number(valueAdded.value_added_fen) / 1_000_000 : null,
      };
    },

    ...createIndustrialUploadService(database, audit, registry, factors, now),
    ...results,
    ...createIndustrialCloseService(database, audit, registry, factors, now),
  };
}
