import { createHash } from 'node:crypto';
import type { AuditService } from '../../kernel/audit';
import type { Actor } from '../../kernel/auth';
import { type SanquDatabase, tablesOf } from '../../kernel/db';
import { parseUscc } from '../../kernel/identity';
import { type Cell, cellText, parseAmount, parseTabular, tabularProblemError } from '../../kernel/tabular';
import type { Enterprise, RegistryService } from '../registry';
import { ACTIVITY_UPLOAD_SPEC, type UploadRow } from './activity-upload';
import type { ActivityInput } from './calculator';
import type {
  CarbonEnterpriseActivityTable,
  CarbonEnterpriseValueAddedTable,
  CarbonTables,
} from './carbon.tables';
import type { CarbonFactorService } from './factor-service';
import { checkMonthEntry, type IndustrialIssue, rowGrams, wanToFen } from './industrial';
import { issueMessage, type RowMessage, rowMessage } from './industrial-messages';
import {
  activityOfMonths,
  activityRow,
  toActivity,
  upsertActivity,
  upsertValueAdded,
} from './industrial-store';
import { shanghaiMonth } from './periods';

export type UploadStatus = 'accepted' | 'warning' | 'rejected';

export interface UploadRowResult {
  row: number;
  status: UploadStatus;
  uscc: string;
  period: string;
  kind: string;
  messages: RowMessage[];
}

export interface UploadReport {
  format: 'csv' | 'xlsx';
  dryRun: boolean;
  totals: { rows: number; accepted: number; warning: number; rejected: number };
  results: UploadRowResult[];
}

interface Candidate {
  result: UploadRowResult;
  enterprise: Enterprise;
  activity: ActivityInput;
  valueAdded?: number;
}

/** Reads a row's cells into an activity, or the reasons it cannot be one. */
function readRow(row: UploadRow) {
  const text = (cell: Cell) => cellText(cell);
  const uscc = text(row.cells.uscc).toUpperCase();
  const messages: RowMessage[] = [];
  if (!parseUscc(uscc).ok) messages.push(rowMessage('invalid_uscc', { uscc }));
  const number = (field: 'amount' | 'valueAdded', optional: boolean) => {
    const cell = row.cells[field];
    if (text(cell) === '') {
      if (!optional) messages.push(rowMessage('missing_value', { field }));
      return undefined;
    }
    const value = parseAmount(cell);
    if (value === null) messages.push(rowMessage('amount_not_number', { field, value: text(cell) }));
    return value ?? undefined;
  };
  const amount = number('amount', false);
  const valueAdded = number('valueAdded', true);
  for (const field of ['period', 'kind', 'unit'] as const)
    if (text(row.cells[field]) === '') messages.push(rowMessage('missing_value', { field }));
  return {
    result: {
      row: row.row,
      status: 'rejected' as UploadStatus,
      uscc,
      period: text(row.cells.period),
      kind: text(row.cells.kind),
      messages,
    },
    activity: { kind: text(row.cells.kind), amount: amount ?? Number.NaN, unit: text(row.cells.unit) },
    valueAdded,
  };
}

/** 活动数据批量导入: per-row report; valid rows stored together, rejected rows not; dry runs store nothing. */
export function createIndustrialUploadService(
  database: SanquDatabase,
  audit: AuditService,
  registry: RegistryService,
  factors: CarbonFactorService,
  now: () => Date = () => new Date(),
) {
  const db = tablesOf<CarbonTables>(database.db);

  return {
    /**
     * Checks every row as a single entry would be (USCC, enterprise known and allowed, kind, unit, amount,
     * period, value added, own generation against the month's electricity), flags implausible figures, and
     * stores the rows that pass in one transaction with one audit entry. `allows` says whether the actor may
     * enter data for an enterprise; by default only its own (an enterprise agent's USCC).
     */
    async uploadActivity(
      actor: Actor,
      file: { filename: string; bytes: Uint8Array },
      options: { dryRun?: boolean; allows?: (enterprise: Enterprise) => boolean } = {},
    ): Promise<UploadReport> {
      const parsed = await parseTabular(ACTIVITY_UPLOAD_SPEC, file.filename, file.bytes);
      if (!parsed.ok) throw tabularProblemError(parsed.problem);
      const allows = options.allows ?? ((e: Enterprise) => e.uscc === actor.subjectId?.toUpperCase());
      const read = parsed.rows.map(readRow);
      const known = new Map(
        (
          await registry.enterprisesByUscc(
            read.filter((r) => r.result.messages.length === 0).map((r) => r.result.uscc),
          )
        ).map((e) => [e.uscc, e]),
      );
      const firstOf = new Map<string, number>();
      const valueAddedOf = new Map<string, { value: number; row: number }>();
      const candidates: Candidate[] = [];
      for (const r of read) {
        const { result } = r;
        const enterprise = known.get(result.uscc);
        if (result.messages.length === 0 && !enterprise)
          result.messages.push(rowMessage('unknown_enterprise', { uscc: result.uscc }));
        if (enterprise && !allows(enterprise))
          result.messages.push(rowMessage('not_your_enterprise', { uscc: result.uscc }));
        const key = `${result.uscc}|${result.period}|${result.kind}`;
        const first = firstOf.get(key);
        if (first !== undefined) result.messages.push(rowMessage('duplicate_in_file', { first }));
        else firstOf.set(key, result.row);
        const month = `${result.uscc}|${result.period}`;
        const earlier = valueAddedOf.get(month);
        if (r.valueAdded !== undefined && earlier && earlier.value !== r.valueAdded)
          result.messages.push(rowMessage('value_added_conflict', { first: earlier.row }));
        else if (r.valueAdded !== undefined && !earlier)
          valueAddedOf.set(month, { value: r.valueAdded, row: result.row });
        if (result.messages.length === 0 && enterprise)
          candidates.push({
            result,
            enterprise,
            activity: r.activity,
            ...(r.valueAdded !== undefined ? { valueAdded: r.valueAdded } : {}),
          });
      }

      const library = await factors.library();
      const currentPeriod = shanghaiMonth(now());
      const existing = await activityOfMonths(
        db,
        candidates.map((c) => ({ uscc: c.result.uscc, period: c.result.period })),
      );
      const groups = new Map<string, Candidate[]>();
      for (const c of candidates) {
        const month = `${c.result.uscc}|${c.result.period}`;
        groups.set(month, [...(groups.get(month) ?? []), c]);
      }
      const at = now().toISOString();
      const stored: CarbonEnterpriseActivityTable[] = [];
      const replaced: CarbonEnterpriseActivityTable[] = [];
      const valueAddedRows: CarbonEnterpriseValueAddedTable[] = [];
      for (const [month, group] of groups) {
        const [uscc, period] = month.split('|') as [string, string];
        const onFile = existing.filter((e) => e.uscc === uscc && e.period === period);
        const check = (members: Candidate[]) => {
          const kinds = new Set(members.map((m) => m.activity.kind));
          const activities = [
            ...members.map((m) => m.activity),
            ...onFile.filter((e) => !kinds.has(e.kind)).map(toActivity),
          ];
          const valueAdded = valueAddedOf.get(month)?.value;
          return checkMonthEntry(
            library,
            { period, activities, ...(valueAdded !== undefined ? { valueAdded } : {}) },
            currentPeriod,
          );
        };
        // First each row's own problems, then the month's (own generation against electricity) without them.
        const own = check(group);
        const blame = (issue: IndustrialIssue) => Number(/^activities\[(\d+)\]/.exec(issue.path)?.[1] ?? -1);
        for (const issue of own) {
          const index = blame(issue);
          for (const member of index >= 0 ? [group[index]] : group)
            member?.result.messages.push(issueMessage(issue));
        }
        const survivors = group.filter((m) => m.result.messages.length === 0);
        const monthIssues = survivors.length < group.length && survivors.length > 0 ? check(survivors) : [];
        for (const issue of monthIssues)
          for (const m of survivors) m.result.messages.push(issueMessage(issue));
        const passed = survivors.filter((m) => m.result.messages.length === 0);
        for (const m of passed) {
          const row = activityRow(
            { uscc, period, channel: 'upload', actor, at },
            m.activity,
            rowGrams(library, period, m.activity),
            m.enterprise,
          );
          const before = onFile.find((e) => e.kind === m.activity.kind);
          if (before) {
            replaced.push(before);
            m.result.messages.push(rowMessage('replaced', { old: `${before.amount} ${before.unit}` }));
          }
          if (row.warning)
            m.result.messages.push(
              rowMessage('plausibility_warning', JSON.parse(row.warning_detail ?? '{}')),
            );
          m.result.status = row.warning ? 'warning' : 'accepted';
          stored.push(row);
        }
        const valueAdded = valueAddedOf.get(month);
        if (valueAdded && passed.some((m) => m.valueAdded !== undefined))
          valueAddedRows.push({
            uscc,
            period,
            value_added_fen: wanToFen(valueAdded.value),
            channel: 'upload',
            entered_by: actor.id,
            entered_at: at,
          });
        // Value added rides on a row: when every row giving it was rejected, the stored rows say it was not kept.
        else if (valueAdded)
          for (const m of passed)
            m.result.messages.push(rowMessage('value_added_not_stored', { row: valueAdded.row }));
      }

      const results = read.map((r) => r.result);
      const count = (status: UploadStatus) => results.filter((r) => r.status === status).length;
      const report: UploadReport = {
        format: parsed.format,
        dryRun: options.dryRun ?? false,
        totals: {
          rows: results.length,
          accepted: count('accepted'),
          warning: count('warning'),
          rejected: count('rejected'),
        },
        results,
      };
      if (report.dryRun || stored.length === 0) return report;
      await audit.transaction(db, async (trx) => {
        await upsertActivity(trx, stored);
        await upsertValueAdded(trx, valueAddedRows);
        await audit.record(trx, {
          actor,
          action: 'carbon.industrial.activity.upload',
          resourceType: 'carbon_enterprise_activity',
          resourceId: createHash('sha256').update(file.bytes).digest('hex').slice(0, 32),
          before: { rows: replaced },
          after: { filename: file.filename, rows: stored, valueAdded: valueAddedRows, totals: report.totals },
        });
      });
      return report;
    },
  };
}
